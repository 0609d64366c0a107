package dev.fibered;

import static dev.fibered.TestLogs.ONE_HOUR;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Steps;
import dev.fibered.TestMachines.Value;
import dev.fibered.TestMachines.YieldNowLoop;
import dev.fibered.TestThreads.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Fiber#join()} and {@link Fiber#result()}: driving an idle scheduler, or waiting. */
@Timeout(90)
class JoinTest {

  /**
   * A body for a fiber that blocks its scheduler's thread until {@code condition} holds (bounded
   * by {@link TestThreads#TIMEOUT}), then returns {@code value}. Blocking inside a fiber stands
   * for a long computation during which other threads act.
   */
  private static <T> Steps<T> blockUntil(
      CountDownLatch started, java.util.function.BooleanSupplier condition, T value) {
    return new Steps<T>(
        (self, i) -> {
          started.countDown();
          TestThreads.waitUntil(condition, TestThreads.TIMEOUT);
          return value;
        });
  }

  @Test
  void joinOnAnUnspawnedFiberThrowsWithAHelpfulMessage() {
    Fiber<Integer> f = fiber("Jobs.sum", new Value<>(1));

    IllegalStateException e = assertThrows(IllegalStateException.class, f::join);

    String m = e.getMessage();
    assertTrue(m.contains("Jobs.sum"), m);
    assertTrue(m.contains("never spawned"), m);
    assertTrue(m.contains("Scheduler.spawn"), m);
    assertThrows(IllegalStateException.class, f::result);
    assertFalse(f.isAlive());
    assertFalse(f.isDone());
  }

  @Test
  void joinOnAnIdleSchedulerDrivesItOnTheCallingThreadUntilThatFiberIsDone() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    Fiber<Integer> longOne = s.spawn(fiber("long", new YieldNowLoop("long", 100, log)));
    Fiber<String> shortOne =
        s.spawn(
            fiber(
                "short",
                new Steps<String>(
                    (self, i) -> {
                      threads.add(Thread.currentThread());
                      log.add("short" + i);
                      return i < 2 ? Machine.SUSPEND : "short done";
                    })));

    shortOne.join();

    assertTrue(shortOne.isDone());
    assertEquals("short done", shortOne.result());
    assertEquals(
        List.of(Thread.currentThread(), Thread.currentThread(), Thread.currentThread()), threads);
    // The other fiber got its turns too, but is not finished and is still queued.
    assertEquals(List.of("long0", "short0", "long1", "short1", "long2", "short2"), log);
    assertTrue(longOne.isAlive());
    assertFalse(longOne.isDone());
    assertEquals(1, s.runnableCount());
    assertNull(Fiber.current(), "the join has left the scheduler");

    s.run();

