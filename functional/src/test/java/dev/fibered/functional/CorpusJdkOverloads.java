package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

/** JDK methods with a package-private overload next to the public ones. */
final class CorpusJdkOverloads {
  private CorpusJdkOverloads() {}

  @Fibered
  static String build(String[] words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(w).append(',');
      Fiber.yieldNow();
    }
    String s = sb.toString();
    int comma = s.indexOf(",");
    return String.join("|", words) + comma + s;
  }
}
