package dev.fibered.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.assertMatchesGolden;
import static dev.fibered.processor.Fixtures.call;
import static dev.fibered.processor.Fixtures.compileStrict;
import static dev.fibered.processor.Fixtures.field;
import static dev.fibered.processor.Fixtures.generated;
import static dev.fibered.processor.Fixtures.newInstance;
import static dev.fibered.processor.Fixtures.runFiber;
import static dev.fibered.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code FooFibers} file: compiles cleanly under {@code -Xlint:all -Werror}, is the
 * same from build to build, reads well (one commented {@code case} per state, {@code @Generated},
 * the user's imports), matches the goldens, and runs like the source.
 */
class GeneratedSourceTest {
  /**
   * Static and final-instance methods, loops of every kind, nested {@code @Fibered} calls,
   * {@code Fiber.yield()}, {@code Fiber.yieldNow()}, labelled break and continue, for-each over an
   * array and an Iterable, host fields and methods used unqualified, and a plain method that calls
   * the class's own generated factory.
   */
  static final String SAMPLE =
      """
      package p;

      import dev.fibered.Fiber;
      import dev.fibered.Fibered;
      import java.util.ArrayList;
      import java.util.List;

      final class Sample {
        static final int BONUS = 7;
        final List<String> log = new ArrayList<>();
        int total;

        static int half(int x) {
          return x / 2;
        }

        @Fibered
        static long sum(int n) {
          long s = 0;
          for (int i = 0; i < n; i++) {
            s += i;
          }
          return s;
        }

        @Fibered
        static long twice(int n) {
          long a = sum(n);
          Fiber.yield();
          long b = sum(half(n));
          Fiber.yieldNow();
          return a + b + BONUS;
        }

        @Fibered
        final int grid(int[] cells, List<String> names) {
          int hits = 0;
          rows:
          for (int row = 0; row < 3; row++) {
            for (int cell : cells) {
              if (cell < 0) {
                continue rows;
              }
              if (cell > 100) {
                break rows;
              }
              hits += cell;
            }
          }
          for (String name : names) {
            log.add(name);
            this.total += name.length();
          }
          return hits;
        }

        @Fibered
        final void countdown(int from) {
          int left = from;
          while (left > 0) {
            long s = twice(left);
            total += (int) s;
            left--;
            if (left == 2) {
              continue;
            }
            Fiber.yield();
          }
          int g = grid(new int[] {1, 2}, List.copyOf(log));
          do {
            g -= 10;
          } while (g > 0);
        }

        static long runAll() {
          return SampleFibers.sum(3).hashCode();
        }
      }
      """;

  private static JavaFileObject sample() {
    return source("p.Sample", SAMPLE);
  }

  @Test
  void compilesWithoutWarningsUnderLintAllWerror() {
    Compilation compilation = compileStrict(sample());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.SampleFibers");
  }

  /**
   * The generated code compiles warning-free at every {@code --release} the runtime supports that
   * the running javac knows: 11 and 17 on JDK 17, up to 25 when the tests run on JDK 25.
   */
  @Test
  void compilesAtEveryReleaseFromElevenToTheRunningJdk() {
    int newest = Runtime.version().feature();
    for (int release : new int[] {11, 17, 21, 25}) {
      if (release > newest) {
        continue;
      }
      Compilation compilation = Fixtures.compileStrictAt(release, sample());
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("p.SampleFibers");
    }
  }

  @Test
  void outputIsStable() {
    String first = generated(compileStrict(sample()), "p.SampleFibers");
    String second = generated(compileStrict(sample()), "p.SampleFibers");
    assertEquals(first, second);
  }

  @Test
  void outputDoesNotDependOnSourceOrder() {
    JavaFileObject other =
        source(
            "p.Other",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Other {
              @Fibered
              static long other(int n) {
                Fiber.yield();
                return n;
              }
            }
            """);
    String forward = generated(compileStrict(sample(), other), "p.SampleFibers");
    String backward = generated(compileStrict(other, sample()), "p.SampleFibers");
    assertEquals(forward, backward);
  }

  @Test
  void isMarkedGeneratedAndSuppressesAFixedSetOfWarnings() {
    String fibers = generated(compileStrict(sample()), "p.SampleFibers");
    assertThat(fibers).contains("import javax.annotation.processing.Generated;");
    assertThat(fibers).contains("@Generated(");
    assertThat(fibers).contains("value = \"dev.fibered.processor.FiberedProcessor\"");
    assertThat(fibers).contains("@SuppressWarnings(");
    assertThat(fibers).contains("final class SampleFibers {");
    assertThat(fibers).contains("private SampleFibers() {");
  }

  @Test
  void copiesTheUsersImportsInOrder() {
    String fibers = generated(compileStrict(sample()), "p.SampleFibers");
    List<String> userImports =
        List.of(
            "import dev.fibered.Fiber;",
            "import dev.fibered.Fibered;",
            "import java.util.ArrayList;",
            "import java.util.List;");
    int last = -1;
    for (String line : userImports) {
      int at = fibers.indexOf("\n" + line + "\n");
      assertThat(at).isGreaterThan(last);
      last = at;
    }
  }

  /**
   * The line table maps each copied statement's generated line to the statement's own source line,
   * so that stack traces through a machine can name the user's line.
   */
  @Test
  void lineTableMapsCopiedStatementsToTheirSourceLines() {
    String fibers = generated(compileStrict(sample()), "p.SampleFibers");
    Matcher table = Pattern.compile("SOURCE_LINES = \"([0-9: ]*)\";").matcher(fibers);
    assertThat(table.find()).isTrue();
    java.util.TreeMap<Integer, Integer> sourceLineFrom = new java.util.TreeMap<>();
    for (String pair : table.group(1).split(" ")) {
      String[] parts = pair.split(":");
      sourceLineFrom.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
    List<String> generatedLines = fibers.lines().toList();
    List<String> sourceLines = SAMPLE.lines().toList();
    // A loop copied as a Java loop reads the machine fields into Java locals: s and i are s2, i2.
    java.util.Map<String, String> generatedAs =
        java.util.Map.of("s += i;", "s2 += i2;", "g -= 10;", "g2 -= 10;");
    for (String statement :
        List.of("s += i;", "log.add(name);", "left--;", "g -= 10;", "hits += cell;")) {
      int generatedLine = lineOf(generatedLines, generatedAs.getOrDefault(statement, statement));
      int sourceLine = lineOf(sourceLines, statement);
      assertEquals(
          sourceLine,
          sourceLineFrom.floorEntry(generatedLine).getValue(),
          "source line of generated line " + generatedLine + ": " + statement);
    }
    assertThat(fibers).doesNotContain("\u0001"); // the emitter's markers are gone
  }

  /** The 1-based line of the only line containing {@code text}. */
  private static int lineOf(List<String> lines, String text) {
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        assertEquals(-1, found, "more than one line contains " + text);
        found = i + 1;
      }
    }
    assertThat(found).isGreaterThan(0);
    return found;
  }

  @Test
  void hasAFactoryAndAMachinePerMethod() {
    String fibers = generated(compileStrict(sample()), "p.SampleFibers");
    assertThat(fibers).contains("static Fiber<Long> sum(int n) {");
    assertThat(fibers).contains("static Machine<Long> sum$machine(int n) {");
    assertThat(fibers).contains("static Fiber<Long> twice(int n) {");
    assertThat(fibers).contains("static Fiber<Integer> grid(Sample self, int[] cells, List<String> names) {");
    assertThat(fibers).contains("static Fiber<Void> countdown(Sample self, int from) {");
    for (String machine : List.of("SumMachine", "TwiceMachine", "GridMachine", "CountdownMachine")) {
      assertThat(fibers).contains("private static final class " + machine + " extends Machine<");
    }
  }

  private static final Pattern CASE = Pattern.compile("\n( *)case (\\d+): \\{\n");

  /** The state's comment: file, line, an optional role such as {@code after: }, the line's text. */
  private static final Pattern COMMENT =
      Pattern.compile(" *// Sample\\.java:(\\d+): (?:[a-z-]+: )?(.*)\n");

  /**
   * Every state is one {@code case}, numbered from 0 in each machine, and starts with a comment
   * naming the line of Sample.java it comes from, with that line's text.
   */
  @Test
  void everyStateIsOneCaseCommentedWithItsSourceLine() {
    String fibers = generated(compileStrict(sample()), "p.SampleFibers");
    String[] sampleLines = SAMPLE.split("\n", -1);
    Map<String, Integer> statesPerMachine = new HashMap<>();
    String[] machines = fibers.split("private static final class ");
    for (int m = 1; m < machines.length; m++) {
      String machine = machines[m];
      String name = machine.substring(0, machine.indexOf(' '));
      Matcher cases = CASE.matcher(machine);
      List<Integer> numbers = new ArrayList<>();
      while (cases.find()) {
        numbers.add(Integer.parseInt(cases.group(2)));
        Matcher comment = COMMENT.matcher(machine);
        comment.region(cases.end(), machine.length());
        assertThat(comment.lookingAt()).isTrue();
        int line = Integer.parseInt(comment.group(1));
        assertThat(comment.group(2)).isEqualTo(sampleLines[line - 1].trim());
      }
      for (int i = 0; i < numbers.size(); i++) {
        assertEquals(i, numbers.get(i), name + " numbers its states in order");
      }
      int commented = comments(machine);
      assertEquals(numbers.size(), commented, name + ": one source-line comment per case");
      statesPerMachine.put(name, numbers.size());
    }
    assertThat(statesPerMachine.keySet())
        .containsExactly("SumMachine", "TwiceMachine", "GridMachine", "CountdownMachine");
    // Each switch point adds a state: twice() has two calls, a yield and a yieldNow.
    assertThat(statesPerMachine.get("TwiceMachine")).isAtLeast(5);
  }

  private static int comments(String machine) {
    int count = 0;
    for (String line : machine.split("\n")) {
      if (line.trim().startsWith("// Sample.java:")) {
        count++;
      }
    }
    return count;
  }

  /** An abstract method, an overridable one calling it, and an override in a subclass. */
  static final String SHAPE =
      """
      package p;

      import dev.fibered.Fiber;
      import dev.fibered.Fibered;

      abstract class Shape {
        @Fibered
        abstract int area(int scale);

        @Fibered
        int twice(int scale) {
          int once = area(scale);
          return once + area(scale);
        }

        static final class Square extends Shape {
          @Fibered
          @Override
          int area(int scale) {
            Fiber.yieldNow();
            return scale * scale;
          }
        }
      }
      """;

  /**
   * Dispatch: the abstract method's factories always go through the runtime's {@code Dispatch},
   * the overridable one's only for receivers of another class, and the override registers its
   * machine under the method it overrides. Compiles cleanly at release 11 and runs.
   */
  @Test
  void dispatchMatchesGoldenCompilesAtReleaseElevenAndRuns() throws Exception {
    Compilation compilation = compileStrict(source("p.Shape", SHAPE));
    assertMatchesGolden(generated(compilation, "p.ShapeFibers"), "ShapeFibers.java");
    assertMatchesGolden(generated(compilation, "p.Shape_SquareFibers"), "Shape_SquareFibers.java");
    assertThat(Fixtures.compileStrictAt(11, source("p.Shape", SHAPE))).succeededWithoutWarnings();
  }

  private static final String TAGGER =
      """
      package p;

      import dev.fibered.Fiber;
      import dev.fibered.Fibered;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.Supplier;

      final class Tagger {
        @Fibered
        static List<String> tags(String prefix, int n) {
          List<Supplier<String>> tags = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int k = i;
            class Tag implements Supplier<String> {
              final String text = prefix + k;

              @Override
              public String get() {
                return text;
              }
            }
            tags.add(new Tag());
            Fiber.yield();
            tags.add(new Tag());
          }
          List<String> out = new ArrayList<>();
          for (Supplier<String> t : tags) {
            out.add(t.get());
          }
          return out;
        }
      }
      """;

  /**
   * A local class that captures a loop's local: a member of the machine inside a frame of the
   * captured values, created where the class is declared. Compiles at release 11, and each
   * instance keeps its own iteration's value.
   */
  @Test
  void localClassMatchesGoldenCompilesAtReleaseElevenAndRuns() throws Exception {
    Compilation compilation = compileStrict(source("p.Tagger", TAGGER));
    assertMatchesGolden(generated(compilation, "p.TaggerFibers"), "TaggerFibers.java");
    assertThat(Fixtures.compileStrictAt(11, source("p.Tagger", TAGGER))).succeededWithoutWarnings();
    Class<?> fibers = new CompiledClassLoader(compilation).loadClass("p.TaggerFibers");
    assertEquals(List.of("t0", "t0", "t1", "t1", "t2", "t2"), runFiber(fibers, "tags", "t", 3));
  }

  /** The whole file, frozen after review: catches correct-but-weird changes to the output. */
  @Test
  void matchesGolden() {
    String fibers = generated(compileStrict(sample()), "p.SampleFibers");
    assertMatchesGolden(fibers, "SampleFibers.java");
  }

  /**
   * The design document's example. (compile-testing's {@code hasSourceEquivalentTo} needs {@code
   * --add-exports} for jdk.compiler, which this module's surefire does not pass, so goldens are
   * compared as text.)
   */
  @Test
  void jobsMatchesGolden() {
    JavaFileObject jobs =
        source(
            "p.Jobs",
            """
            package p;

            import dev.fibered.Fibered;

            final class Jobs {
              @Fibered
              static long sum(int n) {
                long s = 0;
                for (int i = 0; i < n; i++) s += i;
                return s;
              }
            }
            """);
    Compilation compilation = compileStrict(jobs);
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(generated(compilation, "p.JobsFibers"), "JobsFibers.java");
  }

  /** Loads the compiled sample and runs each method as a fiber and directly; results agree. */
  @Test
  void generatedCodeRunsLikeTheSource() throws Exception {
    Compilation compilation = compileStrict(sample());
    assertThat(compilation).succeeded();
    ClassLoader loader = new CompiledClassLoader(compilation);
    Class<?> host = loader.loadClass("p.Sample");
    Class<?> fibers = loader.loadClass("p.SampleFibers");

    assertEquals(call(host, "sum", null, 100), runFiber(fibers, "sum", 100));
    assertEquals(call(host, "twice", null, 9), runFiber(fibers, "twice", 9));

    Object direct = newInstance(host);
    Object fibered = newInstance(host);
    int[] cells = {5, -1, 7, 300, 2};
    List<String> names = List.of("ab", "cde");
    assertEquals(
        call(host, "grid", direct, cells, names), runFiber(fibers, "grid", fibered, cells, names));
    assertEquals(field(direct, "total"), field(fibered, "total"));
    assertEquals(field(direct, "log"), field(fibered, "log"));

    call(host, "countdown", direct, 5);
    runFiber(fibers, "countdown", fibered, 5);
    assertEquals(field(direct, "total"), field(fibered, "total"));
    assertEquals(field(direct, "log"), field(fibered, "log"));
  }
}
