package dev.fibered.examples;

import dev.fibered.Channel;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Pool;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * gevent's features in Fibered: {@code spawn} and {@code joinall}, a bounded {@code Pool}, and a
 * {@code Queue} with a timeout (here a {@code Channel}).
 */
public final class GeventStyle {
  private GeventStyle() {}

  @Fibered
  static int square(int n) {
    Fiber.sleep(Duration.ofMillis(5L * (4 - n)));
    return n * n;
  }

  /** Spawns several fibers and waits for all of them, like {@code gevent.joinall}. */
  @Fibered
  static void joinAll() {
    Scheduler scheduler = Scheduler.current();
    List<Fiber<Integer>> fibers = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      fibers.add(scheduler.spawn(GeventStyleFibers.square(n)));
    }
    Fiber.joinAll(fibers);
    int total = 0;
    for (Fiber<Integer> f : fibers) {
      int r = f.result();
      total += r;
    }
    Log.line("joinall: sum of squares = " + total);
  }

  @Fibered
  static void job(String name, int[] running) {
    running[0]++;
    running[1] = Math.max(running[1], running[0]);
    Fiber.sleep(Duration.ofMillis(2));
    running[0]--;
  }

  /** Runs six jobs through a pool of two, like {@code gevent.pool.Pool(2)}. */
  @Fibered
  static void pooled(Pool pool) {
    int[] running = {0, 0};
    for (int i = 1; i <= 6; i++) {
      pool.spawn(GeventStyleFibers.job("job " + i, running));
    }
    pool.join();
    Log.line("pool: 6 jobs done, at most " + running[1] + " at once");
  }

  @Fibered
  static void producer(Channel<Integer> queue) {
    for (int i = 1; i <= 3; i++) {
      queue.send(i);
    }
  }

  /** Takes from the queue until nothing arrives for 50 ms, like {@code queue.get(timeout=...)}. */
  @Fibered
  static void consumer(Channel<Integer> queue) {
    Integer item = queue.poll(Duration.ofMillis(50));
    while (item != null) {
      Log.line("queue: got " + item);
      item = queue.poll(Duration.ofMillis(50));
    }
    Log.line("queue: nothing for 50 ms, done");
  }

  public static void main(String[] args) {
    Scheduler scheduler = Scheduler.create();
    scheduler.spawn(GeventStyleFibers.joinAll());
    scheduler.run();

    scheduler.spawn(GeventStyleFibers.pooled(new Pool(scheduler, 2)));
    scheduler.run();

    Channel<Integer> queue = Channel.bounded(2);
    scheduler.spawn(GeventStyleFibers.producer(queue));
    scheduler.spawn(GeventStyleFibers.consumer(queue));
    scheduler.run();
  }
}
