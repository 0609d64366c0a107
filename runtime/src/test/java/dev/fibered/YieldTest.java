package dev.fibered;

import static dev.fibered.TestLogs.ONE_HOUR;
import static dev.fibered.TestLogs.ONE_NANO;
import static dev.fibered.TestLogs.alternating;
import static dev.fibered.TestLogs.sequence;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fibered.TestMachines.CheckLoop;
import dev.fibered.TestMachines.Steps;
import dev.fibered.TestMachines.YieldDueLoop;
import dev.fibered.TestMachines.YieldNowLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Explicit switch points: {@link Fiber#yieldNow()} (always switches) and {@link Fiber#yield()}
 * (switches only when the slice is spent, through {@link Machine#yieldDue()}).
 */
@Timeout(30)
class YieldTest {

  @Test
  void yieldNowSwitchesEvenWhenTheSliceIsNotSpent() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    List<String> log = new ArrayList<>();
    Fiber<Integer> a = s.spawn(fiber("a", new YieldNowLoop("a", 50, log)));
    Fiber<Integer> b = s.spawn(fiber("b", new YieldNowLoop("b", 50, log)));

    s.run();

    assertEquals(alternating("a", "b", 50), log);
    assertEquals(50, a.result());
    assertEquals(50, b.result());
  }

  @Test
  void yieldNowAloneResumesTheSameFiberWithoutLosingProgress() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    List<String> log = new ArrayList<>();
    Fiber<Integer> a = s.spawn(fiber("a", new YieldNowLoop("a", 1_000, log)));

    s.run();

    assertEquals(sequence("a", 1_000), log);
    assertEquals(1_000, a.result());
  }

  @Test
  void yieldNowHandsOverToAFiberThatThenKeepsItsWholeSlice() {
    // a yields at every step; b only checks, and its slice is an hour, so b runs to the end.
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    List<String> log = new ArrayList<>();
    s.spawn(fiber("a", new YieldNowLoop("a", 3, log)));
    s.spawn(fiber("b", new CheckLoop("b", 100, log)));

    s.run();

    List<String> expected = new ArrayList<>();
    expected.add("a0");
    expected.addAll(sequence("b", 100));
    expected.add("a1");
    expected.add("a2");
    assertEquals(expected, log);
  }

  @Test
  void yieldDueDoesNotSwitchWhileTheSliceLasts() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    List<String> log = new ArrayList<>();
    YieldDueLoop a = new YieldDueLoop("a", 1_000, log);
    YieldDueLoop b = new YieldDueLoop("b", 1_000, log);
    s.spawn(fiber("a", a));
    s.spawn(fiber("b", b));

    s.run();

    List<String> expected = sequence("a", 1_000);
    expected.addAll(sequence("b", 1_000));
    assertEquals(expected, log);
    assertEquals(0, a.suspensions);
    assertEquals(0, b.suspensions);
  }

  @Test
  void yieldDueSwitchesOnceTheSliceIsSpentAndAnotherFiberWaits() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    YieldDueLoop a = new YieldDueLoop("a", 100, log);
    YieldDueLoop b = new YieldDueLoop("b", 100, log);
    Fiber<Integer> fa = s.spawn(fiber("a", a));
    Fiber<Integer> fb = s.spawn(fiber("b", b));

    s.run();

    assertEquals(alternating("a", "b", 100), log);
    assertEquals(100, a.suspensions);
    assertEquals(100, b.suspensions);
    assertEquals(100, fa.result());
    assertEquals(100, fb.result());
  }

  @Test
  void yieldDueAloneNeverSwitchesEvenWithTheSliceSpent() {
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    YieldDueLoop a = new YieldDueLoop("a", 5_000, log);
    Fiber<Integer> f = s.spawn(fiber("a", a));

    s.run();

    assertEquals(0, a.suspensions);
    assertEquals(sequence("a", 5_000), log);
    assertEquals(5_000, f.result());
  }

  @Test
  void yieldDueReportsTheSliceExactlyAsTheFiberSeesIt() {
    // Inside one resume: with an hour-long slice yieldDue() is false, whoever else is waiting.
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    List<Boolean> seen = new ArrayList<>();
    s.spawn(
        fiber(
            "probe",
            new Steps<String>(
                (self, i) -> {
                  for (int k = 0; k < 10; k++) {
                    seen.add(self.yieldDue());
                  }
                  return "done";
                })));
    s.spawn(fiber("other", new YieldNowLoop("o", 1, new ArrayList<>())));

    s.run();

    assertEquals(10, seen.size());
    assertFalse(seen.contains(Boolean.TRUE), seen.toString());
  }

  @Test
  void staticYieldsReturnAtOnceOutsideFibers() {
    assertNull(Fiber.current());
    for (int i = 0; i < 1_000; i++) {
      Fiber.yield();
      Fiber.yieldNow();
    }
    assertNull(Fiber.current());
  }

  @Test
  void staticYieldsCalledDirectlyInsideAMachineDoNotSwitch() {
    // Generated code turns Fiber.yield()/yieldNow() into switch points; a direct call (as in a
    // @Fibered method called as a plain method) is a no-op, even inside a running fiber.
    Scheduler s = Scheduler.builder().timeSlice(ONE_NANO).build();
    List<String> log = new ArrayList<>();
    s.spawn(
        fiber(
            "direct",
            new Steps<String>(
                (self, i) -> {
                  for (int k = 0; k < 3; k++) {
                    log.add("d" + k);
                    Fiber.yieldNow();
                    Fiber.yield();
                  }
                  return "ok";
                })));
    s.spawn(fiber("other", new YieldNowLoop("o", 1, log)));

    s.run();

    assertEquals(List.of("d0", "d1", "d2", "o0"), log);
  }
}
