package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Steps;
import dev.fibered.TestMachines.Value;
import dev.fibered.TestMachines.YieldNowLoop;
import dev.fibered.TestThreads.Worker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The multi-threaded scheduler's contract with hand-written machines: runs, joins, misuse. */
@Timeout(60)
class MultiThreadedSchedulerTest {

  private static Scheduler threads(int n) {
    return Scheduler.builder().threads(n).build();
  }

  @Test
  void runReturnsWhenEveryFiberIsDoneAndLeavesNoCarrierBehind() {
    Scheduler s = threads(3);
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    Set<Thread> carriers = ConcurrentHashMap.newKeySet();
    List<Fiber<Integer>> fibers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      fibers.add(s.spawn(fiber("f" + i, new YieldNowLoop("f" + i + ":", 50, log))));
      s.spawn(
          fiber(
              "where" + i,
              new Steps<String>(
                  (self, step) -> {
                    carriers.add(Thread.currentThread());
                    return step < 20 ? Machine.SUSPEND : "seen";
                  })));
    }
    s.run();
    for (Fiber<Integer> f : fibers) {
      assertEquals(50, f.result());
    }
    assertEquals(500, log.size());
    for (Thread t : carriers) {
      assertTrue(t.getName().startsWith("fibered-carrier-"), t.getName());
      assertFalse(t.isAlive(), t + " outlived run()");
    }
    assertEquals("Scheduler[slice=PT0.01S, threads=3]", s.toString());
  }

  @Test
  void runFromInsideAFiberAndPlainJoinOnACarrierAreRefused() {
    Scheduler s = threads(2);
    AtomicReference<Throwable> fromRun = new AtomicReference<>();
    AtomicReference<Throwable> fromJoin = new AtomicReference<>();
    s.spawn(
        fiber(
            "misuse",
            new Steps<String>(
                (self, i) -> {
                  fromRun.set(assertThrows(IllegalStateException.class, s::run));
                  Fiber<?> me = Fiber.current(); // not done: a plain join would block
                  fromJoin.set(assertThrows(IllegalStateException.class, me::join));
                  return "done";
                })));
    s.run();
    assertTrue(fromRun.get().getMessage().contains("inside one of its own fibers"));
    assertTrue(fromJoin.get().getMessage().contains("carrier"), fromJoin.get().getMessage());
  }

  @Test
  void spawnFromAnotherThreadWhileRunningJoinsTheRun() throws Throwable {
    Scheduler s = threads(2);
    Scheduler.Hold hold = s.hold();
    Worker runner = Worker.start("runner", s::run);
    List<Fiber<Integer>> spawned = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      spawned.add(s.spawn(fiber("v" + i, new Value<>(i))));
    }
    for (Fiber<Integer> f : spawned) {
      f.join(); // plain code on another thread: blocks until done
    }
    hold.close();
    runner.await();
    for (int i = 0; i < 100; i++) {
      assertEquals(i, spawned.get(i).result());
    }
  }

  @Test
  void aPlainJoinStartsTheCarriersAndAFailureIsKept() {
    Scheduler s = threads(2);
    Fiber<Object> failing =
        s.spawn(
            fiber(
                "failing",
                new Steps<Object>(
                    (self, i) -> {
                      throw new IllegalArgumentException("boom");
                    })));
    Fiber<Integer> fine = s.spawn(fiber("fine", new Value<>(3)));
    assertEquals(3, fine.result());
    assertInstanceOf(IllegalArgumentException.class, assertThrows(RuntimeException.class, failing::result));
    s.run();
    assertFalse(failing.isAlive());
  }

  @Test
  void deterministicAndSeveralThreadsAreRefusedAtBuild() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Scheduler.builder().threads(2).deterministic(7).build());
    assertThrows(IllegalArgumentException.class, () -> Scheduler.builder().threads(0));
  }
}
