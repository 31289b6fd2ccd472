package org.credfolio.reporting;

import java.util.List;
import java.util.Locale;
import org.credfolio.shared.web.Html;

/**
 * A horizontal bar chart as inline SVG, drawn on the server so the page needs no script and prints
 * as it shows. Labels carry the figure too, so the chart reads without colour.
 */
final class SvgBars {
    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 300;
    private static final int ROW = 22;

    private SvgBars() {}

    /** One bar: its label, its length, the figure printed beside it, and its colour. */
    record Bar(String label, double value, String figure, String colour) {}

    static String render(String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = ROW * Math.max(1, bars.size()) + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" style=\"max-width:760px\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
                .append(Html.escape(title))
                .append("</title>");
        int y = 5;
        int room = WIDTH - LABEL_WIDTH - 180;
        for (Bar bar : bars) {
            int length = max <= 0 ? 0 : (int) Math.round(bar.value() / max * room);
            svg.append(String.format(
                    Locale.US,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>",
                    LABEL_WIDTH - 6,
                    y + 15,
                    Html.escape(shorten(bar.label()))));
            svg.append(String.format(
                    Locale.US,
                    "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\"/>",
                    LABEL_WIDTH,
                    y + 3,
                    length,
                    bar.colour()));
            svg.append(String.format(
                    Locale.US,
                    "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
                    LABEL_WIDTH + length + 6,
                    y + 15,
                    Html.escape(bar.figure())));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() <= 45 ? label : label.substring(0, 44) + "…";
    }
}
