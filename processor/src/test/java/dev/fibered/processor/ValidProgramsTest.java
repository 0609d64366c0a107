package dev.fibered.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.call;
import static dev.fibered.processor.Fixtures.compileStrict;
import static dev.fibered.processor.Fixtures.generated;
import static dev.fibered.processor.Fixtures.newInstance;
import static dev.fibered.processor.Fixtures.runFiber;
import static dev.fibered.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * First-cut programs that must compile under {@code -Xlint:all -Werror}: names re-resolved in the
 * generated class (host members, {@code this}, static imports), nested hosts, calls across
 * classes, and a class that uses its own generated factory. Some also run.
 */
class ValidProgramsTest {
  @Test
  void hostStaticFieldsAndMethodsUsedUnqualified() throws Exception {
    JavaFileObject source =
        source(
            "p.Statics",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Statics {
              static int counter = 1;
              static final int STEP = 3;

              static int bump(int x) {
                counter += x;
                return counter;
              }

              @Fibered
              static int run(int n) {
                int s = 0;
                for (int i = 0; i < n; i++) {
                  s += bump(STEP);
                  Fiber.yield();
                }
                counter = s;
                return counter + STEP;
              }
            }
            """);
    Compilation compilation = compileStrict(source);
    assertThat(compilation).succeededWithoutWarnings();
    String fibers = generated(compilation, "p.StaticsFibers");
    assertThat(fibers).contains("Statics.bump(Statics.STEP)");
    assertThat(fibers).contains("Statics.counter = s;");
    ClassLoader loader = new CompiledClassLoader(compilation);
    assertEquals(
        call(loader.loadClass("p.Statics"), "run", null, 4),
        runFiberAfterReset(loader, 4));
  }

  private static Object runFiberAfterReset(ClassLoader loader, int n) throws Exception {
    Class<?> host = loader.loadClass("p.Statics");
    var counter = host.getDeclaredField("counter");
    counter.setAccessible(true);
    counter.setInt(null, 1);
    return runFiber(loader.loadClass("p.StaticsFibers"), "run", n);
  }

  @Test
  void instanceFieldsThroughThisAndUnqualified() throws Exception {
    JavaFileObject source =
        source(
            "p.Counter",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Counter {
              int count;
              int[] data = {1, 2, 3};

              int twice(int x) {
                return 2 * x;
              }

              @Fibered
              final int add(int n) {
                count += n;
                this.count += twice(n);
                Fiber.yield();
                int seen = this.count + count;
                for (int x : data) {
                  this.count += x;
                }
                int more = this.add2(seen);
                return more + this.twice(count);
              }

              @Fibered
              final int add2(int n) {
                Fiber.yieldNow();
                return n + count;
              }
            }
            """);
    Compilation compilation = compileStrict(source);
    assertThat(compilation).succeededWithoutWarnings();
    String fibers = generated(compilation, "p.CounterFibers");
    assertThat(fibers).contains("self.count += n;");
    assertThat(fibers).contains("self.count += self.twice(n);");
    ClassLoader loader = new CompiledClassLoader(compilation);
    Class<?> host = loader.loadClass("p.Counter");
    Object direct = newInstance(host);
    Object fibered = newInstance(host);
    assertEquals(
        call(host, "add", direct, 5), runFiber(loader.loadClass("p.CounterFibers"), "add", fibered, 5));
  }

