package org.credfolio.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credfolio.shared.web.Html;

/**
 * A horizontal bar chart as inline SVG, drawn on the server so the page needs no script and prints
 * as it shows, inside a figure with its caption and an HTML legend of every colour used. Labels
 * carry the figure too, so the chart reads without colour.
 *
 * <p>The server cannot measure text, so widths are estimated from conservative per-glyph widths (of
 * DejaVu Sans, a wide fallback font): the label column is as wide as the longest label needs, up to
 * a limit; longer labels wrap onto a second line and are cut with an ellipsis after that, the full
 * label in a {@code <title>} tooltip (and in the table beside the chart).
 */
final class SvgBars {
    static final int WIDTH = 720;
    private static final int FONT = 12;
    private static final int LINE = 15;
    private static final int MAX_LABEL_WIDTH = 290;
    private static final int MAX_LINES = 2;
    private static final int GAP = 8;
    private static final int BAR = 14;

    private SvgBars() {}

    /** One bar: its label, its length, the figure printed beside it, its colour and the legend entry of that colour. */
    record Bar(String label, double value, String figure, String colour, String legend) {}

    /**
     * @param id unique in the page, for the aria references
     * @param caption the figure's caption, also the chart's title
     * @param description what the chart shows, for screen readers
     */
    static String figure(String id, String caption, String description, List<Bar> bars) {
        Map<String, String> legend = new LinkedHashMap<>();
        bars.forEach(b -> legend.putIfAbsent(b.colour(), b.legend()));
        StringBuilder html = new StringBuilder("<figure class=\"chart\"><figcaption id=\"")
                .append(id)
                .append("-caption\">")
                .append(Html.escape(caption))
                .append("</figcaption>")
                .append(svg(id, caption, description, bars))
                .append("<ul class=\"legend\" aria-label=\"Legend\">");
        legend.forEach((colour, words) -> html.append("<li><span class=\"swatch\" style=\"border-color:")
                .append(Html.escape(colour))
                .append("\"></span>")
                .append(Html.escape(words))
                .append("</li>"));
        if (legend.isEmpty()) {
            html.append("<li>No data to chart.</li>");
        }
        return html.append("</ul></figure>").toString();
    }

    static String svg(String id, String title, String description, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double widest = bars.stream().mapToDouble(b -> width(b.label())).max().orElse(0);
        int labelWidth = (int) Math.ceil(Math.min(MAX_LABEL_WIDTH, Math.max(40, widest)));
        int figureWidth = (int) Math.ceil(
                bars.stream().mapToDouble(b -> width(b.figure())).max().orElse(0));
        int barStart = labelWidth + GAP;
        int room = Math.max(40, WIDTH - barStart - GAP - figureWidth - 4);

        List<List<String>> labels = new ArrayList<>();
        int height = 6;
        for (Bar bar : bars) {
            List<String> lines = wrap(bar.label(), labelWidth);
            labels.add(lines);
            height += rowHeight(lines.size());
        }
        height = Math.max(height + 4, 30);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.US,
                "<svg role=\"img\" aria-labelledby=\"%s-title %s-desc\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                        + " preserveAspectRatio=\"xMinYMin meet\" font-size=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">",
                id,
                id,
                WIDTH,
                height,
                FONT));
        svg.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(Html.escape(title))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(Html.escape(description))
                .append("</desc>");
        int y = 6;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            List<String> lines = labels.get(i);
            int rowHeight = rowHeight(lines.size());
            int length = max <= 0 ? 0 : (int) Math.round(bar.value() / max * room);
            svg.append("<g><title>")
                    .append(Html.escape(bar.label() + ": " + bar.figure()))
                    .append("</title>");
            int firstBaseline = y + (rowHeight - lines.size() * LINE) / 2 + 11;
            svg.append(String.format(
                    Locale.US,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#1a1a1a\">",
                    labelWidth,
                    firstBaseline));
            for (int l = 0; l < lines.size(); l++) {
                svg.append(String.format(
                                Locale.US, "<tspan x=\"%d\"%s>", labelWidth, l == 0 ? "" : " dy=\"" + LINE + "\""))
                        .append(Html.escape(lines.get(l)))
                        .append("</tspan>");
            }
            svg.append("</text>");
            int barY = y + (rowHeight - BAR) / 2;
            svg.append(String.format(
                    Locale.US,
                    "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                    barStart,
                    barY,
                    length,
                    BAR,
                    Html.escape(bar.colour())));
            svg.append(String.format(
                            Locale.US,
                            "<text x=\"%d\" y=\"%d\" fill=\"#1a1a1a\">",
                            barStart + length + GAP / 2,
                            barY + 11))
                    .append(Html.escape(bar.figure()))
                    .append("</text></g>");
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static int rowHeight(int lines) {
        return Math.max(22, lines * LINE + 7);
    }

    /** The label in at most two lines of at most {@code width}, words kept whole where they fit. */
    static List<String> wrap(String label, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = (label == null ? "" : label.strip()).split("\\s+");
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == MAX_LINES) {
                    return ellipsis(lines, width);
                }
            }
            // A word too long for a line on its own is cut across lines.
            while (width(word) > width) {
                int cut = fit(word, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
                if (lines.size() == MAX_LINES) {
                    return ellipsis(lines, width);
                }
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The last line cut so that an ellipsis fits after it. */
    private static List<String> ellipsis(List<String> lines, double width) {
        String last = lines.get(lines.size() - 1);
        while (!last.isEmpty() && width(last + "…") > width) {
            last = last.substring(0, last.length() - 1);
        }
        lines.set(lines.size() - 1, last.stripTrailing() + "…");
        return lines;
    }

    private static int fit(String word, double width) {
        int n = 1;
        while (n < word.length() && width(word.substring(0, n + 1)) <= width) {
            n++;
        }
        return n;
    }

    /** Estimated width in user units at the chart's font size; generous, so text never overflows. */
    static double width(String text) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += glyph(text.charAt(i));
        }
        return em * FONT;
    }

    private static double glyph(char c) {
        if (c == ' ') {
            return 0.34;
        }
        if ("iljI'.,:;!|".indexOf(c) >= 0) {
            return 0.34;
        }
        if ("ftr()[]-".indexOf(c) >= 0) {
            return 0.45;
        }
        if ("mwMW@%…".indexOf(c) >= 0) {
            return 1.02;
        }
        if (Character.isUpperCase(c)) {
            return 0.8;
        }
        if (Character.isDigit(c)) {
            return 0.66;
        }
        if (Character.isLowerCase(c)) {
            return 0.64;
        }
        return 0.85;
    }
}
