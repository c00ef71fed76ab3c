package dev.switchboard.routing.examples.simulator;

import java.util.List;
import java.util.Locale;

/**
 * Builds one inline SVG image as well-formed XML text: rectangles, lines, polylines and text, with coordinates
 * written to one decimal so that the same chart is always the same text. Shapes can carry a tooltip.
 */
final class Svg {

    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        body.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y))
                .append("\" width=\"").append(number(Math.max(0, w))).append("\" height=\"")
                .append(number(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
        return tooltip(tooltip, "rect");
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        return line(x1, y1, x2, y2, cssClass, null);
    }

    /** A line with a tooltip. */
    Svg line(double x1, double y1, double x2, double y2, String cssClass, String tooltip) {
        body.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
                .append(number(x2)).append("\" y2=\"").append(number(y2)).append("\" class=\"").append(cssClass)
                .append('"');
        return tooltip(tooltip, "line");
    }

    /** A line through points given as x, y pairs. */
    Svg polyline(List<double[]> points, String stroke, String tooltip) {
        body.append("<polyline fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            body.append(i == 0 ? "" : " ").append(number(points.get(i)[0])).append(',').append(number(points.get(i)[1]));
        }
        body.append('"');
        return tooltip(tooltip, "polyline");
    }

    /** Text; {@code anchor} is {@code start}, {@code middle} or {@code end}. */
    Svg text(double x, double y, String text, String anchor, String cssClass) {
        body.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
                .append("\" text-anchor=\"").append(anchor).append("\" class=\"").append(cssClass).append("\">")
                .append(escape(text)).append("</text>");
        return this;
    }

    /** The image, scaling to the width of its container; {@code label} describes it for screen readers. */
    String render(String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" role=\"img\" aria-label=\"" + escape(label) + "\">" + body + "</svg>";
    }

    private Svg tooltip(String tooltip, String element) {
        if (tooltip == null) {
            body.append("/>");
        } else {
            body.append("><title>").append(escape(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text for XML content and attribute values. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
