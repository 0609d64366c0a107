package dev.fibered.functional;

import java.util.ArrayList;
import java.util.List;

/** Plain helpers for event traces that fibers record and tests inspect. */
final class Trace {
  private Trace() {}

  /** A plain method: called from fibered code it runs inline and never switches. */
  static void record(List<String> trace, String event) {
    trace.add(event);
  }

  /** The events of {@code trace} that start with {@code prefix}, in order. */
  static List<String> only(List<String> trace, String prefix) {
    List<String> out = new ArrayList<>();
    for (String e : trace) {
      if (e.startsWith(prefix)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first letters of the events: "ABAB..." for a trace of A- and B-events. */
  static String letters(List<String> trace) {
    StringBuilder sb = new StringBuilder();
    for (String e : trace) {
      sb.append(e.charAt(0));
    }
    return sb.toString();
  }

  /**
   * Whether the events of two fibers interleave: some event of {@code b} comes before the last
   * event of {@code a}, and some event of {@code a} comes before the last event of {@code b}.
   */
  static boolean interleaves(List<String> trace, String a, String b) {
    int firstA = -1;
    int lastA = -1;
    int firstB = -1;
    int lastB = -1;
    for (int i = 0; i < trace.size(); i++) {
      if (trace.get(i).startsWith(a)) {
        lastA = i;
        if (firstA < 0) {
          firstA = i;
        }
      } else if (trace.get(i).startsWith(b)) {
        lastB = i;
        if (firstB < 0) {
          firstB = i;
        }
      }
    }
    return firstA >= 0 && firstB >= 0 && firstB < lastA && firstA < lastB;
  }
}
