package dev.fibered.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.assertSingleError;
import static dev.fibered.processor.Fixtures.host;
import static dev.fibered.processor.Fixtures.hostClass;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about where switch points stand (lower/Lowerer, model/SwitchPointFinder): a switch
 * point is a call to a {@code @Fibered} method, {@code Fiber.yield()}, {@code Fiber.yieldNow()},
 * or a loop (its back-edge has a scheduling check). Each error is on the switch point's line.
 */
class SwitchPointDiagnosticsTest {
  /** A {@code @Fibered} callee for the tests below; it compiles cleanly on its own. */
  private static final String SUM =
      """
      @Fibered
      static long sum(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
          s += i;
        }
        return s;
      }

      """;

  // ------------------------------------------------------------ SwitchPointInExpression

  /** Switch expressions with switch points (semantics: functional SwitchExpressionsTest). */
  @Test
  void switchExpressionWithSwitchPointsCompilesCleanly() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long pick(int n) {
                  long v = switch (n) {
                    case 0 -> sum(n);
                    case 1 -> {
                      long s = sum(n + 1);
                      yield s * 2;
                    }
                    default -> 3;
                  };
                  return v;
                }
                """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void switchExpressionWhoseValueTypeTheSourceDoesNotTell() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long pick(int n) {
                  long v = switch (n) {
                    case 0 -> sum(n);
                    default -> Math.abs(n);
                  };
                  return v;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "default -> Math.abs(n);");
  }

  /**
   * Switch points inside expressions are taken out in Java's evaluation order (semantics: the
   * functional ExpressionsTest): strict compilation, no warning in the generated code.
   */
  @Test
  void switchPointsInsideExpressionsCompileCleanly() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static List<String> names() {
                  Fiber.yield();
                  return List.of("a");
                }

                @Fibered
                static long forms(int n) {
                  long x = 1 + sum(n);
                  x = Math.abs(sum(n)) + x;
                  x = sum((int) sum(n));
                  while (sum(n) > x) {
                    x++;
                  }
                  if (sum(n) > 3 && sum(n + 1) > 4) {
                    x--;
                  }
                  for (int i = 0; i < n; x = sum(i)) {
                    i++;
                  }
                  for (String s : names()) {
                    x += s.length();
                  }
                  return x + sum(2);
                }
                """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void anOperandWhoseTypeCannotBeToldBeforeASwitchPoint() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long plainCallFirst(int n) {
                  long x = Math.abs(n) + sum(n);
                  return x;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "long x = Math.abs(n) + sum(n);");
  }

  @Test
  void fiberedCallInConditionalExpression() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long inTernary(int n) {
                  long x = n > 0 ? sum(n) : 0;
                  return x;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "long x = n > 0 ? sum(n) : 0;");
  }

  /**
   * A compound assignment nested in an expression is taken apart (semantics: functional
   * ExpressionsTest), but only when the source tells its variable's type.
   */
  @Test
  void nestedCompoundAssignmentToAVariableWhoseTypeTheSourceDoesNotTell() {
    JavaFileObject source =
        host(
            SUM
                + """
                static final class Box {
                  long count;
                }

                static final Box BOX = new Box();

                static Box box() {
                  return BOX;
                }

                @Fibered
                static long addToUnknown(int n) {
                  long[] totals = {0};
                  long fine = (totals[0] += sum(n));
                  long seen = (box().count += sum(n));
                  return seen + fine;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "long seen = (box().count += sum(n));");
  }

  // ------------------------------------------------------------ switch points in try

  /**
   * A loop, a call and a yield inside try, catch, finally and try-with-resources blocks are lowered (their semantics
   * are in the functional TryTest): strict compilation, no warning in the generated code.
   */
  @Test
  void switchPointsInsideTryCatchAndFinallyCompileCleanly() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long loopInTry(int n) {
                  long x = 0;
                  try {
                    for (int i = 0; i < n; i++) {
                      x += i;
                    }
                  } finally {
                    x++;
                  }
                  return x;
                }

                @Fibered
                static long callInTry(int n) {
                  long x = 0;
                  try {
                    x = sum(n);
                  } catch (RuntimeException e) {
                    x = -1;
                  }
                  return x;
                }

                static AutoCloseable resource(java.util.List<String> log) {
                  return () -> log.add("closed");
                }

                @Fibered
                @SuppressWarnings("try")
                static long callInTryWithResources(int n, java.util.List<String> log) throws Exception {
                  long x = 0;
                  try (AutoCloseable c = resource(log); AutoCloseable d = resource(log)) {
                    x = sum(n);
                  }
                  return x;
                }

                @Fibered
                static long yieldInFinally(int n) {
                  long x = n;
                  try {
                    x++;
                  } finally {
                    Fiber.yieldNow();
                  }
                  return x;
                }
                """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  // ------------------------------------------------------------ SwitchPointInNoSwitch

  @Test
  void yieldInsideANoSwitchBlock() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long guarded(int n) {
              long x = n;
              try (Fiber.NoSwitch guard = Fiber.noSwitch()) {
                x++;
                Fiber.yieldNow();
              }
              return x;
            }
            """);
    assertSingleError(source, "SwitchPointInNoSwitch", "Fiber.yieldNow();");
  }

  @Test
  void loopInsideAStaticallyImportedNoSwitchBlock() {
    JavaFileObject source =
        hostClass(
            "final class Host",
            """
            @Fibered
            static long guarded(int n) {
              long x = 0;
              try (var guard = dev.fibered.Fiber.noSwitch()) {
                for (int i = 0; i < n; i++) {
                  x += i;
                }
              }
              return x;
            }
            """);
    assertSingleError(source, "SwitchPointInNoSwitch", "for (int i = 0; i < n; i++) {");
  }

  // ------------------------------------------------------------ switch points in switch

  /** Switch points in old-style and rule cases are lowered (semantics: functional SwitchTest). */
  @Test
  void switchPointsInsideSwitchCasesCompileCleanly() {
    JavaFileObject source =
        host(
            SUM
                + """
                enum Color { RED, GREEN }

                @Fibered
                @SuppressWarnings("fallthrough")
                static long callInSwitch(int n, Color c, String s) {
                  long x = 0;
                  switch (n) {
                    case 1:
                      long y = sum(n);
                      x = y;
                    case 2:
                      y = 2;
                      x += y;
                      break;
                    default:
                      break;
                  }
                  switch (c) {
                    case RED -> x = sum(n);
                    case GREEN -> {
                      while (x < n) {
                        x++;
                      }
                    }
                  }
                  switch (s) {
                    case "a", "b" -> Fiber.yieldNow();
                    default -> x--;
                  }
                  return x;
                }
                """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  // ------------------------------------------------------------ SwitchPointInSynchronized

  @Test
  void yieldInsideSynchronized() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long yieldWhileLocked(int n) {
              synchronized (Host.class) {
                Fiber.yield();
              }
              return n;
            }
            """);
    assertSingleError(source, "SwitchPointInSynchronized", "Fiber.yield();");
  }

  @Test
  void loopInsideSynchronized() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long loopWhileLocked(int n) {
              long x = 0;
              synchronized (Host.class) {
                do {
                  x++;
                } while (x < n);
              }
              return x;
            }
            """);
    assertSingleError(source, "SwitchPointInSynchronized", "do {");
  }

  // ------------------------------------------------------------ UnknownReceiver

  @Test
  void receiverWithoutWrittenType() {
    JavaFileObject source =
        host(
            """
            static Host make() {
              return new Host();
            }

            @Fibered
            final long work(int n) {
              Fiber.yield();
              return n;
            }

            @Fibered
            static long viaFactory(int n) {
              long x = make().work(n);
              return x;
            }
            """);
    assertSingleError(source, "UnknownReceiver", "long x = make().work(n);");
  }

  @Test
  void receiverDeclaredWithVar() {
    JavaFileObject source =
        host(
            """
            @Fibered
            final long work(int n) {
              Fiber.yield();
              return n;
            }

            @Fibered
            static long viaVar(int n) {
              long x = 0;
              if (n > 0) {
                var h = new Host();
                x = h.work(n);
              }
              return x;
            }
            """);
    assertSingleError(source, "UnknownReceiver", "x = h.work(n);");
  }

  // ------------------------------------------------------------ AmbiguousOverload

  @Test
  void overloadsWithSameArity() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long over(int n) {
              Fiber.yield();
              return n;
            }

            static long over(long n) {
              return n;
            }

            @Fibered
            static long callsOverload(int n) {
              long x = over(n);
              return x;
            }
            """);
    assertSingleError(source, "AmbiguousOverload", "long x = over(n);");
  }

  // ------------------------------------------------------------ ForEachType

  @Test
  void primitiveForEachOverUnknownSource() {
    JavaFileObject source =
        host(
            """
            static List<Integer> numbers() {
              return List.of(1, 2);
            }

            @Fibered
            static long sumNumbers() {
              long s = 0;
              for (int x : numbers()) {
                s += x;
              }
              return s;
            }
            """);
    assertSingleError(source, "ForEachType", "for (int x : numbers()) {");
  }
}
