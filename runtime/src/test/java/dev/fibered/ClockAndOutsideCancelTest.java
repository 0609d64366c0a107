package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Steps;
import dev.fibered.TestThreads.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scheduler's clock as fiber code sees it ({@link Fiber#nanoTime()}, {@link Scheduler#clock()}),
 * and {@link Fiber#cancel()} / {@link Fiber#throwInto} from a plain thread while another thread
 * runs the fiber's single-threaded scheduler.
 */
@Timeout(60)
class ClockAndOutsideCancelTest {
  private static final long HOUR = Duration.ofHours(1).toNanos();

  /** Reads the clocks, sleeps an hour, reads them again: {nanos before, after, millis before, after}. */
  private static Fiber<long[]> sleepAnHour() {
    long[] seen = new long[4];
    return fiber(
        "sleeper",
        new Steps<long[]>(
            (self, resume) -> {
              Clock clock = Scheduler.current().clock();
              if (resume == 0) {
                seen[0] = Fiber.nanoTime();
                seen[2] = clock.millis();
                return self.call(FiberFibers.sleep$machine(Duration.ofHours(1)));
              }
              self.result();
              seen[1] = Fiber.nanoTime();
              seen[3] = clock.millis();
              return seen;
            }));
  }

  @Test
  void aOneHourSleepMovesTheVirtualClockByOneHourAtOnce() {
    Scheduler s = Scheduler.builder().deterministic(5).build();
    Fiber<long[]> f = s.spawn(sleepAnHour());

    s.run();

    long[] seen = f.result();
    long slept = seen[1] - seen[0];
    assertTrue(slept >= HOUR && slept < HOUR + 1_000_000, "slept " + slept + " ns of virtual time");
    assertEquals(HOUR / 1_000_000, seen[3] - seen[2], 1.0);
    // The scheduler's clock is the one the fiber read (it moves 1 µs per turn after that).
    long sinceRead = s.nanoTime() - seen[1];
    assertTrue(sinceRead >= 0 && sinceRead < 1_000_000, "scheduler clock " + sinceRead + " ns on");
    assertEquals(Instant.EPOCH.plusNanos(s.nanoTime()), s.clock().instant());
  }

  @Test
  void realTimeOutsideDeterministicSchedulers() {
    long before = System.nanoTime();
    long read = Fiber.nanoTime(); // outside fibers: the real clock
    long after = System.nanoTime();
    assertTrue(read - before >= 0 && after - read >= 0);
    Scheduler s = Scheduler.create();
    assertSame(Clock.systemUTC().getZone(), s.clock().getZone());
    long[] inFiber = new long[1];
    s.spawn(fiber("read", new Steps<Void>((self, resume) -> {
      inFiber[0] = Fiber.nanoTime();
      return null;
    })));
    long start = System.nanoTime();
    s.run();
    assertTrue(inFiber[0] - start >= 0 && System.nanoTime() - inFiber[0] >= 0);
  }

  /** A fiber that waits forever on a rendezvous channel, counting down {@code waiting} first. */
  private static Fiber<Integer> receiveForever(Channel<Integer> channel, CountDownLatch waiting) {
    return fiber(
        "receiver",
        new Steps<Integer>(
            (self, resume) -> {
              if (resume == 0) {
                waiting.countDown();
                return self.call(ChannelFibers.receive$machine(channel));
              }
              return self.<Integer>result();
            }));
  }

  /**
   * Runs a scheduler on a thread of its own with one fiber waiting forever on {@code channel}, then
   * {@code fromOutside} on this thread, then lets the run end; returns the fiber.
   */
  private static Fiber<Integer> waitAndAct(
      Channel<Integer> channel, java.util.function.Consumer<Fiber<Integer>> fromOutside)
      throws Throwable {
    Scheduler s = Scheduler.create();
    CountDownLatch waiting = new CountDownLatch(1);
    Fiber<Integer> receiver = s.spawn(receiveForever(channel, waiting));
    Scheduler.Hold hold = s.hold(); // the waiting fiber is not a deadlock while the test runs
    Worker runner = Worker.start("runner", s::run);
    TestThreads.await(waiting);
    fromOutside.accept(receiver); // while "runner" runs the scheduler
    hold.close();
    runner.await();
    return receiver;
  }

  @Test
  void cancelFromAnotherThreadWhileTheSchedulerRunsEndsTheWait() throws Throwable {
    Channel<Integer> channel = Channel.rendezvous();
    Fiber<Integer> receiver = waitAndAct(channel, f -> assertTrue(f.cancel()));

    assertSame(Fiber.State.CANCELLED, receiver.state());
    assertThrows(CancellationException.class, receiver::result);
    assertTrue(!channel.trySend(1), "the cancelled receiver still waits in the channel");
  }

  @Test
  void throwIntoFromAnotherThreadWhileTheSchedulerRuns() throws Throwable {
    IllegalArgumentException thrown = new IllegalArgumentException("from outside");
    Fiber<Integer> receiver =
        waitAndAct(Channel.rendezvous(), f -> assertTrue(f.throwInto(thrown)));

    assertSame(thrown, assertThrows(IllegalArgumentException.class, receiver::result));
  }

  @Test
  void manyCancelsFromOtherThreadsRaceTheRunningScheduler() throws Throwable {
    for (int round = 0; round < 20; round++) {
      Scheduler s = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
      Channel<Integer> channel = Channel.rendezvous();
      int fibers = 20;
      CountDownLatch waiting = new CountDownLatch(fibers);
      java.util.List<Fiber<Integer>> receivers = new java.util.ArrayList<>();
      for (int i = 0; i < fibers; i++) {
        receivers.add(s.spawn(receiveForever(channel, waiting)));
      }
      Scheduler.Hold hold = s.hold();
      Worker runner = Worker.start("runner", s::run);
      // Cancels arrive while some receivers have not even started waiting.
      Worker[] cancellers = new Worker[2];
      for (int c = 0; c < cancellers.length; c++) {
        int from = c;
        cancellers[c] = Worker.start("canceller", () -> {
          for (int i = from; i < fibers; i += 2) {
            receivers.get(i).cancel();
          }
        });
      }
      for (Worker c : cancellers) {
        c.await();
      }
      hold.close();
      runner.await();
      for (Fiber<Integer> r : receivers) {
        assertSame(Fiber.State.CANCELLED, r.state());
      }
    }
  }
}
