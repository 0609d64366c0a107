package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Async;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Futures, blocking work and tasks from other threads, without blocking the fibers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncTest {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

  @AfterAll
  static void stopTimer() {
    TIMER.shutdownNow();
  }

  @Test
  void aFiberAwaitsAFutureCompletedElsewhereWhileOthersRun() {
    Scheduler s = Scheduler.create();
    CompletableFuture<String> future = new CompletableFuture<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Fiber<String> waiter = s.spawn(CorpusAsyncFibers.awaitValue(future, running));
    Fiber<Long> spinner = s.spawn(CorpusAsyncFibers.spinWhile(running));
    TIMER.schedule(() -> future.complete("done"), 30, TimeUnit.MILLISECONDS);
    s.run();
    assertEquals("done", waiter.result());
    assertTrue(spinner.result() > 0, "the spinner ran while the waiter waited");
    assertEquals(1, waiter.timesWaited());
  }

  @Test
  void aFiberThatOnlyAwaitsIsNoDeadlock() {
    Scheduler s = Scheduler.create();
    CompletableFuture<String> future = new CompletableFuture<>();
    Fiber<String> waiter = s.spawn(CorpusAsyncFibers.awaitValue(future, new AtomicBoolean(true)));
    TIMER.schedule(() -> future.complete("later"), 30, TimeUnit.MILLISECONDS);
    s.run(); // the thread waits for the completion instead of reporting a deadlock
    assertEquals("later", waiter.result());
  }

  @Test
  void aFailedFuturesExceptionSurfacesInTheFiber() {
    Scheduler s = Scheduler.create();
    CompletableFuture<String> future = new CompletableFuture<>();
    Fiber<String> waiter = s.spawn(CorpusAsyncFibers.awaitValue(future, new AtomicBoolean(true)));
    TIMER.schedule(
        () -> future.completeExceptionally(new IllegalArgumentException("bad")), 10, TimeUnit.MILLISECONDS);
    s.run();
    IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, waiter.failure());
    assertEquals("bad", e.getMessage());
  }

  @Test
  void anAlreadyCompletedFutureDoesNotSuspend() {
    Scheduler s = Scheduler.create();
    Fiber<String> waiter =
        s.spawn(CorpusAsyncFibers.awaitValue(CompletableFuture.completedFuture("now"), new AtomicBoolean(true)));
    s.run();
    assertEquals("now", waiter.result());
    assertEquals(0, waiter.timesWaited());
  }

  @Test
  void blockingWorkRunsOnThePoolWhileTheFibersGoOn() {
    Scheduler s = Scheduler.create();
    AtomicBoolean running = new AtomicBoolean(true);
    Fiber<String> worker = s.spawn(CorpusAsyncFibers.blockingWork(CorpusAsync.sleepThenThreadName(30), running));
    Fiber<Long> spinner = s.spawn(CorpusAsyncFibers.spinWhile(running));
    s.run();
    assertTrue(worker.result().startsWith("fibered-blocking-"), worker.result());
    assertTrue(spinner.result() > 0);
  }

  @Test
  void checkedExceptionsFromBlockingWorkArriveWrapped() {
    Scheduler s = Scheduler.create();
    Fiber<String> worker = s.spawn(CorpusAsyncFibers.blockingWork(CorpusAsync.failing(), new AtomicBoolean(true)));
    s.run();
    CompletionException e = assertThrows(CompletionException.class, worker::result);
    assertInstanceOf(IOException.class, e.getCause());
    assertThrows(CompletionException.class, () -> Async.blocking(CorpusAsync.failing()));
  }

  @Test
  void anotherThreadHandsWorkToTheSchedulerWithExecute() {
    Scheduler s = Scheduler.create();
    Event event = new Event();
    List<String> log = new ArrayList<>();
    CompletableFuture<String> keepAlive = new CompletableFuture<>();
    s.spawn(CorpusAsyncFibers.awaitValue(keepAlive, new AtomicBoolean(true)));
    s.spawn(CorpusAsyncFibers.awaitEvent(event, log));
    TIMER.schedule(
        () -> s.execute(
            () -> {
              event.set(); // on the scheduler's thread
              keepAlive.complete("bye");
            }),
        20,
        TimeUnit.MILLISECONDS);
    s.run();
    assertEquals(List.of("woken"), log);
  }

  @Test
  void cancellingAnAwaitingFiberLetsRunReturn() {
    Scheduler s = Scheduler.create();
    CompletableFuture<String> never = new CompletableFuture<>();
    Fiber<String> waiter = s.spawn(CorpusAsyncFibers.awaitValue(never, new AtomicBoolean(true)));
    TIMER.schedule(() -> s.execute(waiter::cancel), 20, TimeUnit.MILLISECONDS);
    s.run();
    assertEquals(Fiber.State.CANCELLED, waiter.state());
  }

  @Test
  void fromPlainCodeAwaitBlocks() {
    CompletableFuture<String> future = new CompletableFuture<>();
    TIMER.schedule(() -> future.complete("plain"), 10, TimeUnit.MILLISECONDS);
    assertEquals("plain", Async.await(future));
  }
}
