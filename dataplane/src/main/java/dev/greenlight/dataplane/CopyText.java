package dev.greenlight.dataplane;

/**
 * Values in PostgreSQL's {@code COPY … FROM STDIN} text format, where backslash, tab and line
 * breaks are special and {@code \N} is NULL. Stateless.
 */
public final class CopyText {
  private CopyText() {}

  /** {@code value} escaped for a text-format COPY field, or {@code \N} for null. */
  public static String field(String value) {
    if (value == null) {
      return "\\N";
    }
    StringBuilder escaped = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String replacement =
          switch (c) {
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> null;
          };
      if (replacement != null && escaped == null) {
        escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
      }
      if (escaped != null) {
        if (replacement != null) {
          escaped.append(replacement);
        } else {
          escaped.append(c);
        }
      }
    }
    return escaped == null ? value : escaped.toString();
  }
}
