package dev.fibered.benchmarks.peers;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workloads on Loom virtual threads. The project compiles for Java 17, so
 * {@code Thread.startVirtualThread} is reached through a method handle; on a JVM before 21 the peer
 * reports itself unavailable. The number of carriers is the JVM's
 * {@code jdk.virtualThreadScheduler.parallelism}, which the harness sets when it starts the JVM.
 */
public final class ThreadPeer implements Peer {
  private static final MethodHandle START_VIRTUAL = startVirtual();

  private static MethodHandle startVirtual() {
    try {
      return MethodHandles.publicLookup().findStatic(
          Thread.class, "startVirtualThread", MethodType.methodType(Thread.class, Runnable.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  static Thread start(Runnable task) {
    try {
      return (Thread) START_VIRTUAL.invokeExact(task);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Carriers come from the JVM flag; a mismatch means the harness started the JVM wrongly. */
  static void checkCarriers(int carriers) {
    String set = System.getProperty("jdk.virtualThreadScheduler.parallelism");
    if (set == null || Integer.parseInt(set) != carriers) {
      throw new IllegalStateException(
          "virtual threads need -Djdk.virtualThreadScheduler.parallelism=" + carriers);
    }
  }

  @Override
  public String name() {
    return "virtual threads";
  }

  @Override
  public String unavailable() {
    return START_VIRTUAL == null
        ? "no virtual threads on Java " + Runtime.version().feature() + " (needs 21+)"
        : null;
  }

  @Override
  public long skynet(int leaves, int carriers) {
    checkCarriers(carriers);
    long[] result = new long[1];
    join(start(() -> result[0] = skynetNode(0, leaves)));
    return result[0];
  }

  static long skynetNode(long num, int size) {
    if (size == 1) {
      return num;
    }
    int sub = size / 10;
    long[] results = new long[10];
    Thread[] kids = new Thread[10];
    for (int i = 0; i < 10; i++) {
      int index = i;
      kids[i] = start(() -> results[index] = skynetNode(num + (long) index * sub, sub));
    }
    long sum = 0;
    for (int i = 0; i < 10; i++) {
      join(kids[i]);
      sum += results[i];
    }
    return sum;
  }

  /** Whose turn it is and how many hand-overs so far. */
  static final class Token {
    volatile int turn;
    volatile long hops;
  }

  @Override
  public long yieldHops(long hops) {
    checkCarriers(1);
    Token token = new Token();
    // Both are started from a virtual thread, so both wait in its carrier's queue. Started from
    // a platform thread, the second one sat in the pool's external queue while the first one
    // yielded and was picked again, forever (seen on JDK 25 with one carrier).
    join(start(() -> {
      Thread a = start(() -> yielder(token, 0, hops));
      Thread b = start(() -> yielder(token, 1, hops));
      join(a);
      join(b);
    }));
    return token.hops;
  }

  static void yielder(Token token, int me, long hops) {
    while (token.hops < hops) {
      if (token.turn == me) {
        token.turn = 1 - me;
        token.hops++;
      }
      Thread.yield();
    }
  }

  @Override
  public long channelHops(long hops) {
    checkCarriers(1);
    SynchronousQueue<Long> there = new SynchronousQueue<>();
    SynchronousQueue<Long> back = new SynchronousQueue<>();
    long[] result = new long[1];
    Thread pinger = start(() -> {
      long value = 0;
      while (value < hops) {
        put(there, value + 1);
        value = take(back);
      }
      result[0] = value;
    });
    Thread ponger = start(() -> {
      while (true) {
        long value = take(there);
        put(back, value + 1);
        if (value + 1 >= hops) {
          return;
        }
      }
    });
    join(pinger);
    join(ponger);
    return result[0];
  }

  static void put(SynchronousQueue<Long> queue, long value) {
    try {
      queue.put(value);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static long take(SynchronousQueue<Long> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long spawnJoin(int n) {
    checkCarriers(1);
    int[] results = new int[n];
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      int index = i;
      threads[i] = start(() -> results[index] = 1);
    }
    long sum = 0;
    for (int i = 0; i < n; i++) {
      join(threads[i]);
      sum += results[i];
    }
    return sum;
  }

  @Override
  public long[] footprint(int n) {
    checkCarriers(1);
    Thread[] threads = new Thread[n];
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger waiting = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long base = Heap.settledUsed();
    for (int i = 0; i < n; i++) {
      threads[i] = start(() -> {
        waiting.incrementAndGet();
        try {
          go.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        done.incrementAndGet();
      });
    }
    while (waiting.get() < n) {
      Thread.onSpinWait();
    }
    for (Thread thread : threads) {
      while (thread.getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
    }
    long used = Heap.settledUsed() - base;
    go.countDown();
    for (Thread thread : threads) {
      join(thread);
    }
    return new long[] {used, done.get()};
  }

  @Override
  public int ring(int nodes, long hops, int depth, int carriers) {
    checkCarriers(carriers);
    @SuppressWarnings("unchecked")
    SynchronousQueue<Long>[] channels = new SynchronousQueue[nodes];
    for (int i = 0; i < nodes; i++) {
      channels[i] = new SynchronousQueue<>();
    }
    int[] results = new int[nodes];
    Thread[] members = new Thread[nodes];
    for (int i = 0; i < nodes; i++) {
      int index = i;
      members[i] = start(() -> results[index] =
          ringNode(channels[index], channels[(index + 1) % nodes], nodes, depth));
    }
    put(channels[0], hops);
    int winner = -1;
    for (int i = 0; i < nodes; i++) {
      join(members[i]);
      if (results[i] == 1) {
        winner = i;
      }
    }
    return winner;
  }

  /** As in {@link FiberedPeer#ringNode}: {@code depth} frames deep, then pass the token on. */
  static int ringNode(SynchronousQueue<Long> in, SynchronousQueue<Long> out, int nodes, int depth) {
    if (depth > 1) {
      int deeper = ringNode(in, out, nodes, depth - 1);
      return deeper;
    }
    while (true) {
      long value = take(in);
      if (value > -(nodes - 1)) {
        put(out, value - 1);
      }
      if (value <= 0) {
        return value == 0 ? 1 : 0;
      }
    }
  }

  @Override
  public long[] fairness(int carriers, int spinners, long sliceMs, long durationMs) {
    checkCarriers(carriers);
    long deadline = System.nanoTime() + durationMs * 1_000_000L;
    LongLog lateness = new LongLog();
    Thread probe = start(() -> {
      while (true) {
        long begin = System.nanoTime();
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        lateness.add(System.nanoTime() - begin - 1_000_000L);
        if (System.nanoTime() >= deadline) {
          return;
        }
      }
    });
    long[] counts = new long[spinners];
    Thread[] spinning = new Thread[spinners];
    for (int i = 0; i < spinners; i++) {
      int index = i;
      spinning[i] = start(() -> {
        long n = 0;
        do { // at least one turn: a loaded machine may start a spinner after the deadline
          n++;
        } while (System.nanoTime() < deadline);
        counts[index] = n;
      });
    }
    for (Thread thread : spinning) {
      join(thread);
    }
    join(probe);
    return lateness.after(counts);
  }
}
