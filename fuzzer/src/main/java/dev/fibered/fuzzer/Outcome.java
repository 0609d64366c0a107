package dev.fibered.fuzzer;

import java.util.List;
import java.util.Objects;

/**
 * What one run of an entry method did: its value or its exception (type, message and suppressed
 * exceptions, recursively), and the trace it recorded. Two runs agree when their descriptions are
 * equal.
 */
final class Outcome {
  final String result;
  final List<String> trace;

  private Outcome(String result, List<String> trace) {
    this.result = result;
    this.trace = trace;
  }

  static Outcome returned(Object value, List<String> trace) {
    return new Outcome("returned " + Objects.toString(value), trace);
  }

  static Outcome threw(Throwable t, List<String> trace) {
    return new Outcome("threw " + describe(t), trace);
  }

  static Outcome of(String problem, List<String> trace) {
    return new Outcome(problem, trace);
  }

  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder(t.getClass().getName()).append(": ").append(t.getMessage());
    for (Throwable s : t.getSuppressed()) {
      sb.append(" [suppressed ").append(describe(s)).append(']');
    }
    if (t.getCause() != null && t.getCause() != t) {
      sb.append(" [cause ").append(describe(t.getCause())).append(']');
    }
    return sb.toString();
  }

  /** Null if {@code other} agrees with this; otherwise what differs. */
  String difference(Outcome other) {
    if (!result.equals(other.result)) {
      return "expected " + result + "\n      but " + other.result;
    }
    if (!trace.equals(other.trace)) {
      int i = 0;
      while (i < trace.size() && i < other.trace.size() && trace.get(i).equals(other.trace.get(i))) {
        i++;
      }
      return "traces differ at event "
          + i
          + ": expected "
          + (i < trace.size() ? trace.get(i) : "<end>")
          + " but "
          + (i < other.trace.size() ? other.trace.get(i) : "<end>")
          + " (lengths "
          + trace.size()
          + " and "
          + other.trace.size()
          + ")";
    }
    return null;
  }
}
