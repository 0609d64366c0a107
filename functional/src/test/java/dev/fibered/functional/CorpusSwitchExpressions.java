package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;

/**
 * Switch expressions with switch points: in the selector, in rule expressions, in case blocks
 * before a {@code yield}, in old-style cases with fall-through, nested, inside a larger
 * expression, through a finally block, and with a case that throws.
 */
final class CorpusSwitchExpressions {
  enum Color {
    RED,
    GREEN,
    BLUE
  }

  private CorpusSwitchExpressions() {}

  @Fibered
  static int slow(int n) {
    Fiber.yieldNow();
    return n * 10;
  }

  @Fibered
  static String word(int n) {
    Fiber.yield();
    return "w" + n;
  }

  /** Rule expressions, a rule block with a local and a loop, a throwing rule, the selector. */
  @Fibered
  static String rules(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int v =
          switch (slow(i) / 10 % 4) {
            case 0 -> slow(i + 100);
            case 1 -> 7;
            case 2 -> {
              int sum = 0;
              for (int k = 0; k < i; k++) {
                sum += slow(k);
              }
              yield sum + 1;
            }
            default -> {
              if (i > 100) {
                throw new IllegalStateException("never");
              }
              yield -slow(i);
            }
          };
      out.append(v).append(',');
    }
    return out.toString();
  }

  /** Old-style cases with fall-through and yield; a String result; strings as selectors. */
  @Fibered
  static String oldStyle(String key) {
    List<String> trace = new ArrayList<>();
    String result =
        switch (key) {
          case "a":
            trace.add("at a");
          case "b":
            String w = word(2);
            yield w + key;
          case "c":
            yield word(3);
          default:
            yield "none";
        };
    return result + trace;
  }

  /** On an enum without default (exhaustive), nested in a larger expression and in another. */
  @Fibered
  static long nested(Color color, int n) {
    long total =
        100L
            + switch (color) {
              case RED -> slow(n);
              case GREEN -> switch (n % 2) {
                case 0 -> slow(1);
                default -> 2;
              };
              case BLUE -> {
                int inner = switch (n) {
                  case 1 -> 1;
                  default -> slow(n) + 1;
                };
                yield inner * 2;
              }
            };
    return total;
  }

  /** A yield that leaves a try through its finally, and a case that throws into a catch. */
  @Fibered
  static String throughFinally(int n) {
    StringBuilder out = new StringBuilder();
    try {
      int v =
          switch (n) {
            case 0 -> {
              try {
                int s = slow(5);
                yield s;
              } finally {
                out.append("finally ");
                slow(6);
              }
            }
            case 1 -> throw new IllegalArgumentException("one");
            default -> slow(n);
          };
      out.append(v);
    } catch (IllegalArgumentException e) {
      out.append("caught ").append(e.getMessage());
    }
    return out.toString();
  }

  /**
   * A switch expression holding synchronized and try blocks, stored in locals that live across a
   * switch point (machine fields): JDK 17's javac needs the value to go through a Java local
   * (fuzzer seed 1280 of the widened generator).
   */
  @Fibered
  static String handlersInside(List<String> t, int a) {
    String x =
        switch (a) {
          default:
            synchronized (t) {
              t.add("in");
            }
            yield "v" + a;
        };
    int y;
    y =
        switch (a) {
          case 1 -> {
            try {
              yield Integer.parseInt("x" + a);
            } catch (NumberFormatException e) {
              yield -1;
            }
          }
          default -> a;
        };
    Fiber.yield();
    return x + y + t;
  }

  /** The same inside the value of a lowered switch expression (fuzzer seed 40910). */
  @Fibered
  static String handlersInLoweredSwitch(List<String> t, int a) {
    int v =
        switch ("s" + slow(a)) {
          case "s0" -> 1;
          default -> switch (a % 2) {
            case 0:
              yield 2;
            default:
              synchronized (t) {
                t.add("sync");
              }
              yield 3;
          };
        };
    return v + " " + t;
  }

  /**
   * Such switch expressions as operands Java evaluates with nothing on its operand stack (a static
   * call's first argument, a string concatenation's first operand), before a later switch point:
   * the machine keeps their values in fields.
   */
  @Fibered
  static String handlersInSpilledOperands(List<String> t, int a) {
    int m =
        Math.max(
            switch (a) {
              case 1 -> {
                synchronized (t) {
                  t.add("m");
                }
                yield 5;
              }
              default -> 7;
            },
            slow(a));
    String s =
        switch (a % 2) {
              case 0 -> {
                try {
                  yield "p" + Integer.parseInt("x");
                } catch (NumberFormatException e) {
                  yield "e";
                }
              }
              default -> "o";
            }
            + slow(a);
    return m + s + t;
  }

  /** Numeric results of different types promote as Java's switch expression does. */
  @Fibered
  static double promoted(int n) {
    double d =
        switch (n) {
          case 0 -> 1.5;
          case 1 -> slow(n);
          default -> 3L;
        };
    return d;
  }
}
