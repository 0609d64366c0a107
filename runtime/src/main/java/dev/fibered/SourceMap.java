package dev.fibered;

import java.util.Arrays;

/**
 * Where a generated machine's {@code @Fibered} method is in its source file: the source line of
 * each state, and of each line of the generated file. Stack traces and {@link
 * Fiber#stackTrace()} use it to show the user's method and line instead of the generated ones.
 *
 * <p>Generated code creates one per machine class; there is no reason to create one by hand.
 * Immutable and thread-safe.
 */
public final class SourceMap {
  private final String className;
  private final String methodName;
  private final String fileName;
  private final int[] stateLines;
  private final String lineTable;

  /** Generated lines in ascending order, and the source line each one starts; parsed lazily. */
  private volatile int[][] parsed;

  /**
   * Creates the map of one machine.
   *
   * @param className the binary name of the class that declares the method, such as {@code
   *     p.Outer$Inner}
   * @param methodName the method's name
   * @param fileName the source file's name, such as {@code Outer.java}
   * @param stateLines the source line of each state, indexed by state number
   * @param lineTable space-separated {@code generated:source} pairs, ascending: from each listed
   *     line of the generated file on, code comes from that source line
   */
  public SourceMap(
      String className, String methodName, String fileName, int[] stateLines, String lineTable) {
    this.className = className;
    this.methodName = methodName;
    this.fileName = fileName;
    this.stateLines = stateLines.clone();
    this.lineTable = lineTable;
  }

  /**
   * The source frame of a machine.
   *
   * @param state the machine's current state
   * @param generatedLine the line the machine's {@code resume} frame was at in the generated file,
   *     or 0 for a suspended machine (then the line is its state's)
   * @return a stack trace element naming the {@code @Fibered} method and its source line
   */
  public StackTraceElement frame(int state, int generatedLine) {
    int line = generatedLine > 0 ? sourceLine(generatedLine) : 0;
    if (line == 0 && state >= 0 && state < stateLines.length) {
      line = stateLines[state];
    }
    return new StackTraceElement(className, methodName, fileName, line > 0 ? line : -1);
  }

  private int sourceLine(int generatedLine) {
    int[][] table = parsed;
    if (table == null) {
      table = parse(lineTable);
      parsed = table;
    }
    int i = Arrays.binarySearch(table[0], generatedLine);
    if (i < 0) {
      i = -i - 2; // the last entry before generatedLine
    }
    return i < 0 ? 0 : table[1][i];
  }

  private static int[][] parse(String lineTable) {
    String trimmed = lineTable.trim();
    String[] pairs = trimmed.isEmpty() ? new String[0] : trimmed.split(" +");
    int[] generated = new int[pairs.length];
    int[] source = new int[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      int colon = pairs[i].indexOf(':');
      generated[i] = Integer.parseInt(pairs[i].substring(0, colon));
      source[i] = Integer.parseInt(pairs[i].substring(colon + 1));
    }
    return new int[][] {generated, source};
  }

  @Override
  public String toString() {
    return className + "." + methodName + "(" + fileName + ")";
  }
}
