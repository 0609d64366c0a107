package dev.fibered.functional;

import static dev.fibered.functional.Check.runUntilWaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import dev.fibered.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Event} and {@link Semaphore} between fibers, and what a cancellation gives back. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyncTest {


  @Test
  void settingAnEventWakesEveryWaiter() {
    Scheduler s = Scheduler.create();
    Event event = new Event();
    List<String> log = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      s.spawn(CorpusSyncFibers.awaitEvent(event, name, log));
    }
    s.spawn(CorpusSyncFibers.setAfterYield(event, log));
    s.run();
    assertEquals(List.of("a:wait", "b:wait", "c:wait", "set", "a:go", "b:go", "c:go"), log);
    assertTrue(event.isSet());
  }

  @Test
  void aSetEventLetsFibersThroughUntilCleared() {
    Scheduler s = Scheduler.create();
    Event event = new Event();
    event.set();
    List<String> log = new ArrayList<>();
    Fiber<Void> through = s.spawn(CorpusSyncFibers.awaitEvent(event, "x", log));
    s.run();
    assertEquals(0, through.timesWaited());
    event.clear();
    assertThrows(IllegalStateException.class, event::await);
    Fiber<Void> waits = s.spawn(CorpusSyncFibers.awaitEvent(event, "y", log));
    runUntilWaiting(s, waits);
    event.set(); // plain code, scheduler idle
    s.run();
    assertEquals(List.of("x:wait", "x:go", "y:wait", "y:go"), log);
  }

  @Test
  void aSemaphoreBoundsHowManyAreInsideAndServesInOrder() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    Semaphore permits = new Semaphore(2);
    int[] inside = {0, 0};
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      s.spawn(CorpusSyncFibers.critical(permits, "f" + i, inside, log));
    }
    s.run();
    assertEquals(2, inside[1], "at most two inside at once, and two did overlap");
    assertEquals(List.of("f0", "f1", "f2", "f3", "f4", "f5"), log);
    assertEquals(2, permits.availablePermits());
  }

  @Test
  void aSemaphoreFromPlainCode() {
    Semaphore permits = new Semaphore(1);
    assertTrue(permits.tryAcquire());
    assertFalse(permits.tryAcquire());
    assertThrows(IllegalStateException.class, permits::acquire);
    permits.release();
    permits.release();
    assertEquals(2, permits.availablePermits());
    assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
  }

  @Test
  void aPermitHandedToAFiberCancelledBeforeItRanGoesBack() {
    Scheduler s = Scheduler.create();
    Semaphore permits = new Semaphore(0);
    Fiber<Void> waiter = s.spawn(CorpusSyncFibers.acquireOnce(permits));
    runUntilWaiting(s, waiter);
    permits.release(); // chooses the waiter and wakes it
    waiter.cancel(); // before it runs
    s.run();
    assertEquals(Fiber.State.CANCELLED, waiter.state());
    assertEquals(1, permits.availablePermits(), "the permit was not lost with the fiber");
  }

  @Test
  void aValueHandedToAReceiverCancelledBeforeItRanGoesBack() {
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    Fiber<Integer> receiver = s.spawn(CorpusChannelsFibers.receiveOnce(ch));
    runUntilWaiting(s, receiver);
    assertTrue(ch.trySend(5)); // handed to the receiver
    receiver.cancel(); // before it runs
    s.run();
    assertEquals(Fiber.State.CANCELLED, receiver.state());
    assertEquals(5, ch.tryReceive(), "the value was not lost with the fiber");
  }

  @Test
  void aCancelledWaiterIsSkippedByTheNextRelease() {
    Scheduler s = Scheduler.create();
    Semaphore permits = new Semaphore(0);
    Fiber<Void> first = s.spawn(CorpusSyncFibers.acquireOnce(permits));
    Fiber<Void> second = s.spawn(CorpusSyncFibers.acquireOnce(permits));
    runUntilWaiting(s, second);
    first.cancel();
    permits.release();
    s.run();
    assertEquals(Fiber.State.CANCELLED, first.state());
    assertEquals(Fiber.State.DONE, second.state());
    assertEquals(0, permits.availablePermits());
  }
}
