package dev.fibered.processor.lower;

import com.sun.source.tree.LiteralTree;

/** Literals printed back as Java source for the value they hold. */
final class Literals {
  private Literals() {}

  static String source(LiteralTree tree) {
    Object value = tree.getValue();
    switch (tree.getKind()) {
      case NULL_LITERAL:
        return "null";
      case LONG_LITERAL:
        return value + "L";
      case FLOAT_LITERAL:
        return value + "F";
      case DOUBLE_LITERAL:
        return value + "D";
      case CHAR_LITERAL:
        return "'" + escape(String.valueOf(value), '\'') + "'";
      case STRING_LITERAL:
        return "\"" + escape((String) value, '"') + "\"";
      default:
        return String.valueOf(value);
    }
  }

  /** Escapes for a Java literal; non-ASCII as \\u escapes, so the file's encoding never matters. */
  static String escape(String s, char quote) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\b' -> sb.append("\\b");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\f' -> sb.append("\\f");
        case '\r' -> sb.append("\\r");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c == quote) {
            sb.append('\\').append(c);
          } else if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
