package dev.greenlight.starter.rehearse;

import java.util.Locale;

/** Small helpers for writing inline SVG by hand: escaping, number formatting, titled shapes. */
final class Svg {
  private Svg() {}

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /**
   * Appends a rectangle whose title shows on hover: the report's bands and bars.
   *
   * @param paint its remaining attributes, as written: {@code fill='#fef3c7'} or {@code
   *     class='batch'}
   */
  static void titledRect(
      StringBuilder s,
      double x,
      double y,
      double width,
      double height,
      String paint,
      String title) {
    s.append("<rect x='")
        .append(num(x))
        .append("' y='")
        .append(num(y))
        .append("' width='")
        .append(num(width))
        .append("' height='")
        .append(num(height))
        .append("' ")
        .append(paint)
        .append("><title>")
        .append(esc(title))
        .append("</title></rect>");
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A value for an axis label: short, with enough digits for rates like 0.001. */
  static String label(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
    return String.format(Locale.ROOT, "%.2g", v);
  }
}
