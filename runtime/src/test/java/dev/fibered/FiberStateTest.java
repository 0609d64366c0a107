package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Steps;
import dev.fibered.TestMachines.Thrower;
import dev.fibered.TestMachines.Value;
import dev.fibered.TestMachines.YieldNowLoop;
import dev.fibered.TestThreads.Worker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Fiber#current()}, {@link Fiber#isAlive()}, {@link Fiber#isDone()}, names, ids, toString. */
@Timeout(30)
class FiberStateTest {

  @Test
  void currentIsTheRunningFiberInsideResumeAndNullOutside() {
    Scheduler s = Scheduler.create();
    List<Fiber<?>> seenByA = new ArrayList<>();
    List<Fiber<?>> seenByB = new ArrayList<>();
    Fiber<String> a =
        s.spawn(
            fiber(
                "a",
                new Steps<String>(
                    (self, i) -> {
                      seenByA.add(Fiber.current());
                      return i < 2 ? Machine.SUSPEND : "a";
                    })));
    Fiber<String> b =
        s.spawn(
            fiber(
                "b",
                new Steps<String>(
                    (self, i) -> {
                      seenByB.add(Fiber.current());
                      return i < 1 ? Machine.SUSPEND : "b";
                    })));
    assertNull(Fiber.current());

    s.run();

    assertNull(Fiber.current());
    assertEquals(List.of(a, a, a), seenByA);
    assertEquals(List.of(b, b), seenByB);
  }

  @Test
  void currentIsNullAfterAFiberFailsAndOnOtherThreads() throws Throwable {
    Scheduler s = Scheduler.create();
    List<Fiber<?>> seenElsewhere = new ArrayList<>();
    AtomicBoolean checked = new AtomicBoolean();
    s.spawn(fiber("fails", new Thrower<Integer>(new RuntimeException("x"), 1)));
    s.spawn(
        fiber(
            "looksAround",
            new Steps<String>(
                (self, i) -> {
                  // Another thread, while this fiber runs: it runs no fiber.
                  Worker w =
                      Worker.start(
                          "elsewhere",
                          () -> {
                            synchronized (seenElsewhere) {
                              seenElsewhere.add(Fiber.current());
                            }
                          });
                  w.await();
                  checked.set(true);
                  return "ok";
                })));

    s.run();

    assertTrue(checked.get());
    synchronized (seenElsewhere) {
      assertEquals(1, seenElsewhere.size());
      assertNull(seenElsewhere.get(0));
    }
    assertNull(Fiber.current());
  }

  @Test
  void currentInsideAJoinDrivenSchedulerIsTheRunningFiber() {
    Scheduler s = Scheduler.create();
    List<Fiber<?>> seen = new ArrayList<>();
    Fiber<String> f =
        s.spawn(
            fiber(
                "joined",
                new Steps<String>(
                    (self, i) -> {
                      seen.add(Fiber.current());
                      return i == 0 ? Machine.SUSPEND : "v";
                    })));

    assertEquals("v", f.result());

    assertEquals(List.of(f, f), seen);
    assertNull(Fiber.current());
  }

  @Test
  void aliveAndDoneFollowTheFibersLife() {
    Scheduler s = Scheduler.create();
    List<Boolean> aliveInside = new ArrayList<>();
    List<Boolean> doneInside = new ArrayList<>();
    List<Fiber<?>> self = new ArrayList<>();
    Fiber<String> f =
        fiber(
            "life",
            new Steps<String>(
                (m, i) -> {
                  aliveInside.add(self.get(0).isAlive());
                  doneInside.add(self.get(0).isDone());
                  return i == 0 ? Machine.SUSPEND : "over";
                }));
    self.add(f);

    assertFalse(f.isAlive(), "new");
    assertFalse(f.isDone(), "new");

    s.spawn(f);
    assertTrue(f.isAlive(), "spawned");
    assertFalse(f.isDone(), "spawned");

    s.run();

    assertEquals(List.of(true, true), aliveInside);
    assertEquals(List.of(false, false), doneInside);
    assertFalse(f.isAlive(), "done");
    assertTrue(f.isDone(), "done");
    assertEquals("over", f.result());
  }

  @Test
  void aFailedFiberIsDoneAndNotAlive() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> f = s.spawn(fiber("fails", new Thrower<>(new RuntimeException("x"), 2)));
    assertTrue(f.isAlive());

    s.run();

    assertFalse(f.isAlive());
    assertTrue(f.isDone());
  }

  @Test
  void namesAndIds() {
    Fiber<Integer> a = fiber("Jobs.sum", new Value<>(1));
    Fiber<Integer> b = fiber("Jobs.sum", new Value<>(2));
    assertEquals("Jobs.sum", a.name());
    assertEquals("Jobs.sum", b.name());
    assertNotEquals(a.id(), b.id(), "same name, different fibers");
    assertTrue(b.id() > a.id(), "ids grow");

    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      assertTrue(ids.add(fiber("f", new Value<>(i)).id()));
    }
  }

  @Test
  void idsAreUniqueAcrossThreads() throws Throwable {
    Set<Long> ids = new HashSet<>();
    List<Worker> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(
          Worker.start(
              "maker" + t,
              () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                  mine.add(fiber("f", new Value<>(i)).id());
                }
                synchronized (ids) {
                  ids.addAll(mine);
                }
              }));
    }
    for (Worker w : workers) {
      w.await();
    }
    synchronized (ids) {
      assertEquals(8_000, ids.size());
    }
  }

  @Test
  void toStringNamesTheFiberAndItsState() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> ok = fiber("Jobs.ok", new YieldNowLoop("o", 1, new ArrayList<>()));
    Fiber<Integer> bad = fiber("Jobs.bad", new Thrower<>(new RuntimeException("x"), 0));

    assertTrue(ok.toString().contains("Jobs.ok"), ok.toString());
    assertTrue(ok.toString().contains(String.valueOf(ok.id())), ok.toString());
    assertTrue(ok.toString().contains("new"), ok.toString());

    s.spawn(ok);
    s.spawn(bad);
    assertTrue(ok.toString().contains("runnable"), ok.toString());

    s.run();

    assertTrue(ok.toString().contains("Jobs.ok"), ok.toString());
    assertTrue(ok.toString().contains("done"), ok.toString());
    assertTrue(bad.toString().contains("Jobs.bad"), bad.toString());
    assertTrue(bad.toString().contains("failed"), bad.toString());
  }

  @Test
  void aNewFibersTopIsItsBodyAndItsMachineKnowsItsFiber() {
    Value<Integer> body = new Value<>(1);
    Fiber<Integer> f = fiber("f", body);
    assertSame(body, f.top);
    assertSame(f, body.fiber);
    assertNull(body.caller);
  }
}
