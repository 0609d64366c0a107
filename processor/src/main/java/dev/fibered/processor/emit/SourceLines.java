package dev.fibered.processor.emit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated file's line table: which source line each stretch of generated lines comes from,
 * so that a stack trace through a machine can name the user's line.
 *
 * <p>While the file is written, code from source line {@code n} is preceded by an in-line marker;
 * once the file's text is final, {@link #resolve} removes the markers (which leaves every line
 * where it was) and writes the table into the one-line {@link #PLACEHOLDER} string.
 */
final class SourceLines {
  /** The value the table field is written with, replaced by {@link #resolve}. */
  static final String PLACEHOLDER = "<fibered:source-lines>";

  // Control characters never appear raw in printed Java: literals escape them.
  private static final char MARK = '\u0001';
  private static final Pattern MARKER = Pattern.compile(MARK + "(\\d+)" + MARK);

  private SourceLines() {}

  static String marker(int sourceLine) {
    return MARK + Integer.toString(sourceLine) + MARK;
  }

  /**
   * Removes the markers from {@code source} and fills in the table: {@code generated:source}
   * pairs, from each listed generated line on, until the next.
   */
  static String resolve(String source) {
    StringBuilder text = new StringBuilder(source.length());
    StringBuilder table = new StringBuilder();
    int lastSourceLine = -1;
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      int sourceLine = -1;
      while (m.find()) {
        sourceLine = Integer.parseInt(m.group(1));
      }
      if (sourceLine >= 0 && sourceLine != lastSourceLine) {
        table.append(table.length() == 0 ? "" : " ").append(i + 1).append(':').append(sourceLine);
        lastSourceLine = sourceLine;
      }
      text.append(m.reset().replaceAll("")).append(i + 1 < lines.length ? "\n" : "");
    }
    String quoted = '"' + PLACEHOLDER + '"';
    int at = text.indexOf(quoted);
    if (at >= 0) {
      text.replace(at, at + quoted.length(), '"' + table.toString() + '"');
    }
    return text.toString();
  }
}
