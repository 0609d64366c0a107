package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fibered.Channel;
import dev.fibered.Fiber;
import dev.fibered.Lock;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Load on the single-threaded scheduler: a million messages through a small channel between many
 * producers and consumers, a contended lock, and a long chain of joins. Nothing lost, nothing
 * duplicated, nothing hung. (The multi-threaded scheduler's stress tests come with it.)
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StressTest {

  @Test
  void aMillionMessagesThroughABoundedChannel() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofMillis(1)).build();
    Channel<Long> channel = Channel.bounded(16);
    int producers = 8;
    int consumers = 8;
    long total = 1_000_000;
    long perProducer = total / producers;
    for (int p = 0; p < producers; p++) {
      s.spawn(CorpusStressFibers.produce(channel, p * perProducer, perProducer));
    }
    List<Fiber<Long>> sums = new ArrayList<>();
    for (int c = 0; c < consumers; c++) {
      sums.add(s.spawn(CorpusStressFibers.consume(channel, total / consumers)));
    }
    s.run();
    long sum = 0;
    for (Fiber<Long> f : sums) {
      sum += f.result();
    }
    assertEquals(total * (total - 1) / 2, sum, "every message once");
    assertEquals(0, channel.size());
  }

  @Test
  void aContendedLockLosesNoUpdate() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    Lock lock = new Lock();
    long[] counter = {0};
    for (int f = 0; f < 50; f++) {
      s.spawn(CorpusStressFibers.contend(lock, counter, 200));
    }
    s.run();
    assertEquals(50 * 200, counter[0]);
    assertFalse(lock.isLocked());
  }

  @Test
  void aChainOfTenThousandJoins() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> previous = s.spawn(CorpusStressFibers.chainStart());
    for (int i = 0; i < 10_000; i++) {
      previous = s.spawn(CorpusStressFibers.chainLink(previous));
    }
    s.run();
    assertEquals(10_000, previous.result());
  }
}
