package dev.fibered;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounded waiting for the tests that use more than one thread: every wait here has a timeout, and
 * every thread started here is a daemon, so a broken runtime fails a test instead of hanging the
 * build.
 */
final class TestThreads {
  /** Generous: the machine is shared and may be slow. Only reached when something is broken. */
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private TestThreads() {}

  /** A body that may throw anything. */
  @FunctionalInterface
  interface Body {
    void run() throws Throwable;
  }

  /** A daemon thread running a {@link Body}, whose failure is kept for {@link #await()}. */
  static final class Worker {
    final Thread thread;
    private volatile Throwable failure;

    private Worker(String name, Body body) {
      thread =
          new Thread(
              () -> {
                try {
                  body.run();
                } catch (Throwable t) {
                  failure = t;
                }
              },
              name);
      thread.setDaemon(true);
    }

    /** Starts a daemon thread named {@code name} that runs {@code body}. */
    static Worker start(String name, Body body) {
      Worker w = new Worker(name, body);
      w.thread.start();
      return w;
    }

    /** Waits up to {@code timeout} for the thread to end; returns whether it ended. */
    boolean awaitFor(Duration timeout) throws InterruptedException {
      thread.join(timeout.toMillis());
      return !thread.isAlive();
    }

    /** Waits (bounded) for the thread to end and rethrows what its body threw, if anything. */
    void await() throws Throwable {
      if (!awaitFor(TIMEOUT)) {
        fail("thread " + thread.getName() + " did not finish within " + TIMEOUT);
      }
      Throwable t = failure;
      if (t != null) {
        throw t;
      }
    }

    /** What the body threw, once the thread has ended. */
    Throwable failure() {
      return failure;
    }
  }

  /** Awaits the latch, failing the test after {@link #TIMEOUT}. */
  static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("latch not released within " + TIMEOUT);
    }
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes; returns whether it held. */
  static boolean waitUntil(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return condition.getAsBoolean();
      }
    }
    return true;
  }

  /** True while {@code t} is parked without a timeout, as in {@code Object.wait()}. */
  static boolean isWaiting(Thread t) {
    return t.getState() == Thread.State.WAITING;
  }
}
