package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.util.List;

/**
 * Fibers that record what they do into a shared trace (through the plain helper {@link
 * Trace#record}), for the scheduling tests: with no hand-written yield, with {@link Fiber#yield()},
 * with {@link Fiber#yieldNow()}, through nested calls; plus fibers that talk through shared state.
 */
final class CorpusScheduling {
  private CorpusScheduling() {}

  /** Never yields by hand: only the inserted checks can switch. */
  @Fibered
  static int worker(String name, int n, List<String> trace) {
    for (int i = 0; i < n; i++) {
      Trace.record(trace, name + i);
    }
    Trace.record(trace, name + "-done");
    return n;
  }

  @Fibered
  static int yieldingWorker(String name, int n, List<String> trace) {
    for (int i = 0; i < n; i++) {
      Trace.record(trace, name + i);
      Fiber.yield();
    }
    return n;
  }

  @Fibered
  static int yieldNowWorker(String name, int n, List<String> trace) {
    int i = 0;
    while (i < n) {
      Trace.record(trace, name + i);
      Fiber.yieldNow();
      i++;
    }
    return n;
  }

  /** Each event is recorded by a nested @Fibered call, whose entry check can switch. */
  @Fibered
  static int nestedWorker(String name, int n, List<String> trace) {
    int done = 0;
    for (int i = 0; i < n; i++) {
      step(name, i, trace);
      done++;
    }
    return done;
  }

  @Fibered
  static void step(String name, int i, List<String> trace) {
    Trace.record(trace, name + i);
  }

  /** Spins until another fiber sets the flag: only preemption lets that fiber run. */
  @Fibered
  static long waitForFlag(boolean[] flag) {
    long spins = 0;
    while (!flag[0]) {
      spins++;
    }
    return spins;
  }

  @Fibered
  static int setFlagAfter(boolean[] flag, int rounds) {
    int r = 0;
    for (int i = 0; i < rounds; i++) {
      r += i;
    }
    flag[0] = true;
    return r;
  }

  /** Spawns fibers onto its own scheduler from plain statements. */
  @Fibered
  static int spawnChildren(Scheduler scheduler, int n, List<Fiber<Long>> children) {
    for (int i = 0; i < n; i++) {
      Fiber<Long> child = scheduler.spawn(CorpusCallsFibers.fib(i % 15));
      children.add(child);
      Fiber.yieldNow();
    }
    return n;
  }

  /** Records the current fiber before and after a switch, and inside a nested call. */
  @Fibered
  static int whoAmI(List<Object> seen) {
    seen.add(Fiber.current());
    Fiber.yieldNow();
    seen.add(Fiber.current());
    int nested = whoAmINested(seen);
    seen.add(Fiber.current());
    return nested;
  }

  @Fibered
  static int whoAmINested(List<Object> seen) {
    Fiber.yieldNow();
    seen.add(Fiber.current());
    return seen.size();
  }

  /** A plain method that calls a @Fibered one directly (it runs inline in the calling fiber). */
  static int whoAmIInline(List<Object> seen) {
    return whoAmINested(seen);
  }

  @Fibered
  static int callsWhoAmIInline(List<Object> seen) {
    seen.add(Fiber.current());
    int r = whoAmIInline(seen);
    Fiber.yieldNow();
    seen.add(Fiber.current());
    return r;
  }
}
