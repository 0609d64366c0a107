package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exceptions that leave fibered code show the @Fibered methods and their source lines, as a
 * direct call would, and {@link Fiber#stackTrace()} shows where a suspended fiber waits.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StackTraceTest {
  private static final String FILE = "CorpusTraces.java";
  private static final String HOST = CorpusTraces.class.getName();
  private static List<String> source;

  @BeforeAll
  static void readCorpus() throws IOException {
    source = Files.readAllLines(Path.of("src/test/java/dev/fibered/functional", FILE));
  }

  /** The line of the corpus marked {@code // at:mark}. */
  private static int line(String mark) {
    for (int i = 0; i < source.size(); i++) {
      if (source.get(i).endsWith("// at:" + mark)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line marked " + mark);
  }

  /** A frame as a trace prints it; StackTraceElement.equals also compares class loaders. */
  private static String frame(String className, String method, String mark) {
    return className + "." + method + "(" + FILE + ":" + line(mark) + ")";
  }

  private static String describe(StackTraceElement f) {
    return f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
  }

  private static Throwable failureOf(Fiber<?> fiber) {
    Scheduler scheduler = Scheduler.create();
    scheduler.spawn(fiber);
    scheduler.run();
    return fiber.failure();
  }

  /** The frames of a trace up to the first of the runtime's own. */
  private static List<String> userFrames(Throwable t) {
    return Arrays.stream(t.getStackTrace())
        .takeWhile(f -> !f.getClassName().startsWith("dev.fibered.Fiber"))
        .map(StackTraceTest::describe)
        .collect(Collectors.toList());
  }

  @Test
  void anExceptionFromThreeNestedCallsNamesEachMethodAtItsLine() {
    Throwable t = failureOf(CorpusTracesFibers.outer(4));
    assertEquals(IllegalStateException.class, t.getClass());
    assertEquals(
        List.of(
            frame(HOST, "innermost", "innermost-throw"),
            frame(HOST + "$Inner", "middle", "middle-call"),
            frame(HOST, "outer", "outer-call")),
        userFrames(t),
        () -> "trace was " + Arrays.toString(t.getStackTrace()));
  }

  @Test
  void theFiberTraceMatchesTheDirectCallsTrace() {
    Throwable direct = assertThrows(IllegalStateException.class, () -> CorpusTraces.outer(4));
    List<String> directFrames =
        Arrays.stream(direct.getStackTrace())
            .filter(f -> f.getClassName().startsWith(HOST))
            .map(StackTraceTest::describe)
            .collect(Collectors.toList());
    assertEquals(directFrames, userFrames(failureOf(CorpusTracesFibers.outer(4))));
  }

  @Test
  void framesOfPlainMethodsStayAboveTheFiberedOnes() {
    Throwable t = failureOf(CorpusTracesFibers.viaPlainMethod(7));
    assertEquals(
        List.of(frame(HOST, "plain", "plain-throw"), frame(HOST, "viaPlainMethod", "plain-call")),
        userFrames(t));
  }

  @Test
  void theRuntimeFramesBelowAreKept() {
    Throwable t = failureOf(CorpusTracesFibers.outer(4));
    List<String> classes =
        Arrays.stream(t.getStackTrace()).map(StackTraceElement::getClassName).collect(Collectors.toList());
    assertTrue(classes.contains(Scheduler.class.getName()), classes::toString);
    assertTrue(classes.contains(StackTraceTest.class.getName()), classes::toString);
  }

  @Test
  void aSuspendedFiberShowsWhereItWaits() {
    CorpusTraces.SNAPSHOTS.clear();
    Fiber<Integer> watched = CorpusTracesFibers.outer(-1); // innermost(0) returns rather than throws
    CorpusTraces.watched = watched;
    // An hour's slice: only yieldNow() switches, never an entry check on a loaded machine.
    Scheduler scheduler = Scheduler.builder().timeSlice(java.time.Duration.ofHours(1)).build();
    scheduler.spawn(watched);
    scheduler.spawn(CorpusTracesFibers.observer());
    scheduler.run();
    assertEquals(1, watched.result());
    assertEquals(1, CorpusTraces.SNAPSHOTS.size());
    assertEquals(
        List.of(
            frame(HOST, "innermost", "innermost-yield"),
            frame(HOST + "$Inner", "middle", "middle-call"),
            frame(HOST, "outer", "outer-call")),
        Arrays.stream(CorpusTraces.SNAPSHOTS.get(0)).map(StackTraceTest::describe).collect(Collectors.toList()));
    assertEquals(0, watched.stackTrace().length, "a finished fiber has no frames");
  }
}
