package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import dev.fibered.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link dev.fibered.FiberLocal}: a value per fiber, per thread outside fibers, inherited on
 * request; and a fiber's family: its parent, and the children it is told of as they end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalsTest {

  @Test
  void eachFiberSeesItsOwnValueAcrossSwitches() {
    Scheduler s = Scheduler.create();
    Fiber<String> a = s.spawn(CorpusLocalsFibers.roundTrip("a"));
    Fiber<String> b = s.spawn(CorpusLocalsFibers.roundTrip("b"));
    s.run();
    assertEquals("a", a.result());
    assertEquals("b", b.result());
    assertNull(CorpusLocals.NAME.get(), "plain code outside fibers has its own value");
  }

  @Test
  void initialValuesArePerFiber() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> a = s.spawn(CorpusLocalsFibers.counts());
    Fiber<Integer> b = s.spawn(CorpusLocalsFibers.counts());
    s.run();
    assertEquals(102, a.result());
    assertEquals(102, b.result());
  }

  @Test
  void aChildInheritsOnlyInheritableLocalsAndKnowsItsParent() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<String> parent = s.spawn(CorpusLocalsFibers.parentOfChild(log));
    s.run();
    assertEquals("null / from parent", parent.result());
    assertEquals(List.of("child parent is CorpusLocals.parentOfChild", "parent still from parent"), log);
    assertNull(parent.parent(), "spawned from plain code");
  }

  @Test
  void aParentIsToldOfEachChildAsItEnds() {
    // Virtual time: the children's 5, 10 and 15 ms sleeps end in that order and apart, whatever
    // the machine's load (in real time a stalled thread can wake two of them at once).
    Seeds.check(
        1,
        20,
        s -> {
          List<String> log = new ArrayList<>();
          s.spawn(CorpusLocalsFibers.superviseChildren(log));
          s.run();
          assertEquals(
              List.of(
                  "child 5", "told: CorpusWaits.child DONE",
                  "child 10", "told: CorpusWaits.child DONE",
                  "child 15", "told: CorpusWaits.child DONE",
                  "no child left"),
              log);
        });
  }

  @Test
  void outsideFibersItIsPerThread() throws Exception {
    CorpusLocals.NAME.set("main");
    String[] other = new String[1];
    Thread t = new Thread(() -> other[0] = CorpusLocals.NAME.get());
    t.start();
    t.join();
    assertEquals("main", CorpusLocals.NAME.get());
    assertNull(other[0]);
    CorpusLocals.NAME.remove();
    assertNull(CorpusLocals.NAME.get());
  }
}
