package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Caller;
import dev.fibered.TestMachines.Steps;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Select}: from plain code, and from fibers through its hand-written machine. */
@Timeout(60)
class SelectTest {

  /** A fiber that runs {@code select.select()} as compiled code would. */
  private static Fiber<Select.Case<?>> selecting(Select select) {
    return fiber("select", new Caller<>(SelectFibers.select$machine(select)));
  }

  /** A fiber that sends {@code value} on {@code channel} from plain code once it runs. */
  private static Fiber<Boolean> trySending(Channel<Integer> channel, int value) {
    return fiber("send", new Steps<Boolean>((self, resume) -> channel.trySend(value)));
  }

  @Test
  void fromPlainCodeTheFirstReadyCaseWinsInTheOrderAdded() {
    Channel<Integer> a = Channel.bounded(1);
    Channel<Integer> b = Channel.bounded(1);
    Channel<Integer> out = Channel.bounded(1);
    a.trySend(1);
    b.trySend(2);
    Select choice = new Select();
    Select.Case<Integer> fromA = choice.receive(a);
    Select.Case<Integer> fromB = choice.receive(b);
    Select.Case<Integer> toOut = choice.send(out, 3);

    assertSame(fromA, choice.trySelect());
    assertEquals(1, fromA.value());
    assertThrows(IllegalStateException.class, fromB::value);
    assertEquals(1, b.size(), "a losing case took a value");
    assertEquals(0, out.size(), "a losing case sent its value");

    assertSame(fromB, choice.select());
    assertEquals(2, fromB.value());
    assertSame(toOut, choice.select());
    assertEquals(3, toOut.value());
    assertEquals(2, toOut.index());
    assertSame(out, toOut.channel());
    assertNull(choice.trySelect(), "nothing is ready");
    IllegalStateException wouldWait = assertThrows(IllegalStateException.class, choice::select);
    assertTrue(wouldWait.getMessage().contains("would wait"), wouldWait.getMessage());
    assertNull(choice.timeout(Duration.ofSeconds(1)).select(), "plain code does not wait");
  }

  @Test
  void closedChannelsFromPlainCode() {
    Channel<Integer> closed = Channel.unbounded();
    closed.trySend(9);
    closed.close();
    Select orNull = new Select();
    Select.Case<Integer> in = orNull.receiveOrNull(closed);
    assertSame(in, orNull.trySelect());
    assertEquals(9, in.value(), "buffered values still come first");
    assertSame(in, orNull.trySelect());
    assertNull(in.value(), "closed and drained: wins with null");

    Select receive = new Select();
    receive.receive(closed);
    assertThrows(ChannelClosedException.class, receive::trySelect);

    Channel<Integer> open = Channel.unbounded();
    Select send = new Select();
    send.send(closed, 1);
    send.send(open, 1);
    assertThrows(ChannelClosedException.class, send::trySelect);
    assertEquals(0, open.size(), "a select that failed sent nothing");
  }

  @Test
  void misuse() {
    assertThrows(IllegalStateException.class, () -> new Select().trySelect());
    Select choice = new Select();
    assertThrows(NullPointerException.class, () -> choice.send(Channel.unbounded(), null));
    assertThrows(IllegalArgumentException.class, () -> choice.timeout(Duration.ofNanos(-1)));
  }

  @Test
  void aWaitingSelectIsWonByTheFirstChannelThatBecomesReady() {
    Scheduler s = Scheduler.create();
    Channel<Integer> a = Channel.rendezvous();
    Channel<Integer> b = Channel.rendezvous();
    Select choice = new Select();
    choice.receive(a);
    Select.Case<Integer> fromB = choice.receive(b);
    Fiber<Select.Case<?>> selected = s.spawn(selecting(choice));
    Fiber<Boolean> sent = s.spawn(trySending(b, 5));

    s.run();

    assertTrue(sent.result());
    assertSame(fromB, selected.result());
    assertEquals(5, fromB.value());
    assertFalse(a.trySend(1), "the losing case still waits in its channel");
  }

  @Test
  void aCancelledSelectTakesNothing() {
    Scheduler s = Scheduler.create();
    Channel<Integer> a = Channel.rendezvous();
    Channel<Integer> b = Channel.bounded(1);
    Select choice = new Select();
    choice.receive(a);
    choice.receive(b);
    Fiber<Select.Case<?>> selected = s.spawn(selecting(choice));
    s.spawn(fiber("cancel", new Steps<Void>((self, resume) -> {
      selected.cancel();
      return null;
    })));

    s.run();

    assertThrows(CancellationException.class, selected::result);
    assertFalse(a.trySend(1), "a cancelled select still waits");
    assertTrue(b.trySend(2));
    assertEquals(1, b.size(), "a cancelled select took the value");
  }

  @Test
  void aSelectCancelledAfterItWasHandedAValueGivesItBack() {
    Scheduler s = Scheduler.create();
    Channel<Integer> a = Channel.rendezvous();
    Select choice = new Select();
    choice.receive(a);
    Fiber<Select.Case<?>> selected = s.spawn(selecting(choice));
    // Hands the waiting select a value, then cancels it before it can run again.
    s.spawn(fiber("send then cancel", new Steps<Void>((self, resume) -> {
      assertTrue(a.trySend(8));
      selected.cancel();
      return null;
    })));

    s.run();

    assertThrows(CancellationException.class, selected::result);
    assertEquals(8, a.tryReceive(), "the value handed to the cancelled select was lost");
  }

  @Test
  void anHourLongTimeoutEndsAtOnceInVirtualTime() {
    Scheduler s = Scheduler.builder().deterministic(3).build();
    Channel<Integer> a = Channel.rendezvous();
    Select choice = new Select().timeout(Duration.ofHours(1));
    choice.receive(a);
    Fiber<Select.Case<?>> selected = s.spawn(selecting(choice));

    s.run();

    assertNull(selected.result());
    assertFalse(a.trySend(1), "a timed-out select still waits");
  }
}
