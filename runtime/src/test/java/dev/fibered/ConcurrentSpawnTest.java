package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fibered.TestMachines.Value;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fiber can be spawned once, even by two threads racing on two schedulers. */
@Timeout(60)
class ConcurrentSpawnTest {
  @Test
  void exactlyOneOfTwoRacingSpawnsWins() throws Exception {
    for (int round = 0; round < 2_000; round++) {
      Fiber<Integer> f = fiber("contested", new Value<>(round));
      Scheduler a = Scheduler.create();
      Scheduler b = Scheduler.create();
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger wins = new AtomicInteger();
      Thread[] threads = {spawner(a, f, start, wins), spawner(b, f, start, wins)};
      for (Thread t : threads) {
        t.start();
      }
      start.countDown();
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(20));
      }
      assertEquals(1, wins.get(), "round " + round);
      assertEquals(round, f.result());
    }
  }

  private static Thread spawner(
      Scheduler s, Fiber<Integer> f, CountDownLatch start, AtomicInteger wins) {
    Thread t =
        new Thread(
            () -> {
              try {
                start.await();
                s.spawn(f);
                wins.incrementAndGet();
              } catch (IllegalStateException expected) {
                // the other thread spawned it first
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    t.setDaemon(true);
    return t;
  }
}
