package org.credfolio.awards.downloads;

import java.util.Locale;

/**
 * The badge as SVG, baked as Open Badges 3.0 says (Baked Badge, SVG): the {@code openbadges}
 * namespace on the {@code <svg>} tag and, directly after it, one {@code <openbadges:credential>}
 * element: with a {@code verify} attribute holding the compact JWS for a VC-JWT, or, for a
 * credential with an embedded proof, with no {@code verify} attribute and the credential's JSON in
 * its body, wrapped in CDATA. Every text is XML-escaped. Unbaked, the same picture is the
 * achievement's image.
 */
final class BadgeSvg {
    static final String OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

    private BadgeSvg() {}

    /** The achievement's image: the picture alone, no credential in it. */
    static String unbaked(BadgeArt.Subject badge) {
        return render(badge, "");
    }

    /** The badge baked with the VC-JWT of the credential. */
    static String withJwt(EarnedCredentialFiles.CredentialFile file) {
        return render(
                file.badge(),
                "<openbadges:credential verify=\"" + BadgeText.xml(file.jwt()) + "\"></openbadges:credential>");
    }

    /** The badge baked with the credential secured by its embedded Data Integrity proof. */
    static String withDataIntegrity(EarnedCredentialFiles.CredentialFile file) {
        // "]]>" cannot appear inside one CDATA section: it is split across two.
        String json = file.dataIntegrity().replace("]]>", "]]]]><![CDATA[>");
        return render(file.badge(), "<openbadges:credential><![CDATA[" + json + "]]></openbadges:credential>");
    }

    private static String render(BadgeArt.Subject badge, String credentialElement) {
        int half = BadgeArt.SIZE / 2;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"")
                .append(OB_NAMESPACE)
                .append("\" viewBox=\"0 0 512 512\" width=\"512\" height=\"512\" role=\"img\"")
                .append(" aria-labelledby=\"badge-title badge-desc\">")
                .append(credentialElement)
                .append("\n<title id=\"badge-title\">")
                .append(BadgeText.xml(BadgeArt.title(badge)))
                .append("</title>\n<desc id=\"badge-desc\">")
                .append(BadgeText.xml(BadgeArt.description(badge)))
                .append("</desc>\n")
                .append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%d\" cy=\"%d\" r=\"250\" fill=\"%s\"/>%n",
                        half,
                        half,
                        BadgeArt.BACKGROUND))
                .append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%d\" cy=\"%d\" r=\"232\" fill=\"none\" stroke=\"%s\" stroke-width=\"8\"/>%n",
                        half,
                        half,
                        BadgeArt.RING))
                .append("<g fill=\"")
                .append(BadgeArt.TEXT)
                .append("\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" text-anchor=\"middle\">\n");
        for (BadgeArt.Line line : BadgeArt.lines(badge)) {
            svg.append(String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" font-size=\"%d\"%s>",
                            half,
                            line.y(),
                            line.size(),
                            line.bold() ? " font-weight=\"bold\"" : ""))
                    .append(BadgeText.xml(line.text()))
                    .append("</text>\n");
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }
}
