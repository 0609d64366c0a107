package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.FiberLocal;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.util.List;

/** Fiber-local values, plain and inheritable. */
final class CorpusLocals {
  private CorpusLocals() {}

  static final FiberLocal<String> NAME = FiberLocal.create();
  static final FiberLocal<String> INHERITED = FiberLocal.inheritable(() -> "none");
  static final FiberLocal<Integer> COUNTER = FiberLocal.withInitial(() -> 100);

  /** Sets its own name, lets the others run, and reports what it sees. */
  @Fibered
  static String roundTrip(String name) {
    NAME.set(name);
    Fiber.yieldNow();
    String seen = NAME.get();
    return seen;
  }

  /** Sets both locals, spawns a child, waits for it; returns what the child saw. */
  @Fibered
  static String parentOfChild(List<String> log) {
    NAME.set("parent");
    INHERITED.set("from parent");
    Fiber<String> child = Scheduler.current().spawn(CorpusLocalsFibers.childSees(log));
    String seen = child.result();
    log.add("parent still " + INHERITED.get());
    return seen;
  }

  @Fibered
  static String childSees(List<String> log) {
    String seen = NAME.get() + " / " + INHERITED.get();
    INHERITED.set("from child");
    Fiber<?> me = Fiber.current(); // typed: "parent" is also a @Fibered method's name here
    log.add("child parent is " + me.parent().name());
    return seen;
  }

  /** Spawns children that end in a different order, and hears of each as it ends. */
  @Fibered
  static void superviseChildren(List<String> log) {
    Scheduler scheduler = Scheduler.current();
    for (int i = 3; i >= 1; i--) {
      scheduler.spawn(CorpusWaitsFibers.child(i * 5, log));
    }
    Fiber<?> ended = Fiber.awaitChild();
    while (ended != null) {
      log.add("told: " + ended.name() + " " + ended.state());
      ended = Fiber.awaitChild();
    }
    log.add("no child left");
  }

  @Fibered
  static int counts() {
    COUNTER.set(COUNTER.get() + 1);
    Fiber.yieldNow();
    COUNTER.set(COUNTER.get() + 1);
    int seen = COUNTER.get();
    return seen;
  }
}
