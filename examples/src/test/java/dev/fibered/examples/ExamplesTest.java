package dev.fibered.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The examples do what the demo claims. Each step's work (2 ms) is far longer than the slice
 * (1 ns), so every offer to switch is taken whatever the machine's speed: the order is exact.
 */
@Timeout(60)
class ExamplesTest {
  private static final Duration STEP = Duration.ofMillis(2);
  private static final Duration SLICE = Duration.ofNanos(1);

  @BeforeEach
  void quiet() {
    Log.echo(false);
    Log.drain();
  }

  @AfterEach
  void loud() {
    Log.echo(true);
  }

  @Test
  void basicUsageRunsFibersOnlyWhenScheduled() {
    BasicUsage.main(new String[0]);
    assertEquals(
        List.of(
            "fibers registered; nothing printed by them yet", "hello world", "hello! world! again!"),
        Log.drain());
  }

  @Test
  void cooperativeFibersAlternate() {
    CooperativeScheduling.run(5, STEP, SLICE);
    assertEquals(alternating(5), Log.drain());
  }

  @Test
  void fibersThatNeverYieldAreInterleavedByTheLoopCheck() {
    PreemptiveScheduling.run(5, STEP, SLICE);
    assertEquals(alternating(5), Log.drain());
  }

  @Test
  void pythonFibersStyle() {
    PythonFibersStyle.main(new String[0]);
    assertEquals(
        List.of(
            "ponger got ping 1",
            "pinger got pong 1",
            "ponger got ping 2",
            "pinger got pong 2",
            "PythonFibersStyle.child started by PythonFibersStyle.parent",
            "parent saw its child end",
            "sleeper goes to sleep for an hour",
            "canceller cancelled the sleeper",
            "sleeper is CANCELLED"),
        Log.drain());
  }

  @Test
  void gruviStyle() throws InterruptedException {
    GruviStyle.main(new String[0]);
    assertEquals(
        List.of(
            "first woke after 100 ms",
            "second woke after 200 ms",
            "third woke after 300 ms",
            "setter: setting the event",
            "waiter: the event is set",
            "handling request-1",
            "handling request-2",
            "looked up key = KEY",
            "fiber received: hello from a thread"),
        Log.drain());
  }

  @Test
  void geventStyle() {
    GeventStyle.main(new String[0]);
    assertEquals(
        List.of(
            "joinall: sum of squares = 14",
            "pool: 6 jobs done, at most 2 at once",
            "queue: got 1",
            "queue: got 2",
            "queue: got 3",
            "queue: nothing for 50 ms, done"),
        Log.drain());
  }

  @Test
  void theLightSumFinishesBeforeTheHeavyOne() {
    HeavyAndLight.run(50_000_000L, Duration.ofNanos(1));
    List<String> lines = Log.drain();
    assertEquals("light done: 45", lines.get(0));
    assertEquals("heavy done: " + (50_000_000L * 49_999_999L / 2), lines.get(1));
  }

  @Test
  void withAHugeSliceNothingIsPreempted() {
    PreemptiveScheduling.run(3, STEP, Duration.ofHours(1));
    assertEquals(List.of("a 0", "a 1", "a 2", "b 0", "b 1", "b 2"), Log.drain());
  }

  private static List<String> alternating(int steps) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      expected.add("a " + i);
      expected.add("b " + i);
    }
    return expected;
  }
}
