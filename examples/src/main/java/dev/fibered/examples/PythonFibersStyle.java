package dev.fibered.examples;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.time.Duration;

/**
 * python-fibers' features in Fibered: passing a value from one fiber to another and back (its
 * {@code switch(value)}: {@code Fiber.transfer}), {@code current()}, a fiber's parent, and
 * {@code throw} into a waiting fiber (here {@code cancel()}).
 */
public final class PythonFibersStyle {
  private PythonFibersStyle() {}

  /**
   * Hands a value to the ponger and waits for its answer: {@code ponger.switch(value)}. It learns
   * who the ponger is from the first value handed to it.
   */
  @Fibered
  static void pinger(int rounds) {
    Fiber<?> ponger = Fiber.awaitTransfer();
    for (int i = 1; i <= rounds; i++) {
      String answer = Fiber.transfer(ponger, "ping " + i);
      Log.line("pinger got " + answer);
    }
    Fiber.handOver(ponger, null); // the last word: nothing comes back
  }

  @Fibered
  static void ponger(Fiber<?> pinger) {
    String message = Fiber.transfer(pinger, Fiber.current());
    while (message != null) {
      Log.line("ponger got " + message);
      message = Fiber.transfer(pinger, message.replace("ping", "pong"));
    }
  }

  /** Spawns a child beside itself and waits for it; the child knows its parent. */
  @Fibered
  static void parent() {
    Scheduler scheduler = Scheduler.current();
    Fiber<Void> child = scheduler.spawn(PythonFibersStyleFibers.child());
    child.join();
    Log.line("parent saw its child end");
  }

  @Fibered
  static void child() {
    Fiber<?> me = Fiber.current();
    Log.line(me.name() + " started by " + me.parent().name());
  }

  @Fibered
  static void sleeper() {
    Log.line("sleeper goes to sleep for an hour");
    Fiber.sleep(Duration.ofHours(1));
    Log.line("sleeper woke up"); // never: it is cancelled while it sleeps
  }

  /** Raises in the sleeping fiber, as python-fibers' {@code throw} would. */
  @Fibered
  static void canceller(Fiber<?> victim) {
    Fiber.yieldNow();
    victim.cancel();
    Log.line("canceller cancelled the sleeper");
  }

  public static void main(String[] args) {
    Scheduler scheduler = Scheduler.create();
    Fiber<Void> pinger = scheduler.spawn(PythonFibersStyleFibers.pinger(2));
    scheduler.spawn(PythonFibersStyleFibers.ponger(pinger));
    scheduler.run();

    scheduler.spawn(PythonFibersStyleFibers.parent());
    scheduler.run();

    Fiber<Void> sleeper = scheduler.spawn(PythonFibersStyleFibers.sleeper());
    scheduler.spawn(PythonFibersStyleFibers.canceller(sleeper));
    scheduler.run();
    Log.line("sleeper is " + sleeper.state());
  }
}
