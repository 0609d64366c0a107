package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Value;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-fiber word of a multi-threaded scheduler (wait number and where the fiber is): a wake-up
 * that arrives before the park completes is kept, a stale one is ignored, and of two racing wakers
 * exactly one queues the fiber.
 */
@Timeout(60)
class CarrierStateTest {

  private static Fiber<Integer> onCarrier() {
    Fiber<Integer> f = fiber("f", new Value<>(1));
    f.markQueued();
    f.markOnCarrier();
    return f;
  }

  @Test
  void aWakeBeforeTheParkCompletesIsKeptAndQueuesTheFiberOnce() {
    Fiber<Integer> f = onCarrier();
    f.beginWait(1);
    assertFalse(f.endWait(1), "still on its carrier: the carrier queues it, not the waker");
    assertFalse(f.settleParked(), "woken while finishing its slice: it must not park");
    assertFalse(f.endWait(1), "queued already: a second waker does nothing");
  }

  @Test
  void aWakeAfterTheParkQueuesTheFiber() {
    Fiber<Integer> f = onCarrier();
    f.beginWait(1);
    assertTrue(f.settleParked());
    assertTrue(f.endWait(1));
    assertFalse(f.endWait(1), "only one waker queues it");
  }

  @Test
  void aStaleWakeEndsNothing() {
    Fiber<Integer> f = onCarrier();
    f.beginWait(1);
    assertTrue(f.settleParked());
    assertTrue(f.endWait(1));
    f.markOnCarrier();
    f.beginWait(2);
    assertTrue(f.settleParked());
    assertFalse(f.endWait(1), "wait 1 is over; wait 2 goes on");
    assertTrue(f.stillWaits(2));
    assertFalse(f.stillWaits(1));
    assertTrue(f.endWait(-1), "a cancellation ends whatever wait it is in");
  }

  @Test
  void aStaleWokenMarkIsDroppedByTheNextWait() {
    Fiber<Integer> f = onCarrier();
    f.beginWait(1);
    f.endWait(1); // woken while still on the carrier
    f.beginWait(2); // the machine went on in the same slice and waits again
    assertTrue(f.settleParked(), "the wake-up of wait 1 must not end wait 2");
  }

  @Test
  void ofManyRacingWakersExactlyOneQueuesTheFiber() throws Exception {
    for (int round = 0; round < 2_000; round++) {
      Fiber<Integer> f = onCarrier();
      f.beginWait(round);
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger queued = new AtomicInteger();
      Thread[] wakers = new Thread[3];
      for (int i = 0; i < wakers.length; i++) {
        long park = round;
        wakers[i] =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  if (f.endWait(park)) {
                    queued.incrementAndGet();
                  }
                });
        wakers[i].start();
      }
      start.countDown();
      boolean parked = f.settleParked();
      for (Thread t : wakers) {
        t.join();
      }
      int byCarrier = parked ? 0 : 1;
      assertEquals(1, queued.get() + byCarrier, "round " + round + ": queued exactly once");
    }
  }
}
