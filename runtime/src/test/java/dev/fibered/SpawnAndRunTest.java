package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Caller;
import dev.fibered.TestMachines.CheckLoop;
import dev.fibered.TestMachines.Steps;
import dev.fibered.TestMachines.Value;
import dev.fibered.TestMachines.YieldNowLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Scheduler#spawn}, {@link Scheduler#run()} and {@link Fiber#of}. */
@Timeout(30)
class SpawnAndRunTest {

  @Test
  void runGivesEveryFiberItsResult() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    List<String> log = new ArrayList<>();
    Fiber<Integer> one = s.spawn(fiber("one", new Value<>(1)));
    Fiber<String> text = s.spawn(fiber("text", new Value<>("text")));
    Fiber<Integer> loop = s.spawn(fiber("loop", new CheckLoop("c", 50, log)));
    Fiber<Integer> yields = s.spawn(fiber("yields", new YieldNowLoop("y", 7, log)));
    Fiber<Object> nothing = s.spawn(fiber("void", new Value<>(null)));

    s.run();

    assertEquals(1, one.result());
    assertEquals("text", text.result());
    assertEquals(50, loop.result());
    assertEquals(7, yields.result());
    assertNull(nothing.result());
    assertEquals(57, log.size());
  }

  @Test
  void runReturnsOnceNoFiberIsLeft() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    List<Fiber<Integer>> fibers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      fibers.add(s.spawn(fiber("f" + i, new YieldNowLoop("f" + i + ":", i, log))));
    }
    assertEquals(20, s.runnableCount());

    s.run();

    assertEquals(0, s.runnableCount());
    for (int i = 0; i < 20; i++) {
      Fiber<Integer> f = fibers.get(i);
      assertTrue(f.isDone(), f.toString());
      assertFalse(f.isAlive(), f.toString());
      assertEquals(i, f.result());
    }
    assertEquals(19 * 20 / 2, log.size());
  }

  @Test
  void runWithNoFibersReturnsAtOnce() {
    Scheduler s = Scheduler.create();
    s.run();
    s.run();
    assertEquals(0, s.runnableCount());
  }

  @Test
  void spawnRegistersButDoesNotRun() {
    Scheduler s = Scheduler.create();
    Value<String> body = new Value<>("v");
    Fiber<String> f = fiber("lazy", body);

    assertSame(f, s.spawn(f));

    assertEquals(0, body.resumes);
    assertEquals(1, s.runnableCount());
    assertFalse(f.isDone());
    s.run();
    assertEquals(1, body.resumes);
    assertEquals("v", f.result());
  }

  @Test
  void fibersRunRoundRobinInSpawnOrder() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    s.spawn(fiber("a", new YieldNowLoop("a", 3, log)));
    s.spawn(fiber("b", new YieldNowLoop("b", 3, log)));
    s.spawn(fiber("c", new YieldNowLoop("c", 3, log)));

    s.run();

    assertEquals(List.of("a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2"), log);
  }

  @Test
  void spawningTheSameFiberTwiceThrows() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> f = s.spawn(fiber("twice", new Value<>(1)));

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.spawn(f));
    assertTrue(e.getMessage().contains("already been spawned"), e.getMessage());
    assertEquals(1, s.runnableCount(), "the second spawn must not queue the fiber again");

    s.run();
    assertEquals(1, f.result());
    assertThrows(IllegalStateException.class, () -> s.spawn(f), "spawning a finished fiber");
    assertEquals(0, s.runnableCount());
  }

  @Test
  void spawningAFiberOnTwoSchedulersThrows() {
    Scheduler first = Scheduler.create();
    Scheduler second = Scheduler.create();
    Fiber<Integer> f = first.spawn(fiber("shared", new Value<>(1)));

    assertThrows(IllegalStateException.class, () -> second.spawn(f));

    assertEquals(0, second.runnableCount());
    second.run();
    assertFalse(f.isDone(), "the second scheduler must not have run it");
    first.run();
    assertEquals(1, f.result());
  }

  @Test
  void spawnNullThrowsNullPointerException() {
    Scheduler s = Scheduler.create();
    assertThrows(NullPointerException.class, () -> s.spawn(null));
    assertEquals(0, s.runnableCount());
  }

  @Test
  void fiberOfAMachineAlreadyInAFiberThrows() {
    Value<Integer> body = new Value<>(1);
    Fiber<Integer> first = Fiber.of("first", body);
    assertSame(body, first.top);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Fiber.of("second", body));
    assertTrue(e.getMessage().contains("already been started"), e.getMessage());
  }

  @Test
  void fiberOfAMachineThatRanAsACalleeThrows() {
    Scheduler s = Scheduler.create();
    Value<Integer> callee = new Value<>(5);
    Fiber<Integer> f = s.spawn(fiber("caller", new Caller<>(callee)));
    s.run();
    assertEquals(5, f.result());

    assertThrows(IllegalStateException.class, () -> Fiber.of("again", callee));
  }

  @Test
  void callingAMachineAlreadyInAFiberFailsTheCaller() {
    Scheduler s = Scheduler.create();
    Value<Integer> taken = new Value<>(5);
    Fiber<Integer> owner = fiber("owner", taken);
    Fiber<Integer> f = s.spawn(fiber("caller", new Caller<>(taken)));

    s.run();

    assertInstanceOf(IllegalStateException.class, f.failure());
    assertEquals(0, taken.resumes);
    assertFalse(owner.isAlive());
  }

  @Test
  void aFiberSpawnedByAFiberRunsAfterTheFibersAlreadyQueued() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    List<Fiber<String>> children = new ArrayList<>();
    Fiber<String> parent =
        s.spawn(
            fiber(
                "parent",
                new Steps<String>(
                    (self, i) -> {
                      log.add("parent" + i);
                      if (i == 0) {
                        children.add(
                            s.spawn(
                                fiber(
                                    "child",
                                    new Steps<String>(
                                        (c, j) -> {
                                          log.add("child" + j);
                                          return "c";
                                        }))));
                        return Machine.SUSPEND;
                      }
                      return "p";
                    })));
    Fiber<Integer> other = s.spawn(fiber("other", new YieldNowLoop("other", 1, log)));

    s.run();

    assertEquals(List.of("parent0", "other0", "child0", "parent1"), log);
    assertEquals("p", parent.result());
    assertEquals(1, other.result());
    assertEquals(1, children.size());
    assertEquals("c", children.get(0).result());
  }

  @Test
  void aSchedulerCanRunAgainAfterRunReturns() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Integer> first = s.spawn(fiber("first", new YieldNowLoop("a", 3, log)));
    s.run();
    assertEquals(3, first.result());

    Fiber<Integer> second = s.spawn(fiber("second", new YieldNowLoop("b", 2, log)));
    assertEquals(1, s.runnableCount());
    s.run();

    assertEquals(2, second.result());
    assertEquals(List.of("a0", "a1", "a2", "b0", "b1"), log);
  }

  @Test
  void spawnFromAnotherThreadWhileIdleIsAllowed() throws Throwable {
    Scheduler s = Scheduler.create();
    List<Fiber<Integer>> spawned = new ArrayList<>();
    TestThreads.Worker w =
        TestThreads.Worker.start(
            "spawner",
            () -> {
              Fiber<Integer> f = s.spawn(fiber("from-elsewhere", new Value<>(9)));
              synchronized (spawned) {
                spawned.add(f);
              }
            });
    w.await();

    s.run();

    synchronized (spawned) {
      assertEquals(9, spawned.get(0).result());
    }
  }

  @Test
  void defaultsAndBuilderSettings() {
    assertEquals(Duration.ofMillis(10), Scheduler.create().timeSlice());
    assertEquals(Duration.ofMillis(10), Scheduler.builder().build().timeSlice());
    assertEquals(
        Duration.ofMillis(3),
        Scheduler.builder().timeSlice(Duration.ofMillis(3)).build().timeSlice());
    assertEquals(
        Duration.ofNanos(1), Scheduler.builder().timeSlice(Duration.ofNanos(1)).build().timeSlice());
    assertEquals(
        Duration.ofHours(1), Scheduler.builder().timeSlice(Duration.ofHours(1)).build().timeSlice());
  }

  @Test
  void schedulerToStringShowsSlice() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofMillis(7)).build();
    s.spawn(fiber("x", new Value<>(1)));
    s.spawn(fiber("y", new Value<>(2)));
    String text = s.toString();
    assertTrue(text.contains(Duration.ofMillis(7).toString()), text);
  }
}
