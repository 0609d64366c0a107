package dev.fibered.functional;

import static dev.fibered.functional.Check.runUntilWaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Fiber#cancel()}: raised where the fiber waits, ends it, frees what it waited on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CancelTest {


  @Test
  void aSleepingFiberIsCancelledAtOnceAndEndsCancelled() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Void> sleeper = s.spawn(CorpusWaitsFibers.sleeper("s", 60_000, log));
    runUntilWaiting(s, sleeper);
    assertTrue(sleeper.cancel());
    assertFalse(sleeper.cancel(), "a second cancel asks nothing more");
    long start = System.nanoTime();
    s.run();
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "waited out the sleep");
    assertEquals(Fiber.State.CANCELLED, sleeper.state());
    assertTrue(sleeper.isCancelled());
    assertEquals(List.of("s:start"), log, "the code after the sleep never ran");
    CancellationException e = assertThrows(CancellationException.class, sleeper::result);
    assertTrue(e.getMessage().endsWith("was cancelled"), e.getMessage());
    assertTrue(
        Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("sleeper")),
        Arrays.toString(e.getStackTrace()));
  }

  @Test
  void aCancelledReceiverTakesNoValueTheNextReceiverGetsIt() {
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    Fiber<Integer> first = s.spawn(CorpusChannelsFibers.receiveOnce(ch));
    Fiber<Integer> second = s.spawn(CorpusChannelsFibers.receiveOnce(ch));
    runUntilWaiting(s, first);
    first.cancel();
    assertTrue(ch.trySend(5));
    s.run();
    assertEquals(Fiber.State.CANCELLED, first.state());
    assertEquals(5, second.result());
  }

  @Test
  void aCancelledSendersValueIsNotDelivered() {
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    List<String> log = new ArrayList<>();
    Fiber<Void> sender = s.spawn(CorpusChannelsFibers.produce(ch, 1, 1, false, log));
    runUntilWaiting(s, sender);
    sender.cancel();
    s.run();
    assertEquals(null, ch.tryReceive(), "the cancelled send's value is not there");
    assertEquals(List.of(), log);
    assertEquals(Fiber.State.CANCELLED, sender.state());
  }

  @Test
  void cancellingAJoinerLeavesTheJoinedFiberAlone() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Void> sleeper = s.spawn(CorpusWaitsFibers.sleeper("s", 20, log));
    Fiber<Void> joiner = s.spawn(CorpusDiagnosticsFibers.joinOther(sleeper));
    runUntilWaiting(s, joiner);
    joiner.cancel();
    s.run();
    assertEquals(Fiber.State.CANCELLED, joiner.state());
    assertEquals(Fiber.State.DONE, sleeper.state());
    assertEquals(List.of("s:start", "s:woke"), log);
  }

  @Test
  void aCancellationEndsEveryMachineOnTheFibersStack() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Integer> parent = s.spawn(CorpusWaitsFibers.parent(1, log));
    runUntilWaiting(s, parent);
    parent.cancel();
    s.run();
    assertEquals(Fiber.State.CANCELLED, parent.state());
    assertFalse(log.contains("parent got slow"), log.toString());
    assertTrue(log.contains("child 21"), "the children run on: " + log);
  }

  @Test
  void aFiberCancelledBeforeItRunsNeverRuns() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Void> f = CorpusWaitsFibers.sleeper("never", 1, log);
    assertTrue(f.cancel());
    s.spawn(f);
    s.run();
    assertEquals(List.of(), log);
    assertEquals(Fiber.State.CANCELLED, f.state());
  }

  @Test
  void anExceptionThrownIntoASleepingFiberEndsItThere() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Void> sleeper = s.spawn(CorpusWaitsFibers.sleeper("s", 60_000, log));
    runUntilWaiting(s, sleeper);
    IllegalArgumentException boom = new IllegalArgumentException("thrown in");
    assertTrue(sleeper.throwInto(boom));
    assertFalse(sleeper.cancel(), "it already stops waiting");
    s.run();
    assertEquals(Fiber.State.FAILED, sleeper.state());
    assertEquals(boom, sleeper.failure());
    assertEquals(List.of("s:start"), log);
  }

  @Test
  void aCheckedExceptionThrownInArrivesWrappedFromResult() {
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    Fiber<Integer> receiver = s.spawn(CorpusChannelsFibers.receiveOnce(ch));
    runUntilWaiting(s, receiver);
    receiver.throwInto(new java.io.IOException("io"));
    s.run();
    java.util.concurrent.CompletionException e =
        assertThrows(java.util.concurrent.CompletionException.class, receiver::result);
    assertInstanceOf(java.io.IOException.class, e.getCause());
    assertFalse(ch.trySend(1), "the receiver no longer waits");
  }

  @Test
  void aFinishedFiberCannotBeCancelled() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> f = s.spawn(CorpusWaitsFibers.failing(0));
    s.run();
    assertFalse(f.cancel());
    assertEquals(Fiber.State.DONE, f.state());
    assertInstanceOf(Integer.class, f.result());
  }
}
