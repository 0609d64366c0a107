package dev.fibered.functional;

import dev.fibered.Channel;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Lock;

/** Many fibers at once: channels, locks and joins under load. */
final class CorpusStress {
  private CorpusStress() {}

  @Fibered
  static void produce(Channel<Long> channel, long from, long count) {
    for (long i = from; i < from + count; i++) {
      channel.send(i);
    }
  }

  @Fibered
  static long consume(Channel<Long> channel, long count) {
    long sum = 0;
    for (long i = 0; i < count; i++) {
      long v = channel.receive();
      sum += v;
    }
    return sum;
  }

  @Fibered
  static void contend(Lock lock, long[] counter, int times) {
    for (int i = 0; i < times; i++) {
      lock.lock();
      long seen = counter[0];
      Fiber.yield();
      counter[0] = seen + 1;
      lock.unlock();
    }
  }

  /** Joins the fiber before it in a chain, then adds one to its result. */
  @Fibered
  static int chainLink(Fiber<Integer> previous) {
    int before = previous.result();
    return before + 1;
  }

  @Fibered
  static int chainStart() {
    Fiber.yieldNow();
    return 0;
  }
}
