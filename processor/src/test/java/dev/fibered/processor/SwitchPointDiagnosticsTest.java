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

  @Test
  void fiberedCallInsideArithmetic() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long plusOne(int n) {
                  long x = 1 + sum(n);
                  return x;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "long x = 1 + sum(n);");
  }

  @Test
  void fiberedCallAsArgument() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long asArgument(int n) {
                  long x = Math.abs(sum(n));
                  return x;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "long x = Math.abs(sum(n));");
  }

  @Test
  void fiberedCallAsArgumentOfFiberedCall() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long nested(int n) {
                  long x = sum((int) sum(n));
                  return x;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "long x = sum((int) sum(n));");
  }

  @Test
  void fiberedCallInLoopCondition() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long inLoopCondition(int n) {
                  long x = 0;
                  while (sum(n) > x) {
                    x++;
                  }
                  return x;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "while (sum(n) > x) {");
  }

  @Test
  void fiberedCallInIfCondition() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long inIfCondition(int n) {
                  if (sum(n) > 3) {
                    return 1;
                  }
                  return 0;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "if (sum(n) > 3) {");
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

  @Test
  void fiberedCallInForUpdate() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long inForUpdate(int n) {
                  long x = 0;
                  for (int i = 0; i < n; x = sum(i)) {
                    i++;
                  }
                  return x;
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "for (int i = 0; i < n; x = sum(i)) {");
  }

  @Test
  void fiberedCallAsForEachSource() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static List<String> names() {
              Fiber.yield();
              return List.of("a");
            }

            @Fibered
            static long overNames() {
              long x = 0;
              for (String s : names()) {
                x += s.length();
              }
              return x;
            }
            """);
    assertSingleError(source, "SwitchPointInExpression", "for (String s : names()) {");
  }

  @Test
  void fiberedCallInCompoundAssignmentToField() {
    JavaFileObject source =
        host(
            SUM
                + """
                static long total;

                @Fibered
                static void addToField(int n) {
                  total += sum(n);
                }
                """);
    assertSingleError(source, "SwitchPointInExpression", "total += sum(n);");
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

  @Test
  void switchPointInASwitchSelector() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int pick(int n) {
              return n;
            }

            @Fibered
            static long selectorCall(int n) {
              long x = 0;
              switch (pick(n)) {
                case 1 -> x = 1;
                default -> Fiber.yieldNow();
              }
              return x;
            }
            """);
    assertSingleError(source, "SwitchPointInExpression", "switch (pick(n)) {");
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
