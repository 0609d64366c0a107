package dev.fibered.fuzzer;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
      Entry run = new Entry(host, direct, fibers);
      for (int arg : Program.ENTRY_ARGS) {
        Outcome expected = direct(run, arg);
        for (Schedule schedule : Schedule.values()) {
          String difference = underSchedule(run, arg, schedule, program.seed() ^ arg, expected);
          if (difference != null) {
            return entry + "(t, " + Program.ENTRY_DEPTH + ", " + arg + ") under " + schedule + ": " + difference;
          }
        }
      }
    }
    return null;
  }

  /**
   * An entry method and its fiber factory. An instance entry runs on a new object each time (the
   * generated class has a no-argument constructor), so no run sees another's fields; its factory
   * takes that object first.
   */
  private static final class Entry {
    private final Constructor<?> constructor;
    private final Method direct;
    private final Method factory;

    Entry(Class<?> host, Method direct, Class<?> fibers) throws NoSuchMethodException {
      this.direct = direct;
      if (Modifier.isStatic(direct.getModifiers())) {
        constructor = null;
        factory = fibers.getDeclaredMethod(direct.getName(), List.class, int.class, int.class);
      } else {
        constructor = host.getDeclaredConstructor();
        constructor.setAccessible(true);
        factory = fibers.getDeclaredMethod(direct.getName(), host, List.class, int.class, int.class);
      }
      direct.setAccessible(true);
      factory.setAccessible(true);
    }

    Object call(List<String> trace, int arg) throws ReflectiveOperationException {
      return constructor == null
          ? direct.invoke(null, trace, Program.ENTRY_DEPTH, arg)
          : direct.invoke(constructor.newInstance(), trace, Program.ENTRY_DEPTH, arg);
    }

    Fiber<?> fiber(List<String> trace, int arg) throws ReflectiveOperationException {
      return (Fiber<?>)
          (constructor == null
              ? factory.invoke(null, trace, Program.ENTRY_DEPTH, arg)
              : factory.invoke(null, constructor.newInstance(), trace, Program.ENTRY_DEPTH, arg));
    }
  }

  private static Outcome direct(Entry entry, int arg) throws ReflectiveOperationException {
    List<String> trace = new ArrayList<>();
    try {
      return Outcome.returned(entry.call(trace, arg), trace);
    } catch (InvocationTargetException e) {
      return Outcome.threw(e.getCause(), trace);
    }
  }

  private static String underSchedule(
      Entry entry, int arg, Schedule schedule, long seed, Outcome expected)
      throws ReflectiveOperationException {
    Scheduler scheduler = schedule.scheduler(seed);
    List<Fiber<?>> copies = new ArrayList<>();
    List<List<String>> traces = new ArrayList<>();
    for (int i = 0; i < schedule.copies; i++) {
      List<String> trace = new ArrayList<>();
      traces.add(trace);
      copies.add(scheduler.spawn(entry.fiber(trace, arg)));
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
