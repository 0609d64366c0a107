package dev.fibered.functional;

import static dev.fibered.functional.Check.runUntilWaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Fiber#transfer}, {@link Fiber#awaitTransfer()}, {@link Fiber#handOver}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransferTest {

  @Test
  void twoFibersPassValuesBackAndForthOnOneThreadAndOnTwo() {
    for (int threads : new int[] {1, 2}) {
      Scheduler s = Scheduler.builder().threads(threads).build();
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      Fiber<Integer> ping = s.spawn(CorpusTransferFibers.ping(3, log));
      Fiber<Integer> pong = s.spawn(CorpusTransferFibers.pong(ping, log));
      s.run();
      assertEquals(33, ping.result());
      assertEquals(3, pong.result());
      assertEquals(
          List.of(
              "pong got 1", "ping got 11", "pong got 12", "ping got 22", "pong got 23", "ping got 33"),
          log);
    }
  }

  @Test
  void valuesHandedFromPlainCodeWaitInOrderNullIncluded() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<String> collector = s.spawn(CorpusTransferFibers.gather(log));
    runUntilWaiting(s, collector);
    Fiber.handOver(collector, "a");
    Fiber.handOver(collector, null);
    Fiber.handOver(collector, "b");
    Fiber.handOver(collector, "end");
    s.run();
    assertEquals("collected 3", collector.result());
    assertEquals(Arrays.asList("a", "null", "b"), log);
  }

  @Test
  void anEndedFiberTakesNoValueAndPlainCodeCannotWaitForOne() {
    Scheduler s = Scheduler.create();
    Fiber<String> done = s.spawn(CorpusTransferFibers.gather(new ArrayList<>()));
    Fiber.handOver(done, "end");
    s.run();
    IllegalStateException ended =
        assertThrows(IllegalStateException.class, () -> Fiber.handOver(done, 1));
    assertEquals("cannot hand a value to " + done + ": it has ended", ended.getMessage());
    assertThrows(IllegalStateException.class, () -> Fiber.transfer(done, 1));
    assertThrows(IllegalStateException.class, Fiber::awaitTransfer);
  }
}
