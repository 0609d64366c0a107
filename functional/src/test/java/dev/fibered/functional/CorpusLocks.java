package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Lock;
import java.util.ArrayDeque;
import java.util.List;

/** Fibers sharing state under a Lock, and a bounded buffer built on its conditions. */
final class CorpusLocks {
  private CorpusLocks() {}

  /** Read, switch, write back: safe only because the lock is held across the switch. */
  @Fibered
  static void lockedIncrement(Lock lock, int[] counter, int times) {
    for (int i = 0; i < times; i++) {
      lock.lock();
      int seen = counter[0];
      Fiber.yieldNow();
      counter[0] = seen + 1;
      lock.unlock();
    }
  }

  @Fibered
  static void reentrant(Lock lock, List<String> log) {
    lock.lock();
    lock.lock();
    log.add("holds twice: " + lock.isHeldByCurrentFiber());
    lock.unlock();
    log.add("still held: " + lock.isLocked());
    lock.unlock();
    log.add("released: " + !lock.isLocked());
  }

  /** A bounded buffer: put waits on notFull, take on notEmpty. */
  static final class Buffer {
    final Lock lock = new Lock();
    final Lock.Condition notFull = lock.newCondition();
    final Lock.Condition notEmpty = lock.newCondition();
    final ArrayDeque<Integer> items = new ArrayDeque<>();
    final int capacity;

    Buffer(int capacity) {
      this.capacity = capacity;
    }
  }

  @Fibered
  static void put(Buffer buffer, int from, int to) {
    for (int i = from; i <= to; i++) {
      Lock lock = buffer.lock;
      lock.lock();
      while (buffer.items.size() == buffer.capacity) {
        Lock.Condition notFull = buffer.notFull;
        notFull.await();
      }
      buffer.items.addLast(i);
      buffer.notEmpty.signal();
      lock.unlock();
    }
  }

  @Fibered
  static long take(Buffer buffer, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      Lock lock = buffer.lock;
      lock.lock();
      while (buffer.items.isEmpty()) {
        Lock.Condition notEmpty = buffer.notEmpty;
        notEmpty.await();
      }
      sum += buffer.items.pollFirst();
      buffer.notFull.signal();
      lock.unlock();
    }
    return sum;
  }

  /** Takes the lock and fails while holding it. */
  @Fibered
  static void failWhileHolding(Lock lock) {
    lock.lock();
    Fiber.yieldNow();
    throw new IllegalStateException("failed while holding the lock");
  }

  @Fibered
  static void lockThenLog(Lock lock, List<String> log) {
    lock.lock();
    log.add("got the lock");
    lock.unlock();
  }

  /** Takes the lock and waits forever on a condition no one signals. */
  @Fibered
  static void holdAndSleepLong(Lock lock) {
    lock.lock();
    Fiber.sleep(java.time.Duration.ofHours(1));
    lock.unlock();
  }
}