    assertEquals(100, longOne.result());
    assertEquals(103, log.size());
  }

  @Test
  void resultOnAnIdleSchedulerDrivesItToo() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Integer> a = s.spawn(fiber("a", new YieldNowLoop("a", 10, log)));
    Fiber<Integer> b = s.spawn(fiber("b", new YieldNowLoop("b", 2, log)));

    assertEquals(2, b.result());

    assertFalse(a.isDone());
    assertEquals(10, a.result(), "joining the remaining fiber drives the rest");
    assertEquals(0, s.runnableCount());
  }

  @Test
  void joinOnAFinishedFiberReturnsAtOnceFromAnywhere() throws Throwable {
    Scheduler s = Scheduler.create();
    Fiber<Integer> done = s.spawn(fiber("done", new Value<>(3)));
    s.run();

    done.join();
    Worker w = Worker.start("other", () -> assertEquals(3, done.result()));
    w.await();

    // From inside a running fiber of the same scheduler: nothing to wait for, so no error.
    Fiber<Integer> inside =
        s.spawn(fiber("inside", new Steps<Integer>((self, i) -> done.result() + 1)));
    s.run();
    assertEquals(4, inside.result());
  }

  @Test
  void joinFromInsideARunningFiberThrows() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> pending = s.spawn(fiber("pending", new YieldNowLoop("p", 3, new ArrayList<>())));
    List<Throwable> caught = new ArrayList<>();
    Fiber<String> joiner =
        s.spawn(
            fiber(
                "joiner",
                new Steps<String>(
                    (self, i) -> {
                      try {
                        pending.join();
                      } catch (IllegalStateException e) {
                        caught.add(e);
                      }
                      try {
                        Fiber.current().join();
                      } catch (IllegalStateException e) {
                        caught.add(e);
                      }
                      pending.result(); // uncaught: fails this fiber
                      return "unreachable";
                    })));

    s.run();

    assertEquals(2, caught.size());
    assertTrue(caught.get(0).getMessage().contains("pending"), caught.get(0).getMessage());
    assertInstanceOf(IllegalStateException.class, joiner.failure());
    assertEquals(3, pending.result(), "the other fiber is unaffected");
  }

  @Test
  void joinFromAnotherThreadWhileRunRunsBlocksUntilTheFiberIsDone() throws Throwable {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean aboutToJoin = new AtomicBoolean();
    AtomicReference<Thread> joinerThread = new AtomicReference<>();
    AtomicBoolean joinerWasWaiting = new AtomicBoolean();
    Fiber<String> slow =
        s.spawn(
            fiber(
                "slow",
                blockUntil(
                    started,
                    () -> {
                      Thread j = joinerThread.get();
                      boolean waiting = j != null && aboutToJoin.get() && TestThreads.isWaiting(j);
                      if (waiting) {
                        joinerWasWaiting.set(true);
                      }
                      return waiting;
                    },
                    "finished")));
    Fiber<Integer> other = s.spawn(fiber("other", new YieldNowLoop("o", 3, new ArrayList<>())));
    AtomicBoolean doneWhenJoinReturned = new AtomicBoolean();
    AtomicReference<String> resultSeen = new AtomicReference<>();

    Worker runner = Worker.start("runner", s::run);
    Worker joiner =
        Worker.start(
            "joiner",
            () -> {
              TestThreads.await(started);
              aboutToJoin.set(true);
              slow.join();
              doneWhenJoinReturned.set(slow.isDone());
              resultSeen.set(slow.result());
            });
    joinerThread.set(joiner.thread);

    joiner.await();
    runner.await();

    assertTrue(joinerWasWaiting.get(), "the joiner blocked while the fiber ran elsewhere");
    assertTrue(doneWhenJoinReturned.get());
    assertEquals("finished", resultSeen.get());
    assertEquals(3, other.result());
  }

  @Test
  void severalThreadsCanWaitForFibersOfARunningScheduler() throws Throwable {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    int n = 3;
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger aboutToJoin = new AtomicInteger();
    List<Thread> joinerThreads = Collections.synchronizedList(new ArrayList<>());
    List<Fiber<Integer>> fibers = new ArrayList<>();
    fibers.add(
        s.spawn(
            fiber(
                "gate",
                blockUntil(
                    started,
                    () -> {
                      if (aboutToJoin.get() < n) {
                        return false;
                      }
                      synchronized (joinerThreads) {
                        return joinerThreads.stream().allMatch(TestThreads::isWaiting);
                      }
                    },
                    0))));
    for (int i = 1; i < n; i++) {
      fibers.add(s.spawn(fiber("f" + i, new YieldNowLoop("f" + i, i * 10, new ArrayList<>()))));
    }

    Worker runner = Worker.start("runner", s::run);
    List<Worker> joiners = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Fiber<Integer> f = fibers.get(i);
      int expected = i * 10;
      Worker w =
          Worker.start(
              "joiner" + i,
              () -> {
                TestThreads.await(started);
                aboutToJoin.incrementAndGet();
                assertEquals(expected, f.result());
              });
      joinerThreads.add(w.thread);
      joiners.add(w);
    }

    for (Worker w : joiners) {
      w.await();
    }
    runner.await();
    for (Fiber<Integer> f : fibers) {
      assertTrue(f.isDone());
    }
  }

  @Test
  void anInterruptedJoinerKeepsWaitingAndKeepsItsInterruptStatus() throws Throwable {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean aboutToJoin = new AtomicBoolean();
    AtomicBoolean interruptSent = new AtomicBoolean();
    Fiber<String> slow = s.spawn(fiber("slow", blockUntil(started, interruptSent::get, "v")));
    AtomicBoolean doneAfterJoin = new AtomicBoolean();
    AtomicBoolean interruptedAfterJoin = new AtomicBoolean();

    Worker runner = Worker.start("runner", s::run);
    Worker joiner =
        Worker.start(
            "joiner",
            () -> {
              TestThreads.await(started);
              aboutToJoin.set(true);
              slow.join();
              doneAfterJoin.set(slow.isDone());
              interruptedAfterJoin.set(Thread.interrupted());
            });
    try {
      assertTrue(
          TestThreads.waitUntil(
              () -> aboutToJoin.get() && TestThreads.isWaiting(joiner.thread),
              TestThreads.TIMEOUT),
          "joiner never blocked in join()");
      joiner.thread.interrupt();
    } finally {
      interruptSent.set(true);
    }

    joiner.await();
    runner.await();
    assertTrue(doneAfterJoin.get(), "an interrupt must not end the wait early");
    assertTrue(interruptedAfterJoin.get(), "the interrupt status is restored");
    assertEquals("v", slow.result());
  }

  @Test
  void joinFromAnotherThreadWhileAJoinDrivesTheSchedulerStillCompletes() throws Throwable {
    Scheduler s = Scheduler.builder().timeSlice(ONE_HOUR).build();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean aboutToJoin = new AtomicBoolean();
    AtomicReference<Thread> joinerThread = new AtomicReference<>();
    Fiber<String> x =
        s.spawn(
            fiber(
                "x",
                blockUntil(
                    started,
                    () -> {
                      Thread j = joinerThread.get();
                      return j != null && aboutToJoin.get() && TestThreads.isWaiting(j);
                    },
                    "x")));
    Fiber<Integer> y = s.spawn(fiber("y", new YieldNowLoop("y", 3, new ArrayList<>())));
    Worker joiner =
        Worker.start(
            "joiner",
            () -> {
              TestThreads.await(started);
              aboutToJoin.set(true);
              y.join(); // the scheduler is running (driven by x.join()), so this waits
            });
    joinerThread.set(joiner.thread);
    try {
      x.join(); // drives the scheduler on this thread until x is done, then stops driving
      assertTrue(x.isDone());
      assertTrue(
          joiner.awaitFor(Duration.ofSeconds(5)),
          "y.join() on another thread never returned: once x.join() stopped driving the"
              + " scheduler, nobody ran y");
      assertTrue(y.isDone());
      assertEquals(3, y.result());
    } finally {
      if (!y.isDone()) {
        y.join(); // drive y here, which wakes the stuck joiner
      }
      joiner.await();
    }
  }
}
