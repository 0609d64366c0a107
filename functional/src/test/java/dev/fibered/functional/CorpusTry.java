package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Lock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * try/catch/finally with switch points inside the try, the catch and the finally blocks: each
 * method logs what ran, in order, and returns the log, so the fiber's run can be compared with the
 * direct call's.
 */
final class CorpusTry {
  private CorpusTry() {}

  /** An unchecked exception of the tests' own. */
  static class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }

    String tag() {
      return "boom:" + getMessage();
    }
  }

  /** Another, sharing {@link Boom}'s methods, for multi-catch. */
  static final class BigBoom extends Boom {
    private static final long serialVersionUID = 1L;

    BigBoom(String message) {
      super(message);
    }
  }

  /** A sibling of {@link BigBoom}. */
  static final class SmallBoom extends Boom {
    private static final long serialVersionUID = 1L;

    SmallBoom(String message) {
      super(message);
    }
  }

  /** A third, unrelated to the others but for RuntimeException. */
  static final class Fizz extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fizz(String message) {
      super(message);
    }
  }

  /** Yields, then throws {@link Boom} when {@code n} is odd; returns n * 10 otherwise. */
  @Fibered
  static int mayThrow(int n) {
    Fiber.yieldNow();
    if (n % 2 == 1) {
      throw new Boom("odd " + n);
    }
    return n * 10;
  }

  /** Two levels of @Fibered calls between the throw and the catch; the middle one has a finally. */
  @Fibered
  static int middle(int n, List<String> log) {
    try {
      int v = mayThrow(n);
      log.add("middle got " + v);
      return v + 1;
    } finally {
      Fiber.yieldNow();
      log.add("middle finally " + n);
    }
  }

  @Fibered
  static String catchAroundCall(int n) {
    List<String> log = new ArrayList<>();
    try {
      log.add("try");
      int v = mayThrow(n);
      log.add("value " + v);
    } catch (Boom e) {
      log.add("caught " + e.getMessage());
    } finally {
      log.add("finally");
    }
    log.add("after");
    return String.join(",", log);
  }

  @Fibered
  static String switchPointsInCatchAndFinally(int n) {
    List<String> log = new ArrayList<>();
    for (int i = n; i < n + 3; i++) {
      try {
        int v = mayThrow(i);
        log.add("v" + v);
      } catch (Boom e) {
        Fiber.yieldNow();
        int again = mayThrow(i + 1);
        log.add("catch " + e.getMessage() + " then " + again);
      } finally {
        Fiber.yield();
        int f = mayThrow(2 * i);
        log.add("finally " + f);
      }
    }
    return String.join(",", log);
  }

  @Fibered
  static String acrossTwoCalls(int n) {
    List<String> log = new ArrayList<>();
    try {
      int v = middle(n, log);
      log.add("outer got " + v);
    } catch (Boom e) {
      log.add("outer caught " + e.getMessage());
    }
    return String.join(",", log);
  }

  /** The value returned is the one before the finally block changed the variable. */
  @Fibered
  static int returnValueIsTakenBeforeFinally(int n) {
    int x = n;
    try {
      Fiber.yieldNow();
      return x;
    } finally {
      x = -1;
      Fiber.yieldNow();
    }
  }

  @Fibered
  static String returnThroughNestedFinallies(int n, List<String> log) {
    try {
      log.add("outer try");
      try {
        for (int i = 0; i < 10; i++) {
          int v = mayThrow(2 * i);
          if (i == n) {
            return "returned " + v;
          }
        }
      } finally {
        log.add("inner finally");
        Fiber.yieldNow();
      }
      log.add("after inner");
    } finally {
      log.add("outer finally");
    }
    return "fell through";
  }

  @Fibered
  static String logOfReturnThroughNestedFinallies(int n) {
    List<String> log = new ArrayList<>();
    String r = returnThroughNestedFinallies(n, log);
    log.add(r);
    return String.join(",", log);
  }

  @Fibered
  static String breakAndContinueThroughFinally(int n) {
    List<String> log = new ArrayList<>();
    outer:
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < n; i++) {
        try {
          Fiber.yieldNow();
          if (i == 1) {
            continue;
          }
          if (i == 3) {
            break;
          }
          if (j == 2 && i == 2) {
            break outer;
          }
          log.add(j + "." + i);
        } finally {
          log.add("f" + j + "." + i);
        }
      }
      log.add("end " + j);
    }
    return String.join(",", log);
  }

  /** An exception from the finally block replaces the one the try threw. */
  @Fibered
  static String finallyThrowReplaces(int n) {
    try {
      mayThrow(1);
    } finally {
      Fiber.yieldNow();
      if (n > 0) {
        throw new Fizz("from finally " + n);
      }
    }
    return "unreachable unless n <= 0 ... " + n;
  }

  /** A return in the finally block discards the exception. */
  @Fibered
  @SuppressWarnings("finally")
  static String finallyReturnDiscards(int n) {
    try {
      mayThrow(2 * n + 1);
    } finally {
      Fiber.yieldNow();
      return "discarded " + n;
    }
  }

  @Fibered
  static String multiCatch(int n) {
    List<String> log = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      try {
        Fiber.yieldNow();
        if (i % 3 == 0) {
          throw new BigBoom("big " + i);
        }
        if (i % 3 == 1) {
          throw new Fizz("fizz " + i);
        }
        int v = mayThrow(i);
        log.add("v" + v);
      } catch (BigBoom | Fizz e) {
        Fiber.yieldNow();
        log.add("multi " + e.getMessage());
      } catch (Boom e) {
        Fiber.yieldNow();
        log.add(e.tag());
      }
    }
    return String.join(",", log);
  }

  /** The multi-catch parameter has the members of the alternatives' nearest common superclass. */
  @Fibered
  static String multiCatchCommonSuperclass(int n) {
    try {
      int v = mayThrow(n);
      if (v > 10) {
        throw new SmallBoom("small " + v);
      }
      throw new BigBoom("big " + v);
    } catch (BigBoom | SmallBoom e) {
      Fiber.yieldNow();
      return e.tag();
    }
  }

  /** A catch that rethrows something else after a switch point; the fiber fails with it. */
  @Fibered
  static int rethrowWrapped(int n) {
    try {
      return mayThrow(n);
    } catch (Boom e) {
      Fiber.yieldNow();
      throw new IllegalArgumentException("wrapped " + e.getMessage(), e);
    }
  }

  /** A long loop inside a try, preempted by its checks, then an exception out of it. */
  @Fibered
  static long loopInsideTry(int n) {
    long sum = 0;
    try {
      for (int i = 0; i < n; i++) {
        sum += i;
      }
      if (n > 100) {
        throw new Boom("sum " + sum);
      }
    } catch (Boom e) {
      sum = -sum;
    } finally {
      sum += 1;
    }
    return sum;
  }

  /** Exceptions the JVM throws inside a lowered try are caught like any other. */
  @Fibered
  static String jvmExceptions(int[] values, int index) {
    List<String> log = new ArrayList<>();
    try {
      Fiber.yieldNow();
      log.add("got " + values[index]);
      log.add("div " + (10 / values[index]));
    } catch (ArrayIndexOutOfBoundsException | ArithmeticException e) {
      log.add(e.getClass().getSimpleName());
    }
    return String.join(",", log);
  }

  /** A try that only has a finally, with the exception passing through to the caller. */
  @Fibered
  static int finallyOnly(int n, List<String> log) {
    try {
      return mayThrow(n);
    } finally {
      log.add("finally " + n);
    }
  }

  // ------------------------------------------------------------------ try-with-resources

  /** A resource that logs its closing, and may fail to close. */
  static final class Resource implements AutoCloseable {
    final String name;
    private final List<String> log;
    private final boolean failsToClose;

    Resource(String name, List<String> log, boolean failsToClose) {
      this.name = name;
      this.log = log;
      this.failsToClose = failsToClose;
      log.add("open " + name);
    }

    @Override
    public void close() {
      log.add("close " + name);
      if (failsToClose) {
        throw new Fizz("close " + name);
      }
    }
  }

  /**
   * A break out of a try-with-resources whose close fails: the failure replaces the break, a
   * catch around takes it, and the loop goes on (fuzzer seed 10685).
   */
  @Fibered
  static String breakThroughAFailingClose(int n) {
    List<String> log = new ArrayList<>();
    for (int v : new int[] {n, n}) {
      try {
        try (Resource r = new Resource("r" + v, log, true)) {
          log.add("in " + r.name);
          if (n > 1) {
            break;
          }
        } catch (Fizz e) {
          log.add("caught " + e.getMessage());
        } finally {
          log.add("inner finally");
        }
      } finally {
        log.add("outer finally");
      }
    }
    return String.join(",", log);
  }

  @Fibered
  static Resource open(String name, List<String> log, boolean failsToClose) {
    Fiber.yieldNow();
    return new Resource(name, log, failsToClose);
  }

  /**
   * Two resources, the second opened by a @Fibered call: closed in reverse order on every way
   * out; a failure to close is suppressed by the body's exception, or thrown if there is none.
   */
  @Fibered
  static String resources(int n, boolean failToClose) {
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try (Resource a = new Resource("a" + i, log, failToClose);
          Resource b = open("b" + i, log, false)) {
        int v = mayThrow(i + n);
        log.add("body " + v + " in " + a.name + "/" + b.name);
        if (i == 1) {
          continue;
        }
        log.add("end " + i);
      } catch (Boom | Fizz e) {
        Fiber.yieldNow();
        log.add("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length);
      } finally {
        log.add("finally " + i);
      }
    }
    return String.join(",", log);
  }

  /** An existing variable as the resource; the return goes out through its close. */
  @Fibered
  static String resourceVariable(List<String> log) {
    Resource r = new Resource("r", log, false);
    try (r) {
      int v = mayThrow(4);
      return "returned " + v;
    }
  }

  // ------------------------------------------------------------------ runtime exceptions raised

  /** Sleeps in a try; its finally runs when the fiber is cancelled there. */
  @Fibered
  static String cleanupOnCancel(List<String> log) {
    try {
      log.add("sleeping");
      Fiber.sleep(Duration.ofHours(1));
      log.add("woke");
    } finally {
      log.add("finally");
    }
    return "done";
  }

  /**
   * Catches its cancellation and goes on without waiting; a wait after that raises it again
   * (a cancelled fiber cannot wait any more).
   */
  @Fibered
  static String catchesCancellation(List<String> log) {
    try {
      Fiber.sleep(Duration.ofHours(1));
    } catch (CancellationException e) {
      log.add("caught");
    }
    log.add("goes on");
    try {
      Fiber.sleep(Duration.ofMillis(1));
      log.add("slept again");
    } catch (CancellationException e) {
      log.add("caught again");
    }
    return "survived";
  }

  /** Catches what is thrown into it and waits again: a thrown-in exception is raised once. */
  @Fibered
  static String catchesThrownIn(List<String> log) {
    try {
      Fiber.sleep(Duration.ofHours(1));
    } catch (IllegalStateException e) {
      log.add("caught " + e.getMessage());
    }
    Fiber.sleep(Duration.ofMillis(1));
    log.add("slept again");
    return "survived";
  }

  /** Unlocks in a finally block: a cancelled holder gives the lock back by its own code. */
  @Fibered
  static void holdAndSleep(Lock lock, List<String> log) {
    lock.lock();
    try {
      log.add("holding");
      Fiber.sleep(Duration.ofHours(1));
    } finally {
      lock.unlock();
      log.add("unlocked");
    }
  }

  @Fibered
  static String takeLock(Lock lock) {
    lock.lock();
    try {
      Fiber.yieldNow();
      return "took it";
    } finally {
      lock.unlock();
    }
  }
}
