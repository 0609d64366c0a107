package dev.fibered.examples;

import dev.fibered.Async;
import dev.fibered.Channel;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.FiberLocal;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * gruvi's features in Fibered: {@code sleep}, an {@code Event}, a fiber {@code local}, blocking work
 * on a thread pool, and {@code run_callback} from another thread (here {@code
 * Scheduler.execute}).
 */
public final class GruviStyle {
  private GruviStyle() {}

  static final FiberLocal<String> REQUEST = FiberLocal.create();

  @Fibered
  static void sleepThenSay(String name, long millis) {
    Fiber.sleep(Duration.ofMillis(millis));
    Log.line(name + " woke after " + millis + " ms");
  }

  @Fibered
  static void waitForReady(Event ready) {
    ready.await();
    Log.line("waiter: the event is set");
  }

  @Fibered
  static void setReady(Event ready) {
    Fiber.sleep(Duration.ofMillis(5));
    Log.line("setter: setting the event");
    ready.set();
  }

  /** Each fiber keeps its own request id across a switch. */
  @Fibered
  static void handle(String request) {
    REQUEST.set(request);
    Fiber.yieldNow();
    Log.line("handling " + REQUEST.get());
  }

  /** Blocking work runs on a pool thread while the fiber waits. */
  @Fibered
  static void lookup(String key) {
    String value = Async.blocking(slowLookup(key));
    Log.line("looked up " + key + " = " + value);
  }

  static Callable<String> slowLookup(String key) {
    return () -> {
      Thread.sleep(10); // a blocking call, kept off the scheduler's thread
      return key.toUpperCase(java.util.Locale.ROOT);
    };
  }

  @Fibered
  static void receiveOne(Channel<String> inbox) {
    String message = inbox.receive();
    Log.line("fiber received: " + message);
  }

  public static void main(String[] args) throws InterruptedException {
    Scheduler scheduler = Scheduler.create();
    // Spawned out of order, woken in deadline order; 100 ms apart so that the order holds even
    // when a loaded machine starts the three sleeps tens of milliseconds apart.
    scheduler.spawn(GruviStyleFibers.sleepThenSay("third", 300));
    scheduler.spawn(GruviStyleFibers.sleepThenSay("first", 100));
    scheduler.spawn(GruviStyleFibers.sleepThenSay("second", 200));
    scheduler.run();

    Event ready = new Event();
    scheduler.spawn(GruviStyleFibers.waitForReady(ready));
    scheduler.spawn(GruviStyleFibers.setReady(ready));
    scheduler.run();

    scheduler.spawn(GruviStyleFibers.handle("request-1"));
    scheduler.spawn(GruviStyleFibers.handle("request-2"));
    scheduler.run();

    scheduler.spawn(GruviStyleFibers.lookup("key"));
    scheduler.run();

    // run_callback: another thread hands a message to a fiber through the scheduler. The task
    // runs on the scheduler's thread, here at the start of the next run().
    Channel<String> inbox = Channel.unbounded();
    scheduler.spawn(GruviStyleFibers.receiveOne(inbox));
    Thread other = new Thread(() -> scheduler.execute(() -> inbox.trySend("hello from a thread")));
    other.start();
    other.join();
    scheduler.run();
  }
}
