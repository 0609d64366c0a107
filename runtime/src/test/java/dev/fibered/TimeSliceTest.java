package dev.fibered;

import static dev.fibered.TestLogs.ONE_HOUR;
import static dev.fibered.TestLogs.ONE_NANO;
import static dev.fibered.TestLogs.alternating;
import static dev.fibered.TestLogs.sequence;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.CheckLoop;
import dev.fibered.TestMachines.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Preemption through {@link Machine#check()}: the checks the processor inserts on back-edges.
 *
 * <p>The 1 ns tests rely on {@link System#nanoTime()} advancing between two reads, so that a 1 ns
 * slice is always spent by the first check. No test here asserts anything about speed.
 */
@Timeout(60)
class TimeSliceTest {

  /** The entries of {@code log} that start with {@code label}, in order. */
  private static List<String> only(List<String> log, String label) {
    List<String> out = new ArrayList<>();
    for (String s : log) {
      if (s.startsWith(label)) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void withAOneNanosecondSliceTwoCheckingFibersAlternateAtEveryCheck() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    CheckLoop a = new CheckLoop("a", 200, log);
    CheckLoop b = new CheckLoop("b", 200, log);
    Fiber<Integer> fa = s.spawn(fiber("a", a));
    Fiber<Integer> fb = s.spawn(fiber("b", b));

    s.run();

    assertEquals(alternating("a", "b", 200), log);
    assertEquals(200, fa.result());
    assertEquals(200, fb.result());
    // Each check found the slice spent and the other fiber waiting.
    assertEquals(200, a.checks);
    assertEquals(200, a.suspensions);
    assertEquals(200, b.suspensions);
  }

  @Test
  void withAOneNanosecondSliceThreeFibersRotate() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    s.spawn(fiber("a", new CheckLoop("a", 4, log)));
    s.spawn(fiber("b", new CheckLoop("b", 4, log)));
    s.spawn(fiber("c", new CheckLoop("c", 4, log)));

    s.run();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      expected.add("a" + i);
      expected.add("b" + i);
      expected.add("c" + i);
    }
    assertEquals(expected, log);
  }

  @Test
  void withAHugeSliceTheFirstFiberRunsToCompletionBeforeTheSecond() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    List<String> log = new ArrayList<>();
    CheckLoop a = new CheckLoop("a", 20_000, log);
    CheckLoop b = new CheckLoop("b", 20_000, log);
    Fiber<Integer> fa = s.spawn(fiber("a", a));
    Fiber<Integer> fb = s.spawn(fiber("b", b));

    s.run();

    List<String> expected = sequence("a", 20_000);
    expected.addAll(sequence("b", 20_000));
    assertEquals(expected, log);
    assertEquals(0, a.suspensions);
    assertEquals(0, b.suspensions);
    assertEquals(20_000, fa.result());
    assertEquals(20_000, fb.result());
  }

  @Test
  void aFibersOwnSliceWinsOverItsSchedulers() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    List<String> log = new ArrayList<>();
    CheckLoop a = new CheckLoop("a", 200, log);
    CheckLoop b = new CheckLoop("b", 200, log);
    Fiber<Integer> fa = s.spawn(fiber("a", a).withTimeSlice(ONE_NANO));
    Fiber<Integer> fb = s.spawn(fiber("b", b).withTimeSlice(ONE_NANO));

    s.run();

    assertEquals(alternating("a", "b", 200), log);
    assertEquals(Optional.of(ONE_NANO), fa.timeSlice());
    assertEquals(200, fb.result());
  }

  @Test
  void aFiberWithoutItsOwnSliceUsesTheSchedulers() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    Fiber<Integer> fa = s.spawn(fiber("a", new CheckLoop("a", 200, log)).withTimeSlice(ONE_HOUR));
    Fiber<Integer> fb = s.spawn(fiber("b", new CheckLoop("b", 200, log)));

    s.run();

    // "a" keeps its hour-long slice; "b" gets 1 ns and hands back at its first check.
    List<String> expected = sequence("a", 200);
    expected.addAll(sequence("b", 200));
    assertEquals(expected, log);
    assertEquals(Optional.empty(), fb.timeSlice());
    assertEquals(200, fa.result());
  }

  @Test
  void anOwnSliceMustBePositiveAndSetBeforeSpawning() {
    Fiber<Integer> f = fiber("a", new CheckLoop("a", 1, new ArrayList<>()));
    assertThrows(IllegalArgumentException.class, () -> f.withTimeSlice(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> f.withTimeSlice(Duration.ofMillis(-1)));
    Scheduler.create().spawn(f);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> f.withTimeSlice(ONE_NANO));
    assertTrue(e.getMessage().contains("already been spawned"), e.getMessage());
  }

  @Test
  void aFiberAloneIsNeverSuspendedItsSliceIsRenewedInPlace() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    CheckLoop alone = new CheckLoop("x", 10_000, log);
    Fiber<Integer> f = s.spawn(fiber("alone", alone));

    s.run();

    assertEquals(10_000, f.result());
    assertEquals(10_000, alone.checks);
    assertEquals(0, alone.suspensions, "nobody else could run: the slice must be renewed");
    assertEquals(sequence("x", 10_000), log);
  }

  @Test
  void aFiberAloneStartsSwitchingOnceAnotherFiberBecomesRunnable() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    int[] i = {0};
    Fiber<Integer> a =
        s.spawn(
            fiber(
                "a",
                new Steps<Integer>(
                    (self, resume) -> {
                      while (i[0] < 10) {
                        log.add("a" + i[0]);
                        if (i[0] == 4) {
                          s.spawn(fiber("b", new CheckLoop("b", 3, log)));
                        }
                        i[0]++;
                        if (self.check()) {
                          return Machine.SUSPEND;
                        }
                      }
                      return 10;
                    })));

    s.run();

    assertEquals(
        List.of("a0", "a1", "a2", "a3", "a4", "b0", "a5", "b1", "a6", "b2", "a7", "a8", "a9"),
        log);
    assertEquals(10, a.result());
  }

  @Test
  void aLongFiberIsPreemptedSoAShortOneFinishesFirst() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    s.spawn(fiber("long", new CheckLoop("long", 1_000, log)));
    s.spawn(fiber("short", new CheckLoop("short", 10, log)));

    s.run();

    assertTrue(log.indexOf("short9") < log.indexOf("long999"), "short must finish first");
    assertTrue(log.indexOf("short9") < log.indexOf("long20"), "preempted at every check");
  }

  @Test
  void preemptionNeverLosesOrRepeatsProgress() {
    // A realistic slice: where the switches fall depends on the clock, but each fiber's own
    // steps must appear exactly once and in order.
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofNanos(20_000)).build();
    List<String> log = new ArrayList<>();
    CheckLoop a = new CheckLoop("a", 100_000, log);
    CheckLoop b = new CheckLoop("b", 100_000, log);
    CheckLoop c = new CheckLoop("c", 100_000, log);
    Fiber<Integer> fa = s.spawn(fiber("a", a));
    Fiber<Integer> fb = s.spawn(fiber("b", b));
    Fiber<Integer> fc = s.spawn(fiber("c", c));

    s.run();

    assertEquals(100_000, fa.result());
    assertEquals(100_000, fb.result());
    assertEquals(100_000, fc.result());
    assertEquals(300_000, log.size());
    assertEquals(sequence("a", 100_000), only(log, "a"));
    assertEquals(sequence("b", 100_000), only(log, "b"));
    assertEquals(sequence("c", 100_000), only(log, "c"));
  }
}