  @Test
  void staticImports() {
    JavaFileObject other =
        source(
            "p.Other",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Other {
              static final int LIMIT = 3;

              @Fibered
              static long h(int x) {
                Fiber.yield();
                return x + 1L;
              }
            }
            """);
    JavaFileObject source =
        source(
            "p.Imports",
            """
            package p;

            import static dev.fibered.Fiber.yieldNow;
            import static java.lang.Math.*;
            import static java.lang.Math.max;
            import static p.Other.LIMIT;
            import static p.Other.h;

            import dev.fibered.Fibered;

            final class Imports {
              @Fibered
              static long f(int n) {
                long a = h(max(n, LIMIT));
                yieldNow();
                long b = h(abs(n));
                return a + b + (long) PI;
              }
            }
            """);
    Compilation compilation = compileStrict(other, source);
    assertThat(compilation).succeededWithoutWarnings();
    String fibers = generated(compilation, "p.ImportsFibers");
    assertThat(fibers).contains("OtherFibers.h$machine(Math.max(n, Other.LIMIT))");
    assertThat(fibers).contains("import static p.Other.h;");
  }

  @Test
  void nestedHostsGetUnderscoredNames() {
    JavaFileObject source =
        source(
            "p.Outer",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Outer {
              static final int BASE = 10;

              static final class Inner {
                @Fibered
                static int f(int a) {
                  Fiber.yield();
                  return a + BASE;
                }

                static final class Deeper {
                  @Fibered
                  static int g(int a) {
                    int b = Inner.f(a);
                    return b;
                  }
                }
              }

              @Fibered
              static int top(int a) {
                int b = Inner.f(a);
                int c = Inner.Deeper.g(b);
                return c;
              }
            }
            """);
    Compilation compilation = compileStrict(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.OuterFibers");
    assertThat(compilation).generatedSourceFile("p.Outer_InnerFibers");
    assertThat(compilation).generatedSourceFile("p.Outer_Inner_DeeperFibers");
    assertThat(generated(compilation, "p.OuterFibers"))
        .contains("call(Outer_Inner_DeeperFibers.g$machine(b))");
  }

  @Test
  void callsAFiberedMethodOfAnotherClassInTheSameCompilation() throws Exception {
    JavaFileObject callee =
        source(
            "p.Callee",
            """
            package p;

            import dev.fibered.Fibered;

            final class Callee {
              @Fibered
              static long count(int n) {
                long t = 0;
                while (t < n) {
                  t++;
                }
                return t;
              }

              @Fibered
              final long scaled(int n) {
                long c = count(n);
                return c * 2;
              }
            }
            """);
    JavaFileObject caller =
        source(
            "p.Caller",
            """
            package p;

            import dev.fibered.Fibered;

            final class Caller {
              @Fibered
              static long both(Callee callee, int n) {
                long a = Callee.count(n);
                long b = callee.scaled(n);
                return a + b;
              }
            }
            """);
    Compilation compilation = compileStrict(caller, callee);
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClassLoader(compilation);
    Object instance = newInstance(loader.loadClass("p.Callee"));
    assertEquals(30L, runFiber(loader.loadClass("p.CallerFibers"), "both", instance, 10));
  }

  @Test
  void plainMethodCallsItsOwnGeneratedFactory() throws Exception {
    JavaFileObject source =
        source(
            "p.SelfStarting",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;
            import dev.fibered.Scheduler;

            final class SelfStarting {
              @Fibered
              static long work(int n) {
                long s = 0;
                for (int i = 1; i <= n; i++) {
                  s += i;
                }
                return s;
              }

              static long start(int n) {
                Scheduler scheduler = Scheduler.create();
                Fiber<Long> a = scheduler.spawn(SelfStartingFibers.work(n));
                Fiber<Long> b = scheduler.spawn(SelfStartingFibers.work(n + 1));
                scheduler.run();
                return a.result() + b.result();
              }
            }
            """);
    Compilation compilation = compileStrict(source);
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClassLoader(compilation);
    assertEquals(10L + 15L, call(loader.loadClass("p.SelfStarting"), "start", null, 4));
  }

  @Test
  void otherKindsOfHost() {
    JavaFileObject enumHost =
        source(
            "p.Mode",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            enum Mode {
              FAST, SLOW;

              int weight = 2;

              @Fibered
              int cost(int n) {
                Fiber.yield();
                return n * weight + ordinal();
              }
            }
            """);
    JavaFileObject interfaceHost =
        source(
            "p.Api",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            interface Api {
              int K = 4;

              @Fibered
              static int st(int n) {
                Fiber.yield();
                return n + K;
              }
            }
            """);
    JavaFileObject defaultPackage =
        source(
            "Loose",
            """
            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Loose {
              @Fibered
              static int f(int n) {
                Fiber.yield();
                return n;
              }
            }
            """);
    Compilation compilation = compileStrict(enumHost, interfaceHost, defaultPackage);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.ModeFibers");
    assertThat(compilation).generatedSourceFile("p.ApiFibers");
    assertThat(compilation).generatedSourceFile("LooseFibers");
  }

  @Test
  void signaturesWithVarargsGenericsAndCheckedExceptions() {
    JavaFileObject source =
        source(
            "p.Shapes",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;
            import java.io.IOException;
            import java.util.List;
            import java.util.Map;

            public final class Shapes {
              @Fibered
              public static int varargs(int... xs) {
                int s = 0;
                for (int x : xs) {
                  s += x;
                }
                return s;
              }

              @Fibered
              static double wild(List<? extends Number> xs, Map<String, List<Integer>> m) {
                double d = 0;
                for (Number x : xs) {
                  d += x.doubleValue();
                }
                for (List<Integer> l : m.values()) {
                  d += l.size();
                }
                return d;
              }

              @Fibered
              static int checked(int n) throws IOException {
                if (n < 0) {
                  throw new IOException("negative");
                }
                Fiber.yield();
                return n;
              }
            }
            """);
    Compilation compilation = compileStrict(source);
    assertThat(compilation).succeededWithoutWarnings();
    String fibers = generated(compilation, "p.ShapesFibers");
    assertThat(fibers).contains("public final class ShapesFibers {");
    assertThat(fibers).contains("public static Fiber<Integer> varargs(int... xs) {");
  }

  @Test
  void userNamesNeverClashWithGeneratedNames() {
    JavaFileObject source =
        source(
            "p.Clashes",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;
            import java.util.List;

            final class Clashes {
              int self;
              static int state;

              @Fibered
              final int names(int result, List<String> iterators) {
                int self = 1;
                int state = 2;
                int array = 3;
                int iterator = 4;
                Fiber.yield();
                {
                  int x = 5;
                  Fiber.yield();
                  self += x;
                }
                {
                  String x = "s";
                  Fiber.yield();
                  state += x.length();
                }
                for (int v : new int[] {1, 2}) {
                  array += v;
                }
                for (String it : iterators) {
                  iterator += it.length();
                }
                return self + state + array + iterator + result + this.self + Clashes.state;
              }
            }
            """);
    assertThat(compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void literalsSurviveCopying() throws Exception {
    JavaFileObject source =
        source(
            "p.Literals",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Literals {
              @Fibered
              static String all() {
                char c = '\\'';
                long l = -9223372036854775808L;
                int i = -2147483648;
                float f = 1.5f;
                double g = 1e300;
                String s = "a\\nb\\t\\"q\\"\\\\" + c + l + i + f + g + 0x1F + 0b101 + 1_000;
                String t = \"""
                    text "block"
                    \\\\done\""";
                Fiber.yield();
                return s + t + "\\u00e9";
              }
            }
            """);
    Compilation compilation = compileStrict(source);
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClassLoader(compilation);
    assertEquals(
        call(loader.loadClass("p.Literals"), "all", null),
        runFiber(loader.loadClass("p.LiteralsFibers"), "all"));
  }

  @Test
  void jumpsOutOfCopiedStatements() throws Exception {
    JavaFileObject source =
        source(
            "p.Jumps",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Jumps {
              @Fibered
              static int jumps(int n) {
                int s = 0;
                block:
                {
                  Fiber.yield();
                  if (n > 100) {
                    break block;
                  }
                  s = 5;
                }
                for (;;) {
                  s++;
                  if (s > n) {
                    break;
                  }
                }
                do {
                  s--;
                  if (s % 2 == 0) {
                    continue;
                  }
                  s -= 2;
                } while (s > 0);
                outer:
                for (int i = 0, j = 10; i < j; i++, j--) {
                  try {
                    if (i == 3) {
                      continue outer;
                    }
                    if (i == 4) {
                      break outer;
                    }
                  } finally {
                    s += 100;
                  }
                  s += j - i;
                }
                while (true) {
                  Fiber.yieldNow();
                  if (s++ > 3) {
                    return s;
                  }
                }
              }
            }
            """);
    Compilation compilation = compileStrict(source);
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClassLoader(compilation);
    for (int n : new int[] {0, 7, 200}) {
      assertEquals(
          call(loader.loadClass("p.Jumps"), "jumps", null, n),
          runFiber(loader.loadClass("p.JumpsFibers"), "jumps", n));
    }
  }
}
