package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.CheckLoop;
import dev.fibered.TestMachines.Steps;
import dev.fibered.TestMachines.Value;
import dev.fibered.TestMachines.YieldNowLoop;
import dev.fibered.TestThreads.Worker;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the scheduler refuses: re-entry, cross-thread use while running, bad settings. */
@Timeout(60)
class SchedulerMisuseTest {

  /**
   * A fiber body that signals {@code started}, then yields (sleeping a little) until {@code
   * release} is set or {@link TestThreads#TIMEOUT} passes.
   */
  private static Steps<String> spinUntil(CountDownLatch started, AtomicBoolean release) {
    long deadline = System.nanoTime() + TestThreads.TIMEOUT.toNanos();
    return new Steps<String>(
        (self, i) -> {
          started.countDown();
          if (release.get()) {
            return "released";
          }
          if (System.nanoTime() - deadline >= 0) {
            return "timed out";
          }
          Thread.sleep(1);
          return Machine.SUSPEND;
        });
  }

  @Test
  void runCalledFromInsideOneOfItsFibersThrowsAndTheSchedulerCarriesOn() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    List<IllegalStateException> caught = new ArrayList<>();
    List<Fiber<?>> currentAfter = new ArrayList<>();
    List<Fiber<Integer>> spawnedAfter = new ArrayList<>();
    Fiber<String> reenter =
        s.spawn(
            fiber(
                "reenter",
                new Steps<String>(
                    (self, i) -> {
                      if (i == 0) {
                        try {
                          s.run();
                        } catch (IllegalStateException e) {
                          caught.add(e);
                        }
                        // The failed attempt must leave the running scheduler intact.
                        currentAfter.add(Fiber.current());
                        spawnedAfter.add(s.spawn(fiber("late", new YieldNowLoop("late", 2, log))));
                        return Machine.SUSPEND;
                      }
                      currentAfter.add(Fiber.current());
                      return "carried on";
                    })));
    Fiber<Integer> other = s.spawn(fiber("other", new YieldNowLoop("other", 3, log)));

    s.run();

