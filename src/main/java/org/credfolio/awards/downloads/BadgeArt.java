package org.credfolio.awards.downloads;

import java.util.List;

/**
 * The badge's picture, one layout for the SVG and the PNG: a 512 by 512 medal with the credential's
 * name, the certifying body and the issuing district, long names wrapped.
 */
final class BadgeArt {
    static final int SIZE = 512;
    static final String BACKGROUND = "#1f4e79";
    static final String RING = "#f2c14e";
    static final String TEXT = "#ffffff";

    private BadgeArt() {}

    /** What a badge shows: the credential, who certifies it (null when the catalog names no one), the district. */
    record Subject(String credentialName, String certifyingBody, String district) {}

    /** A line of text at a baseline, with its size and weight. */
    record Line(String text, int y, int size, boolean bold) {}

    static List<Line> lines(Subject badge) {
        List<String> name = BadgeText.wrap(badge.credentialName(), 18, 4);
        List<String> body = badge.certifyingBody() == null ? List.of() : BadgeText.wrap(badge.certifyingBody(), 30, 2);
        List<String> district = BadgeText.wrap(badge.district(), 30, 2);
        java.util.ArrayList<Line> out = new java.util.ArrayList<>();
        int nameHeight = name.size() * 38;
        int y = 236 - nameHeight / 2 + 28;
        for (String line : name) {
            out.add(new Line(line, y, 32, true));
            y += 38;
        }
        y = Math.max(y + 8, 320);
        for (String line : body) {
            out.add(new Line(line, y, 18, false));
            y += 22;
        }
        y = Math.max(y + 14, 392);
        for (String line : district) {
            out.add(new Line(line, y, 17, true));
            y += 21;
        }
        return out;
    }

    /** The accessible name of the image. */
    static String title(Subject badge) {
        return badge.credentialName() + " badge";
    }

    /** The accessible description of the image. */
    static String description(Subject badge) {
        return "Open Badge for " + badge.credentialName()
                + (badge.certifyingBody() == null ? "" : ", certified by " + badge.certifyingBody())
                + ", issued by " + badge.district() + ".";
    }
}
