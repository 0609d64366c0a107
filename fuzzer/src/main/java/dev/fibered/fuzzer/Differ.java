package dev.fibered.fuzzer;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Runs each entry of a compiled program directly and as fibers under every {@link Schedule}, and
 * reports the first run whose value, exception or trace differs from the direct call's.
 */
final class Differ {
  /** How the fibers under test are run. */
  enum Schedule {
    /** One copy and a spinning companion at a 1 ns slice: every check switches. */
    EVERY_CHECK(1, false, Duration.ofNanos(1)),
    /** Three copies and the companion at 1 ns: the machines of several fibers interleave. */
    CROWD(3, false, Duration.ofNanos(1)),
    /** Two copies and the companion on a deterministic scheduler: random forced switches. */
    RANDOM(2, true, null),
    /** One copy and the companion at a one-hour slice: only yieldNow() switches. */
    YIELD_NOW_ONLY(1, false, Duration.ofHours(1));

    final int copies;
    final boolean deterministic;
    final Duration slice;

    Schedule(int copies, boolean deterministic, Duration slice) {
      this.copies = copies;
      this.deterministic = deterministic;
      this.slice = slice;
    }

    Scheduler scheduler(long seed) {
      return deterministic
          ? Scheduler.builder().deterministic(seed).build()
          : Scheduler.builder().timeSlice(slice).build();
    }
  }

  private Differ() {}

  /** Null if every run agrees with the direct call; otherwise what differed, and where. */
  static String check(Program program, ClassLoader loader) throws ReflectiveOperationException {
    Class<?> host = Class.forName(program.className(), true, loader);
    Class<?> fibers = Class.forName(program.className() + "Fibers", true, loader);
    for (String entry : program.entries) {
      Method direct = host.getDeclaredMethod(entry, List.class, int.class, int.class);
      Method factory = fibers.getDeclaredMethod(entry, List.class, int.class, int.class);
      direct.setAccessible(true);
      factory.setAccessible(true);
      for (int arg : Program.ENTRY_ARGS) {
        Outcome expected = direct(direct, arg);
        for (Schedule schedule : Schedule.values()) {
          String difference = underSchedule(factory, arg, schedule, program.seed() ^ arg, expected);
          if (difference != null) {
            return entry + "(t, " + Program.ENTRY_DEPTH + ", " + arg + ") under " + schedule + ": " + difference;
          }
        }
      }
    }
    return null;
  }

  private static Outcome direct(Method direct, int arg) throws IllegalAccessException {
    List<String> trace = new ArrayList<>();
    try {
      return Outcome.returned(direct.invoke(null, trace, Program.ENTRY_DEPTH, arg), trace);
    } catch (InvocationTargetException e) {
      return Outcome.threw(e.getCause(), trace);
    }
  }

  private static String underSchedule(
      Method factory, int arg, Schedule schedule, long seed, Outcome expected)
      throws ReflectiveOperationException {
    Scheduler scheduler = schedule.scheduler(seed);
    List<Fiber<?>> copies = new ArrayList<>();
    List<List<String>> traces = new ArrayList<>();
    for (int i = 0; i < schedule.copies; i++) {
      List<String> trace = new ArrayList<>();
      traces.add(trace);
      copies.add(scheduler.spawn((Fiber<?>) factory.invoke(null, trace, Program.ENTRY_DEPTH, arg)));
    }
    scheduler.spawn(CompanionFibers.spinUntilDone(new ArrayList<>(copies)));
    try {
      scheduler.run();
    } catch (RuntimeException | Error e) {
      return "Scheduler.run() threw " + Outcome.describe(e);
    }
    for (int i = 0; i < copies.size(); i++) {
      String difference = expected.difference(outcome(copies.get(i), traces.get(i)));
      if (difference != null) {
        return "copy " + i + ": " + difference;
      }
    }
    return null;
  }

  /** A done fiber's outcome; a checked exception arrives wrapped in CompletionException. */
  private static Outcome outcome(Fiber<?> fiber, List<String> trace) {
    if (!fiber.isDone()) {
      return Outcome.of("not done after run()", trace);
    }
    try {
      return Outcome.returned(fiber.result(), trace);
    } catch (Throwable thrown) {
      Throwable own = thrown;
      if (thrown instanceof CompletionException
          && thrown.getCause() != null
          && !(thrown.getCause() instanceof RuntimeException || thrown.getCause() instanceof Error)) {
        own = thrown.getCause();
      }
      if (fiber.failure() != own) {
        return Outcome.of("failure() is not the exception result() threw: " + fiber.failure(), trace);
      }
      return Outcome.threw(own, trace);
    }
  }
}
