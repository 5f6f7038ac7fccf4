package dev.greenlight.starter.rehearse;

import java.util.Locale;

/** Small helpers for writing inline SVG by hand: escaping and number formatting. */
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
