package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.ChannelClosedException;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Channels between fibers of one scheduler: order, back-pressure, closing, misuse. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChannelsTest {

  @Test
  void aRendezvousSendCompletesOnlyWhenTheValueIsTaken() {
    Scheduler scheduler = Scheduler.create();
    Channel<Integer> channel = Channel.rendezvous();
    List<String> log = new ArrayList<>();
    scheduler.spawn(CorpusChannelsFibers.produce(channel, 1, 3, true, log));
    Fiber<Long> consumer = scheduler.spawn(CorpusChannelsFibers.consume(channel, log));
    scheduler.run();
    assertEquals(6L, consumer.result());
    // Each send completes once a receiver holds the value; that receiver logs it when it next
    // runs, so the producer is never more than that one value ahead.
    assertMostAhead(1, log);
  }

  /** Sends completed minus values logged by receivers never exceeds {@code ahead}. */
  private static void assertMostAhead(int ahead, List<String> log) {
    int sent = 0;
    int got = 0;
    for (String entry : log) {
      if (entry.startsWith("sent")) {
        sent++;
      } else {
        got++;
      }
      assertTrue(sent - got <= ahead, "ahead by " + (sent - got) + " in " + log);
    }
  }

  @Test
  void aBoundedChannelLetsTheProducerGetAheadByItsCapacityOnly() {
    Scheduler scheduler = Scheduler.create();
    Channel<Integer> channel = Channel.bounded(3);
    List<String> log = new ArrayList<>();
    scheduler.spawn(CorpusChannelsFibers.produce(channel, 1, 50, true, log));
    Fiber<Long> consumer = scheduler.spawn(CorpusChannelsFibers.consume(channel, log));
    scheduler.run();
    assertEquals(50L * 51 / 2, consumer.result());
    assertMostAhead(3 + 1, log); // three buffered, one held by the receiver about to log it
  }

  @Test
  void anUnboundedChannelNeverMakesTheSenderWait() {
    Scheduler scheduler = Scheduler.create();
    Channel<Integer> channel = Channel.unbounded();
    List<String> log = new ArrayList<>();
    scheduler.spawn(CorpusChannelsFibers.produce(channel, 1, 1000, false, log));
    scheduler.run();
    assertEquals(1000, channel.size());
    assertEquals(1000, log.size());
  }

  @Test
  void manyProducersAndConsumersLoseAndDuplicateNothing() {
    Scheduler scheduler = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    Channel<Integer> channel = Channel.bounded(4);
    int producers = 5;
    int perProducer = 2_000;
    for (int p = 0; p < producers; p++) {
      scheduler.spawn(
          CorpusChannelsFibers.produce(channel, p * perProducer + 1, (p + 1) * perProducer, false, new ArrayList<>()));
    }
    List<Fiber<Long>> consumers = new ArrayList<>();
    int total = producers * perProducer;
    for (int c = 0; c < 4; c++) {
      consumers.add(scheduler.spawn(CorpusChannelsFibers.take(channel, total / 4)));
    }
    scheduler.run();
    long sum = 0;
    for (Fiber<Long> c : consumers) {
      sum += c.result();
    }
    assertEquals((long) total * (total + 1) / 2, sum);
    assertEquals(0, channel.size());
  }

  @Test
  void tokenPassingKeepsEveryHop() {
    Scheduler scheduler = Scheduler.create();
    Channel<Integer> there = Channel.rendezvous();
    Channel<Integer> back = Channel.rendezvous();
    Fiber<Integer> ping = scheduler.spawn(CorpusChannelsFibers.ping(there, back, 10_000));
    scheduler.spawn(CorpusChannelsFibers.pong(there, back));
    scheduler.run();
    assertEquals(20_000, ping.result());
  }

  @Test
  void closingWakesAWaitingReceiverWithAnException() {
    Scheduler scheduler = Scheduler.create();
    Channel<Integer> channel = Channel.rendezvous();
    Fiber<Integer> receiver = scheduler.spawn(CorpusChannelsFibers.receiveOnce(channel));
    scheduler.spawn(CorpusChannelsFibers.closeAfterYield(channel));
    scheduler.run();
    ChannelClosedException e = assertInstanceOf(ChannelClosedException.class, receiver.failure());
    assertTrue(e.getMessage().contains("closed while a receive waited"), e.getMessage());
  }

  @Test
  void closingWakesAWaitingSenderWhoseValueIsNotDelivered() {
    Scheduler scheduler = Scheduler.create();
    Channel<Integer> channel = Channel.rendezvous();
    List<String> log = new ArrayList<>();
    Fiber<Void> sender = scheduler.spawn(CorpusChannelsFibers.produce(channel, 1, 1, false, log));
    scheduler.spawn(CorpusChannelsFibers.closeAfterYield(channel));
    scheduler.run();
    assertInstanceOf(ChannelClosedException.class, sender.failure());
    assertEquals(List.of(), log);
  }

  @Test
  void valuesSentBeforeCloseAreStillReceived() {
    Channel<Integer> channel = Channel.bounded(5);
    assertTrue(channel.trySend(1));
    assertTrue(channel.trySend(2));
    channel.close();
    assertThrows(ChannelClosedException.class, () -> channel.send(3));
    assertEquals(1, channel.receive());
    assertEquals(2, channel.receiveOrNull());
    assertNull(channel.receiveOrNull());
    assertThrows(ChannelClosedException.class, channel::receive);
    assertThrows(ChannelClosedException.class, channel::tryReceive);
    channel.close(); // twice is fine
    assertTrue(channel.isClosed());
  }

  @Test
  void plainCodeMayUseAChannelOnlyWhereItNeedNotWait() {
    Channel<String> channel = Channel.bounded(1);
    channel.send("a");
    assertFalse(channel.trySend("b"));
    IllegalStateException full = assertThrows(IllegalStateException.class, () -> channel.send("b"));
    assertTrue(full.getMessage().contains("would wait"), full.getMessage());
    assertEquals("a", channel.receive());
    assertNull(channel.tryReceive());
    assertThrows(IllegalStateException.class, channel::receive);
    assertThrows(NullPointerException.class, () -> channel.send(null));
    assertThrows(IllegalArgumentException.class, () -> Channel.bounded(0));
  }

  @Test
  void aReceiverNoOneWillServeIsADeadlock() {
    Scheduler scheduler = Scheduler.create();
    scheduler.spawn(CorpusChannelsFibers.receiveOnce(Channel.rendezvous()));
    IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::run);
    assertTrue(e.getMessage().startsWith("deadlock: 1 fiber waits"), e.getMessage());
    assertTrue(e.getMessage().contains("CorpusChannels.receiveOnce(CorpusChannels.java:"), e.getMessage());
  }
}
