package dev.fibered.examples;

import dev.fibered.Channel;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.time.Duration;

/**
 * python-fibers' features in Fibered: passing a value from one fiber to another and back (its
 * {@code switch(value)}, here over rendezvous channels), {@code current()}, a fiber's parent, and
 * {@code throw} into a waiting fiber (here {@code cancel()}).
 */
public final class PythonFibersStyle {
  private PythonFibersStyle() {}

  /** Hands a value over and waits for the answer, like {@code other.switch(value)}. */
  @Fibered
  static void pinger(Channel<String> there, Channel<String> back, int rounds) {
    for (int i = 1; i <= rounds; i++) {
      there.send("ping " + i);
      String answer = back.receive();
      Log.line("pinger got " + answer);
    }
    there.close();
  }

  @Fibered
  static void ponger(Channel<String> in, Channel<String> out) {
    String message = in.receiveOrNull();
    while (message != null) {
      Log.line("ponger got " + message);
      out.send(message.replace("ping", "pong"));
      message = in.receiveOrNull();
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
    Channel<String> there = Channel.rendezvous();
    Channel<String> back = Channel.rendezvous();
    scheduler.spawn(PythonFibersStyleFibers.pinger(there, back, 2));
    scheduler.spawn(PythonFibersStyleFibers.ponger(there, back));
    scheduler.run();

    scheduler.spawn(PythonFibersStyleFibers.parent());
    scheduler.run();

    Fiber<Void> sleeper = scheduler.spawn(PythonFibersStyleFibers.sleeper());
    scheduler.spawn(PythonFibersStyleFibers.canceller(sleeper));
    scheduler.run();
    Log.line("sleeper is " + sleeper.state());
  }
}
