package dev.fibered.functional;

import static dev.fibered.functional.Check.runUntilWaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fibered.Fiber;
import dev.fibered.Lock;
import dev.fibered.Scheduler;
import dev.fibered.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Lock} and its conditions between fibers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocksTest {

  @Test
  void theLockMakesAReadSwitchWriteSafeUnderEverySeed() {
    Seeds.check(0, 50, s -> {
      Lock lock = new Lock();
      int[] counter = {0};
      for (int f = 0; f < 4; f++) {
        s.spawn(CorpusLocksFibers.lockedIncrement(lock, counter, 25));
      }
      s.run();
      assertEquals(100, counter[0]);
      assertFalse(lock.isLocked());
    });
  }

  @Test
  void itIsReentrant() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    s.spawn(CorpusLocksFibers.reentrant(new Lock(), log));
    s.run();
    assertEquals(List.of("holds twice: true", "still held: true", "released: true"), log);
  }

  @Test
  void conditionsMakeABoundedBuffer() {
    Seeds.check(0, 30, s -> {
      CorpusLocks.Buffer buffer = new CorpusLocks.Buffer(2);
      s.spawn(CorpusLocksFibers.put(buffer, 1, 50));
      s.spawn(CorpusLocksFibers.put(buffer, 51, 100));
      Fiber<Long> a = s.spawn(CorpusLocksFibers.take(buffer, 60));
      Fiber<Long> b = s.spawn(CorpusLocksFibers.take(buffer, 40));
      s.run();
      assertEquals(5050L, a.result() + b.result());
      assertFalse(buffer.lock.isLocked());
    });
  }

  @Test
  void aFiberThatFailsWhileHoldingTheLockGivesItUp() {
    Scheduler s = Scheduler.create();
    Lock lock = new Lock();
    List<String> log = new ArrayList<>();
    s.spawn(CorpusLocksFibers.failWhileHolding(lock));
    s.spawn(CorpusLocksFibers.lockThenLog(lock, log));
    s.run();
    assertEquals(List.of("got the lock"), log);
    assertFalse(lock.isLocked());
  }

  @Test
  void cancellingTheHolderGivesTheLockToTheNextWaiter() {
    Scheduler s = Scheduler.create();
    Lock lock = new Lock();
    List<String> log = new ArrayList<>();
    Fiber<Void> holder = s.spawn(CorpusLocksFibers.holdAndSleepLong(lock));
    Fiber<Void> waiter = s.spawn(CorpusLocksFibers.lockThenLog(lock, log));
    runUntilWaiting(s, waiter);
    holder.cancel();
    s.run();
    assertEquals(List.of("got the lock"), log);
    assertEquals(Fiber.State.CANCELLED, holder.state());
  }

  @Test
  void misuseIsReported() {
    Lock lock = new Lock();
    assertThrows(IllegalStateException.class, lock::tryLock, "outside any fiber");
    assertThrows(IllegalMonitorStateException.class, lock::unlock);
    assertThrows(IllegalMonitorStateException.class, () -> lock.newCondition().signal());
  }
}
