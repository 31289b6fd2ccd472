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

    /** A line of text at a baseline, with its size and weight. */
    record Line(String text, int y, int size, boolean bold) {}

    static List<Line> lines(EarnedCredentialFiles.CredentialFile file) {
        List<String> name = BadgeText.wrap(file.credentialName(), 18, 4);
        List<String> body = file.certifyingBody() == null ? List.of() : BadgeText.wrap(file.certifyingBody(), 30, 2);
        List<String> district = BadgeText.wrap(file.district(), 30, 2);
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
    static String title(EarnedCredentialFiles.CredentialFile file) {
        return file.credentialName() + " badge";
    }

    /** The accessible description of the image. */
    static String description(EarnedCredentialFiles.CredentialFile file) {
        return "Open Badge for " + file.credentialName()
                + (file.certifyingBody() == null ? "" : ", certified by " + file.certifyingBody())
                + ", issued by " + file.district() + ".";
    }
}
