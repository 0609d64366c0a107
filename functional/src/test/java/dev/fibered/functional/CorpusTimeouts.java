package dev.fibered.functional;

import dev.fibered.Channel;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Semaphore;
import java.time.Duration;
import java.util.List;

/** Waits with a time limit. */
final class CorpusTimeouts {
  private CorpusTimeouts() {}

  @Fibered
  static Integer pollFor(Channel<Integer> channel, long millis) {
    Integer v = channel.poll(Duration.ofMillis(millis));
    return v;
  }

  @Fibered
  static boolean offerFor(Channel<Integer> channel, int value, long millis) {
    boolean sent = channel.offer(value, Duration.ofMillis(millis));
    return sent;
  }

  @Fibered
  static void sendAfter(Channel<Integer> channel, long millis, int value) {
    Fiber.sleep(Duration.ofMillis(millis));
    channel.send(value);
  }

  @Fibered
  static boolean acquireFor(Semaphore permits, long millis) {
    boolean acquired = permits.tryAcquire(Duration.ofMillis(millis));
    return acquired;
  }

  @Fibered
  static void releaseAfter(Semaphore permits, long millis) {
    Fiber.sleep(Duration.ofMillis(millis));
    permits.release();
  }

  @Fibered
  static boolean awaitFor(Event event, long millis) {
    boolean set = event.await(Duration.ofMillis(millis));
    return set;
  }

  @Fibered
  static void setAfter(Event event, long millis) {
    Fiber.sleep(Duration.ofMillis(millis));
    event.set();
  }

  /** Waits 5 ms for a fiber that sleeps longer, then waits for it without a limit. */
  @Fibered
  static String joinWithLimit(Fiber<?> other, long millis) {
    boolean early = other.join(Duration.ofMillis(millis));
    other.join();
    boolean late = other.join(Duration.ofMillis(millis));
    return early + " then " + late;
  }

  /** A served poll, then a plain receive: the poll's timer must not end the second wait. */
  @Fibered
  static int pollThenReceive(Channel<Integer> channel, List<String> log) {
    Integer first = channel.poll(Duration.ofMillis(10));
    log.add("first " + first);
    int second = channel.receive();
    log.add("second " + second);
    return second;
  }
}
