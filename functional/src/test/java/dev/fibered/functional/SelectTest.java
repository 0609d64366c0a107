package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link dev.fibered.Select} from compiled {@code @Fibered} code ({@link CorpusSelect}), on one and
 * two carriers: the first ready case wins, the others take and send nothing, timeouts, closes,
 * and a stress test in which many selects race senders and closes without losing or duplicating a
 * value. Orders and counts only.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectTest {

  private static Scheduler scheduler(int threads) {
    return Scheduler.builder().threads(threads).timeSlice(Duration.ofMillis(1)).build();
  }

  private static List<String> log() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void fanInTakesEachValueOnceFromWhicheverChannelHasOne(int threads) {
    Scheduler s = scheduler(threads);
    Channel<Integer> a = Channel.rendezvous();
    Channel<Integer> b = Channel.bounded(2);
    List<String> log = log();
    Fiber<Long> sum = s.spawn(CorpusSelectFibers.fanIn(a, b, 200, log));
    s.spawn(CorpusChannelsFibers.produce(a, 1, 100, false, log()));
    s.spawn(CorpusChannelsFibers.produce(b, 101, 200, false, log()));

    Check.run(s);

    assertEquals(200L * 201 / 2, sum.result());
    List<String> fromA = log.stream().filter(e -> e.startsWith("a")).collect(Collectors.toList());
    List<String> fromB = log.stream().filter(e -> e.startsWith("b")).collect(Collectors.toList());
    assertEquals(100, fromA.size());
    assertEquals(100, fromB.size());
    assertEquals("a1", fromA.get(0)); // each channel's values in order
    assertEquals("b200", fromB.get(99));
    assertEquals(0, a.size());
    assertEquals(0, b.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void mergingStopsOnceEveryInputIsClosedAndDrained(int threads) {
    Scheduler s = scheduler(threads);
    List<Channel<Integer>> inputs = List.of(Channel.rendezvous(), Channel.bounded(3), Channel.unbounded());
    Fiber<List<Integer>> merged = s.spawn(CorpusSelectFibers.mergeUntilClosed(inputs));
    for (int i = 0; i < inputs.size(); i++) {
      s.spawn(CorpusChannelsFibers.produce(inputs.get(i), 100 * i, 100 * i + 49, true, log()));
    }

    Check.run(s);

    List<Integer> got = new ArrayList<>(merged.result());
    assertEquals(150, got.size());
    Collections.sort(got);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      for (int v = 100 * i; v <= 100 * i + 49; v++) {
        expected.add(v);
      }
    }
    assertEquals(expected, got);
  }

  @Test
  void aTimedOutSelectTakesNothingAndTheValueGoesToTheNextReceiver() {
    Scheduler s = Scheduler.builder().deterministic(11).build();
    Channel<Integer> channel = Channel.rendezvous();
    Fiber<Integer> gaveUp = s.spawn(CorpusSelectFibers.receiveWithin(channel, Duration.ofHours(1)));
    Check.run(s);
    assertEquals(-1, gaveUp.result());
    assertFalse(channel.trySend(5), "a receive case that timed out still waits in the channel");

    Fiber<Integer> got = s.spawn(CorpusSelectFibers.receiveWithin(channel, Duration.ofHours(1)));
    s.spawn(CorpusChannelsFibers.produce(channel, 5, 5, false, log()));
    Check.run(s);
    assertEquals(5, got.result());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aSelectThatSendsDeliversToExactlyOneChannel(int threads) {
    Scheduler s = scheduler(threads);
    Channel<Integer> a = Channel.rendezvous();
    Channel<Integer> b = Channel.rendezvous();
    Fiber<Integer> which = s.spawn(CorpusSelectFibers.sendToEither(a, b, 42));
    Fiber<Integer> received = s.spawn(CorpusChannelsFibers.receiveOnce(b));

    Check.run(s);

    assertEquals(1, which.result());
    assertEquals(42, received.result());
    assertNull(a.tryReceive(), "the losing send case delivered its value too");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void twoSelectsMeetOnOneChannel(int threads) {
    Scheduler s = scheduler(threads);
    Channel<Integer> shared = Channel.rendezvous();
    Channel<Integer> idleIn = Channel.rendezvous();
    Channel<Integer> idleOut = Channel.rendezvous();
    Fiber<Integer> sender = s.spawn(CorpusSelectFibers.sendToEither(idleOut, shared, 7));
    Fiber<String> receiver = s.spawn(CorpusSelectFibers.receiveOrSend(shared, idleIn, 9));

    Check.run(s);

    assertEquals(1, sender.result());
    assertEquals("got 7", receiver.result());
    assertNull(idleOut.tryReceive());
    assertFalse(idleIn.trySend(1) && idleIn.tryReceive() == null);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void closingAChannelEndsASelectThatWaitsOnIt(int threads) {
    Scheduler s = scheduler(threads);
    Channel<Integer> closing = Channel.rendezvous();
    Channel<Integer> never = Channel.rendezvous();
    Fiber<String> waiter = s.spawn(CorpusSelectFibers.receiveUntilClosed(closing, never));
    s.spawn(CorpusChannelsFibers.closeAfterYield(closing));

    Check.run(s);

    assertEquals("closed", waiter.result());
    assertFalse(never.trySend(1), "the select's other case still waits");
  }

  /**
   * Many selects with two send cases and many merging selects race plain senders and closes: what
   * was received is exactly what was sent (a send that failed on a closed channel did not deliver).
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void selectsRacingSendersAndClosesLoseAndDuplicateNothing(int threads) {
    for (int round = 0; round < 5; round++) {
      Scheduler s = Scheduler.builder().threads(threads).timeSlice(Duration.ofNanos(1)).build();
      List<Channel<Integer>> channels = new ArrayList<>();
      for (int c = 0; c < 6; c++) {
        channels.add(c % 2 == 0 ? Channel.rendezvous() : Channel.bounded(c));
      }
      Queue<Integer> sent = new ConcurrentLinkedQueue<>();
      Queue<Integer> received = new ConcurrentLinkedQueue<>();
      for (int r = 0; r < 4; r++) {
        s.spawn(CorpusSelectFibers.drainAll(channels, received));
      }
      for (int p = 0; p < 8; p++) {
        s.spawn(CorpusSelectFibers.sendAll(channels, p * 1_000, 400, sent));
      }
      for (int c = 0; c < channels.size(); c++) {
        s.spawn(CorpusSelectFibers.closeLater(channels.get(c), 200 + 150 * c + 37 * round));
      }

      Check.run(s);

      List<Integer> out = new ArrayList<>(sent);
      List<Integer> in = new ArrayList<>(received);
      Collections.sort(out);
      Collections.sort(in);
      assertEquals(out, in, "received differs from sent");
      assertTrue(out.size() > 0, "nothing was sent before the closes");
    }
  }
}