    assertEquals(1, caught.size());
    assertTrue(caught.get(0).getMessage().contains("inside one of its own fibers"), caught.get(0).getMessage());
    assertEquals(List.of(reenter, reenter), currentAfter);
    assertEquals("carried on", reenter.result());
    assertEquals(3, other.result());
    assertEquals(2, spawnedAfter.get(0).result());
    assertEquals(5, log.size());
    // And the scheduler is idle and usable again.
    Fiber<Integer> again = s.spawn(fiber("again", new Value<>(1)));
    s.run();
    assertEquals(1, again.result());
  }

  @Test
  void anUncaughtReentryFailsOnlyThatFiber() {
    Scheduler s = Scheduler.create();
    Fiber<String> reenter =
        s.spawn(
            fiber(
                "reenter",
                new Steps<String>(
                    (self, i) -> {
                      s.run();
                      return "unreachable";
                    })));
    Fiber<Integer> other = s.spawn(fiber("other", new YieldNowLoop("o", 3, new ArrayList<>())));

    s.run();

    assertInstanceOf(IllegalStateException.class, reenter.failure());
    assertEquals(3, other.result());
  }

  @Test
  void runningAnotherSchedulerFromInsideAFiberThrows() {
    Scheduler outer = Scheduler.create();
    Scheduler inner = Scheduler.create();
    Fiber<Integer> innerFiber = inner.spawn(fiber("inner", new Value<>(7)));
    List<Throwable> caught = new ArrayList<>();
    outer.spawn(
        fiber(
            "nests",
            new Steps<String>(
                (self, i) -> {
                  try {
                    inner.run();
                  } catch (IllegalStateException e) {
                    caught.add(e);
                  }
                  return "ok";
                })));

    outer.run();

    assertEquals(1, caught.size());
    assertTrue(caught.get(0).getMessage().contains("another scheduler"), caught.get(0).getMessage());
    assertFalse(innerFiber.isDone(), "the inner scheduler did not run");
    // The refused scheduler was left idle, not half-entered.
    inner.run();
    assertEquals(7, innerFiber.result());
  }

  @Test
  void spawnFromAnotherThreadWhileRunningThrowsAndLosesNothing() throws Throwable {
    Scheduler s = Scheduler.create();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean release = new AtomicBoolean();
    Fiber<String> spinner = s.spawn(fiber("spinner", spinUntil(started, release)));
    Fiber<Integer> latecomer = fiber("latecomer", new Value<>(5));
    AtomicReference<Throwable> thrown = new AtomicReference<>();

    Worker runner = Worker.start("the-runner", s::run);
    Worker spawner =
        Worker.start(
            "spawner",
            () -> {
              try {
                TestThreads.await(started);
                s.spawn(latecomer);
              } catch (Throwable t) {
                thrown.set(t);
              } finally {
                release.set(true);
              }
            });
    spawner.await();
    runner.await();

    assertInstanceOf(IllegalStateException.class, thrown.get());
    assertTrue(thrown.get().getMessage().contains("the-runner"), thrown.get().getMessage());
    assertEquals("released", spinner.result());
    assertFalse(latecomer.isAlive(), "the refused fiber was not registered");
    assertFalse(latecomer.isDone());
    // Once the scheduler is idle, the same fiber can be spawned after all.
    s.spawn(latecomer);
    s.run();
    assertEquals(5, latecomer.result());
  }

  @Test
  void runFromAnotherThreadWhileRunningThrows() throws Throwable {
    Scheduler s = Scheduler.create();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean release = new AtomicBoolean();
    Fiber<String> spinner = s.spawn(fiber("spinner", spinUntil(started, release)));
    AtomicReference<Throwable> thrown = new AtomicReference<>();

    Worker runner = Worker.start("first-runner", s::run);
    Worker second =
        Worker.start(
            "second-runner",
            () -> {
              try {
                TestThreads.await(started);
                s.run();
              } catch (Throwable t) {
                thrown.set(t);
              } finally {
                release.set(true);
              }
            });
    second.await();
    runner.await();

    assertInstanceOf(IllegalStateException.class, thrown.get());
    assertTrue(thrown.get().getMessage().contains("first-runner"), thrown.get().getMessage());
    assertEquals("released", spinner.result());
  }

  @Test
  void aRunningFiberMaySpawnOnItsOwnScheduler() {
    Scheduler s = Scheduler.create();
    List<Fiber<Integer>> children = new ArrayList<>();
    Fiber<String> parent =
        s.spawn(
            fiber(
                "parent",
                new Steps<String>(
                    (self, i) -> {
                      for (int k = 0; k < 5; k++) {
                        children.add(s.spawn(fiber("child" + k, new Value<>(k))));
                      }
                      return "spawned";
                    })));

    s.run();

    assertEquals("spawned", parent.result());
    assertEquals(5, children.size());
    for (int k = 0; k < 5; k++) {
      assertEquals(k, children.get(k).result());
    }
  }

  @Test
  void timeSliceMustBePositive() {
    Scheduler.Builder b = Scheduler.builder();
    assertThrows(IllegalArgumentException.class, () -> b.timeSlice(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.timeSlice(Duration.ofNanos(-1)));
    assertThrows(IllegalArgumentException.class, () -> b.timeSlice(Duration.ofMillis(-10)));
    assertThrows(NullPointerException.class, () -> b.timeSlice(null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.timeSlice(Duration.ZERO));
    assertTrue(e.getMessage().contains("positive"), e.getMessage());
    // A rejected value leaves the builder as it was.
    assertEquals(Duration.ofMillis(10), b.build().timeSlice());
  }

  @Test
  void theBuilderReturnsItselfAndBuildsIndependentSchedulers() {
    Scheduler.Builder b = Scheduler.builder();
    assertSame(b, b.timeSlice(Duration.ofMillis(1)));
    Scheduler first = b.build();
    b.timeSlice(Duration.ofMillis(2));
    Scheduler second = b.build();
    assertEquals(Duration.ofMillis(1), first.timeSlice());
    assertEquals(Duration.ofMillis(2), second.timeSlice());
  }

  @Test
  void aSliceOfLongMaxValueNanosecondsActsAsNoPreemption() {
    // now + slice overflows; the deadline arithmetic must still treat the slice as unspent.
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofNanos(Long.MAX_VALUE)).build();
    List<String> log = new ArrayList<>();
    CheckLoop a = new CheckLoop("a", 1_000, log);
    CheckLoop b = new CheckLoop("b", 1_000, log);
    s.spawn(fiber("a", a));
    s.spawn(fiber("b", b));

    s.run();

    assertEquals(0, a.suspensions);
    assertEquals(0, b.suspensions);
    assertEquals("a999", log.get(999));
    assertEquals("b0", log.get(1_000));
  }

  @Test
  void anyPositiveSliceIsValidEvenForever() {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    Scheduler s =
        assertDoesNotThrow(
            () -> Scheduler.builder().timeSlice(forever).build(),
            "Builder.timeSlice: 'Any positive duration is valid'");
    assertNotNull(s);
    Fiber<Integer> f = s.spawn(fiber("f", new CheckLoop("x", 10, new ArrayList<>())));
    s.run();
    assertEquals(10, f.result());
    assertDoesNotThrow(s::timeSlice);
    assertDoesNotThrow(s::toString);
  }
}
