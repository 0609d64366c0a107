package dev.fibered.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.call;
import static dev.fibered.processor.Fixtures.generated;
import static dev.fibered.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code -Afibered.checks}: where scheduling checks go (default, calls, every:N, none), shown by
 * where two fibers on a 1 ns slice interleave, and bad values rejected with a clear error.
 */
class CheckPolicyTest {
  /**
   * {@code steps} runs straight-line calls, {@code spin} a loop without calls; each fiber logs
   * "name:step" so the interleaving shows where checks switched.
   */
  private static final JavaFileObject WORK =
      source(
          "p.Work",
          """
          package p;

          import dev.fibered.Fibered;
          import java.util.ArrayList;
          import java.util.List;

          final class Work {
            static final List<String> LOG = new ArrayList<>();

            static void log(String entry) {
              LOG.add(entry);
            }

            @Fibered
            static void steps(String name) {
              log(name + ":1");
              log(name + ":2");
              log(name + ":3");
              log(name + ":4");
            }

            @Fibered
            static int spin(String name, int n) {
              int s = 0;
              for (int i = 0; i < n; i++) {
                s += i;
              }
              log(name + ":done");
              return s;
            }
          }
          """);

  private static Compilation compileWith(String... options) {
    return Compiler.javac()
        .withProcessors(new FiberedProcessor())
        .withOptions((Object[]) options)
        .compile(WORK);
  }

  /** Runs fibers "a" and "b" of {@code factory} side by side at a 1 ns slice; returns the log. */
  private static List<?> interleave(Compilation compilation, String factory, Object... moreArgs)
      throws Exception {
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClassLoader(compilation);
    Class<?> work = loader.loadClass("p.Work");
    Class<?> fibers = loader.loadClass("p.WorkFibers");
    Scheduler scheduler = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    for (String name : List.of("a", "b")) {
      Object[] args = new Object[moreArgs.length + 1];
      args[0] = name;
      System.arraycopy(moreArgs, 0, args, 1, moreArgs.length);
      scheduler.spawn((Fiber<?>) call(fibers, factory, null, args));
    }
    scheduler.run();
    java.lang.reflect.Field log = work.getDeclaredField("LOG");
    log.setAccessible(true);
    return (List<?>) log.get(null);
  }

  @Test
  void defaultChecksLoopsButNotStraightLineCalls() throws Exception {
    assertEquals(
        List.of("a:1", "a:2", "a:3", "a:4", "b:1", "b:2", "b:3", "b:4"),
        interleave(compileWith(), "steps"));
  }

  @Test
  void defaultIsTheSameAsSayingDefault() {
    assertEquals(
        generated(compileWith(), "p.WorkFibers"),
        generated(compileWith("-Afibered.checks=default"), "p.WorkFibers"));
  }

  @Test
  void callsChecksBeforeEveryStatementThatCallsAMethod() throws Exception {
    assertEquals(
        List.of("a:1", "b:1", "a:2", "b:2", "a:3", "b:3", "a:4", "b:4"),
        interleave(compileWith("-Afibered.checks=calls"), "steps"));
  }

  @Test
  void everyTwoChecksAfterEachPairOfStatements() throws Exception {
    assertEquals(
        List.of("a:1", "a:2", "b:1", "b:2", "a:3", "a:4", "b:3", "b:4"),
        interleave(compileWith("-Afibered.checks=every:2"), "steps"));
  }

  @Test
  void noneLeavesLoopsUnchecked() throws Exception {
    Compilation compilation = compileWith("-Afibered.checks=none");
    assertThat(generated(compilation, "p.WorkFibers")).doesNotContain("check()");
    assertEquals(List.of("a:done", "b:done"), interleave(compilation, "spin", 100_000));
  }

  @Test
  void defaultSlicesALoopWithoutCalls() throws Exception {
    Compilation compilation = compileWith();
    assertThat(generated(compilation, "p.WorkFibers")).contains("check()");
    // Each fiber switches in its loop; which ends first depends on timing, but both end.
    assertThat(interleave(compilation, "spin", 100_000)).containsExactly("a:done", "b:done");
  }

