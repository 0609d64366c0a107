package dev.fibered.fuzzer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a failing program smaller: drops one statement (or a whole method) at a time, bigger ones
 * first, and keeps each drop after which the program still fails the same way. A drop that makes
 * the program fail to compile for another reason (a use of a dropped local) is undone.
 */
public final class Shrinker {
  private static final Pattern FIBERED_ID = Pattern.compile("\\[Fibered/\\w+\\]");

  private final Fuzzer fuzzer;
  private final int maxAttempts;

  public Shrinker(Fuzzer fuzzer, int maxAttempts) {
    this.fuzzer = fuzzer;
    this.maxAttempts = maxAttempts;
  }

  /** The smallest failing program found within the attempts, as a failure of its own. */
  public Failure shrink(Failure original) {
    Failure best = original;
    String signature = signature(original);
    int attempts = 0;
    boolean progress = true;
    while (progress && attempts < maxAttempts) {
      progress = false;
      List<Node> candidates = best.program.removable();
      for (Node n : candidates) {
        if (attempts++ >= maxAttempts) {
          break;
        }
        if (!best.program.removable().contains(n)) {
          continue; // below a node dropped in this pass
        }
        Failure f = fuzzer.checkOne(best.program.without(n));
        if (f != null && signature(f).equals(signature)) {
          best = f;
          progress = true;
        }
      }
    }
    return best;
  }

  /**
   * What must stay the same while shrinking: for a crash, the processor's diagnostic id or the
   * javac error without its position (so that "cannot find symbol" after dropping a declaration
   * does not count); for a mismatch or hang, only the kind.
   */
  static String signature(Failure f) {
    if (f.kind != Failure.Kind.CRASH) {
      return f.kind.name() + (f.detail.startsWith("the harness failed") ? " harness" : "");
    }
    Matcher id = FIBERED_ID.matcher(f.detail);
    if (id.find()) {
      return "CRASH " + id.group();
    }
    String first = f.detail.split("\n", 2)[0];
    return "CRASH " + first.replaceAll("^\\S+\\.java:\\d+: ", "").replaceAll("\\d+", "#");
  }
}
