package dev.fibered.functional;

import dev.fibered.Async;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** Fibers that wait for futures and for blocking work on other threads. */
final class CorpusAsync {
  private CorpusAsync() {}

  @Fibered
  static String awaitValue(CompletableFuture<String> future, AtomicBoolean running) {
    String v = Async.await(future);
    running.set(false);
    return v;
  }

  @Fibered
  static String blockingWork(Callable<String> work, AtomicBoolean running) {
    String v = Async.blocking(work);
    running.set(false);
    return v;
  }

  /** Keeps the scheduler's thread busy, yielding, while {@code running} holds. */
  @Fibered
  static long spinWhile(AtomicBoolean running) {
    long rounds = 0;
    while (running.get()) {
      rounds++;
      Fiber.yieldNow();
    }
    return rounds;
  }

  @Fibered
  static void awaitEvent(Event event, List<String> log) {
    event.await();
    log.add("woken");
  }

  /** Work for the blocking pool: sleeps, then says which thread ran it. */
  static Callable<String> sleepThenThreadName(long millis) {
    return () -> {
      Thread.sleep(millis);
      return Thread.currentThread().getName();
    };
  }

  static Callable<String> failing() {
    return () -> {
      throw new java.io.IOException("disk on fire");
    };
  }
}