  /** Locals that live across the extra checks, nested loops, labelled jumps, for-each, returns. */
  private static final JavaFileObject MIXED =
      source(
          "p.Mixed",
          """
          package p;

          import dev.fibered.Fiber;
          import dev.fibered.Fibered;
          import java.util.List;

          final class Mixed {
            static int twice(int x) {
              return 2 * x;
            }

            @Fibered
            static long mixed(int n, List<String> words) {
              long total = 0;
              int count = twice(n);
              String last = "";
              outer:
              for (int i = 0; i < count; i++) {
                int j = i;
                while (j > 0) {
                  if (j % 5 == 3) {
                    continue outer;
                  }
                  total += twice(j);
                  j -= 2;
                }
                for (String w : words) {
                  last = w.toUpperCase();
                  total += last.length();
                  if (total > 1_000_000) {
                    break outer;
                  }
                }
                Fiber.yield();
              }
              int tail = last.length() + twice(count);
              if (tail > 3) {
                return total * 31 + tail;
              }
              return total;
            }
          }
          """);

  @Test
  void everyPolicyComputesWhatTheDirectCallComputes() throws Exception {
    for (String policy : List.of("default", "calls", "every:1", "every:3", "none")) {
      Compilation compilation =
          Compiler.javac()
              .withProcessors(new FiberedProcessor())
              .withOptions("-Afibered.checks=" + policy, "-Xlint:all", "-Werror")
              .compile(MIXED);
      assertThat(compilation).succeededWithoutWarnings();
      ClassLoader loader = new CompiledClassLoader(compilation);
      Class<?> mixed = loader.loadClass("p.Mixed");
      Class<?> fibers = loader.loadClass("p.MixedFibers");
      for (int n : new int[] {0, 1, 7, 40}) {
        List<String> words = List.of("ab", "cde", "f");
        Object direct = call(mixed, "mixed", null, n, words);
        assertEquals(direct, Fixtures.runFiber(fibers, "mixed", n, words), policy + ", n = " + n);
      }
    }
  }

  @Test
  void aMethodsOwnPolicyOverridesTheOption() throws Exception {
    JavaFileObject own =
        source(
            "p.Work",
            """
            package p;

            import dev.fibered.Fibered;
            import java.util.ArrayList;
            import java.util.List;

            final class Work {
              static final List<String> LOG = new ArrayList<>();

              static void log(String entry) {
                LOG.add(entry);
              }

              @Fibered(checks = "calls")
              static void steps(String name) {
                log(name + ":1");
                log(name + ":2");
              }
            }
            """);
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new FiberedProcessor())
            .withOptions("-Afibered.checks=none")
            .compile(own);
    assertEquals(List.of("a:1", "b:1", "a:2", "b:2"), interleave(compilation, "steps"));
  }

  @Test
  void aBadPolicyOnAMethodIsAnErrorOnItsAnnotation() {
    JavaFileObject bad =
        source(
            "p.Bad",
            """
            package p;

            import dev.fibered.Fibered;

            final class Bad {
              @Fibered(checks = "often")
              static void m() {}
            }
            """);
    Compilation compilation = Compiler.javac().withProcessors(new FiberedProcessor()).compile(bad);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[Fibered/BadSetting] checks = \"often\" is not a value @Fibered takes there; use default")
        .inFile(bad)
        .onLineContaining("@Fibered(checks = \"often\")");
  }

  @Test
  void anUnknownValueIsAnError() {
    Compilation compilation = compileWith("-Afibered.checks=sometimes");
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[Fibered/BadOption] -Afibered.checks=sometimes is not a value this option takes; use"
                + " default, calls, none or every:N");
  }

  @Test
  void everyNeedsAPositiveCount() {
    assertThat(compileWith("-Afibered.checks=every:0")).hadErrorContaining("[Fibered/BadOption]");
    assertThat(compileWith("-Afibered.checks=every:x")).hadErrorContaining("[Fibered/BadOption]");
  }

  @Test
  void aMisspelledOptionIsAnError() {
    Compilation compilation = compileWith("-Afibered.check=none");
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[Fibered/UnknownOption] -Afibered.check is not an option of the Fibered processor; the options are fibered.checks, fibered.timeSlice");
  }
}
