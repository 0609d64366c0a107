package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The harness of the functional tests: runs fibers under several scheduling set-ups and compares
 * them with a direct call of the original method.
 *
 * <p>Every run goes through {@link #run}, which drives the scheduler on a watchdog-guarded thread:
 * a livelock or an endless loop in generated code fails the test after {@link #LIMIT} instead of
 * hanging the build (the scheduler loop cannot be interrupted, so the runaway thread is stopped as
 * a last resort where the JVM still allows it).
 */
final class Check {
  /** "Switch at every check" when another fiber is runnable. */
  static final Duration TINY = Duration.ofNanos(1);

  /** Checks and {@link Fiber#yield()} never switch; {@link Fiber#yieldNow()} still does. */
  static final Duration HUGE = Duration.ofHours(1);

  /** Far beyond what any test here needs; reaching it means the fibers do not terminate. */
  static final Duration LIMIT = Duration.ofSeconds(60);

  private Check() {}

  /** How the fiber under test is run. Each one is checked against the direct call. */
  enum Setup {
    /** Alone at 1 ns: checks find nobody to switch to, so this is the straight-line path. */
    ALONE_TINY(TINY, 1, false),
    /** With a spinning companion at 1 ns: every check switches, every state is resumed. */
    CONTENDED_TINY(TINY, 1, true),
    /** Three copies and a companion at 1 ns: machines of several fibers interleave. */
    CROWD_TINY(TINY, 3, true),
    /** With a companion at a 1 hour slice: only yieldNow() switches. */
    CONTENDED_HUGE(HUGE, 1, true);

    final Duration slice;
    final int copies;
    final boolean companion;

    Setup(Duration slice, int copies, boolean companion) {
      this.slice = slice;
      this.copies = copies;
      this.companion = companion;
    }
  }

  static Scheduler scheduler(Duration slice) {
    return Scheduler.builder().timeSlice(slice).build();
  }

  static Scheduler tiny() {
    return scheduler(TINY);
  }

  /**
   * Runs {@code scheduler} until no fiber is left, on another thread, failing if that takes longer
   * than {@link #LIMIT}.
   */
  static void run(Scheduler scheduler) {
    Throwable[] escaped = {null};
    Thread runner =
        new Thread(
            () -> {
              try {
                scheduler.run();
              } catch (Throwable t) {
                escaped[0] = t;
              }
            },
            "fibered-functional-scheduler");
    runner.setDaemon(true);
    runner.start();
    try {
      runner.join(TimeUnit.NANOSECONDS.toMillis(LIMIT.toNanos()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the scheduler", e);
    }
    if (runner.isAlive()) {
      AssertionError hang =
          new AssertionError(
              "the fibers did not finish within "
                  + LIMIT
                  + " (livelock or endless loop); the scheduler thread was here:");
      hang.setStackTrace(runner.getStackTrace());
      stopRunaway(runner);
      throw hang;
    }
    if (escaped[0] != null) {
      throw new AssertionError("Scheduler.run() threw, but it must keep fiber failures", escaped[0]);
    }
  }

  /** Spawns the fibers on a scheduler with {@code slice} and runs it ({@link #run}). */
  static void runAll(Duration slice, List<? extends Fiber<?>> fibers) {
    Scheduler s = scheduler(slice);
    for (Fiber<?> f : fibers) {
      s.spawn(f);
    }
    run(s);
  }

  /** Runs one fresh fiber under {@code setup}; returns the copies, all done. */
  static <T> List<Fiber<T>> runUnder(Setup setup, Supplier<Fiber<T>> factory) {
    Scheduler s = scheduler(setup.slice);
    List<Fiber<T>> copies = new ArrayList<>();
    for (int i = 0; i < setup.copies; i++) {
      copies.add(s.spawn(factory.get()));
    }
    if (setup.companion) {
      s.spawn(CorpusSupportFibers.spinUntilDone(new ArrayList<Fiber<?>>(copies)));
    }
    run(s);
    for (Fiber<T> f : copies) {
      assertTrue(f.isDone(), () -> f + " is not done after run()");
    }
    return copies;
  }

  /** Runs {@code fiber} at 1 ns next to a spinning companion and returns its result. */
  static <T> T contended(Fiber<T> fiber) {
    Scheduler s = tiny();
    s.spawn(fiber);
    List<Fiber<?>> targets = new ArrayList<>();
    targets.add(fiber);
    s.spawn(CorpusSupportFibers.spinUntilDone(targets));
    run(s);
    return fiber.result();
  }

  /**
   * The central check: the fiber returns what the direct call returns, under every {@link Setup}.
   * {@code factory} must return a fresh, independent fiber each time (and {@code direct} must not
   * share mutable state with them).
   */
  static <T> void same(Callable<T> direct, Supplier<Fiber<T>> factory) {
    T expected;
    try {
      expected = direct.call();
    } catch (Exception e) {
      throw new AssertionError("the direct call threw; use sameFailure for that", e);
    }
    sameAs(expected, factory);
  }

  /** As {@link #same(Callable, Supplier)}, with the direct call's value given. */
  static <T> void sameAs(T expected, Supplier<Fiber<T>> factory) {
    for (Setup setup : Setup.values()) {
      for (Fiber<T> f : runUnder(setup, factory)) {
        T actual;
        try {
          actual = f.result();
        } catch (RuntimeException | Error e) {
          throw new AssertionError(
              setup + ": " + f + " failed, but the direct call returned " + expected, e);
        }
        assertEquals(expected, actual, () -> setup + ": " + f);
      }
    }
  }

  /** A call that may throw a checked exception, as the direct call of a @Fibered method. */
  interface ThrowingCall {
    void call() throws Throwable;
  }

  /**
   * The fiber fails as the direct call does, under every {@link Setup}: the same unchecked type
   * and message rethrown as is by {@link Fiber#result()}, or a checked exception of the same type
   * and message wrapped in a {@link CompletionException}. Returns the direct call's exception.
   */
  static Throwable sameFailure(ThrowingCall direct, Supplier<Fiber<?>> factory) {
    Throwable expected = null;
    try {
      direct.call();
    } catch (Throwable t) {
      expected = t;
    }
    assertNotNull(expected, "the direct call did not throw");
    for (Setup setup : Setup.values()) {
      for (Fiber<?> f : runUnderWildcard(setup, factory)) {
        assertFailsLike(expected, f, setup.toString());
      }
    }
    return expected;
  }

  /** Asserts that the done fiber {@code f} failed the way {@code expected} says. */
  static void assertFailsLike(Throwable expected, Fiber<?> f, String where) {
    Throwable thrown = assertThrows(Throwable.class, f::result, () -> where + ": " + f);
    Throwable own = thrown;
    if (expected instanceof RuntimeException || expected instanceof Error) {
      assertEquals(expected.getClass(), thrown.getClass(), () -> where + ": type");
    } else {
      assertInstanceOf(CompletionException.class, thrown, () -> where + ": wrapper");
      own = thrown.getCause();
      assertNotNull(own, () -> where + ": the wrapper has no cause");
      assertEquals(expected.getClass(), own.getClass(), () -> where + ": cause type");
    }
    assertEquals(expected.getMessage(), own.getMessage(), () -> where + ": message");
    assertSame(own, f.failure(), () -> where + ": failure()");
    Throwable again = assertThrows(Throwable.class, f::result, () -> where + ": second result()");
    if (own == thrown) {
      assertSame(thrown, again, () -> where + ": result() must rethrow the same exception");
    }
  }

  private static List<Fiber<?>> runUnderWildcard(Setup setup, Supplier<Fiber<?>> factory) {
    Scheduler s = scheduler(setup.slice);
    List<Fiber<?>> copies = new ArrayList<>();
    for (int i = 0; i < setup.copies; i++) {
      copies.add(s.spawn(factory.get()));
    }
    if (setup.companion) {
      s.spawn(CorpusSupportFibers.spinUntilDone(new ArrayList<>(copies)));
    }
    run(s);
    return copies;
  }

  /**
   * Thread.stop, where the JVM still has it (it is gone from JDK 20 on): the only way to end a
   * scheduler thread that spins without ever reaching an interruptible call. Called reflectively
   * so the tests compile under -Werror; without it the runaway thread spins until the JVM exits.
   */
  private static void stopRunaway(Thread runner) {
    try {
      Thread.class.getMethod("stop").invoke(runner);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not available: leave the daemon thread; the failure is reported either way.
    }
  }

  /**
   * Runs {@code s} on this thread until nothing but parked fibers is left (a yielding fiber
   * joined from here), then checks that {@code waiting} is one of them. The scheduler is idle
   * afterwards, so plain code may wake fibers.
   */
  static void runUntilWaiting(Scheduler s, Fiber<?> waiting) {
    s.spawn(CorpusWaitsReviewFibers.yieldOnce()).join();
    assertEquals(Fiber.State.WAITING, waiting.state());
  }
}
