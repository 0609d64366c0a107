package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.functional.CorpusSwitch.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Switch statements with switch points in their cases: fall-through, break, continue and return
 * out of them, locals shared between cases, rule cases, and string, enum and char selectors.
 */
final class CorpusSwitchPoints {
  private CorpusSwitchPoints() {}

  @Fibered
  static int twice(int n) {
    Fiber.yieldNow();
    return 2 * n;
  }

  /** Old-style cases that fall through, with a local declared in one case and used in the next. */
  @Fibered
  @SuppressWarnings("fallthrough")
  static String fallThrough(int n) {
    List<String> log = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      switch (i % 5) {
        case 0:
          int shared = twice(i);
          log.add("zero " + shared);
        case 1:
          shared = twice(i + 1);
          log.add("one " + shared);
          break;
        case 2:
          Fiber.yield();
          if (i > 6) {
            continue;
          }
          log.add("two");
          // fall through
        case 3:
          for (int k = 0; k < 3; k++) {
            log.add("loop " + k);
          }
          break;
        default:
          int other = twice(i);
          log.add("other " + other);
      }
      log.add("end " + i);
    }
    return String.join(",", log);
  }

  /** Rule cases on strings and enums; a labelled break leaves the loop from inside a case. */
  @Fibered
  static String rules(String[] words, Color[] colors) {
    List<String> log = new ArrayList<>();
    scan:
    for (String w : words) {
      switch (w) {
        case "a", "b" -> {
          int v = twice(w.length());
          log.add(w + v);
        }
        case "stop" -> {
          Fiber.yieldNow();
          break scan;
        }
        case "" -> log.add("empty");
        default -> Fiber.yieldNow();
      }
      for (Color c : colors) {
        switch (c) {
          case RED -> {
            int red = twice(1);
            log.add("red " + red);
          }
          case GREEN -> {
            Fiber.yieldNow();
            log.add("green");
          }
          default -> log.add("blue");
        }
      }
    }
    return String.join(",", log);
  }

  /** A return from inside a case, and a switch with no matching case and no default. */
  @Fibered
  static int returnFromCase(char c, int n) {
    int acc = 0;
    switch (c) {
      case 'x':
        acc = twice(n);
        return acc + 1;
      case 'y':
        Fiber.yieldNow();
        break;
      case 'z':
        acc = -1;
        break;
    }
    int more = twice(acc);
    return more;
  }

  /** A switch inside a try, with a case that throws out of it after a switch point. */
  @Fibered
  static String throwFromCase(int n) {
    List<String> log = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      try {
        switch (i % 3) {
          case 0 -> {
            int a = twice(i);
            log.add("a" + a);
          }
          case 1 -> {
            Fiber.yieldNow();
            throw new IllegalStateException("case " + i);
          }
          default -> {
            switch (i) {
              case 2 -> {
                int inner = twice(i);
                log.add("inner " + inner);
              }
              default -> log.add("inner default");
            }
          }
        }
      } catch (IllegalStateException e) {
        log.add("caught " + e.getMessage());
      }
    }
    return String.join(",", log);
  }

  /** A null selector throws NullPointerException, as Java's switch does. */
  @Fibered
  static int nullSelector(String s) {
    int v = 0;
    switch (s) {
      case "a" -> v = twice(1);
      default -> v = 2;
    }
    return v;
  }
}
