package dev.fibered.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the examples print: each line goes to standard output and is kept, so tests can check
 * the order the fibers ran in. Plain code, not {@code @Fibered}: a call to it is not a switch
 * point.
 */
public final class Log {
  private static final List<String> LINES = new ArrayList<>();
  private static boolean echo = true;

  private Log() {}

  public static synchronized void line(String text) {
    LINES.add(text);
    if (echo) {
      System.out.println("  " + text);
    }
  }

  /** Returns the lines logged since the last call, and forgets them. */
  public static synchronized List<String> drain() {
    List<String> lines = new ArrayList<>(LINES);
    LINES.clear();
    return lines;
  }

  /** Turns printing off (tests) or on (the demo). */
  public static synchronized void echo(boolean on) {
    echo = on;
  }
}
