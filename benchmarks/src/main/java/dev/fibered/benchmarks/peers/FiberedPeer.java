package dev.fibered.benchmarks.peers;

import dev.fibered.Channel;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Preemption;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The workloads as {@code @Fibered} methods on the runtime's schedulers. */
public final class FiberedPeer implements Peer {
  static final Duration ONE_MS = Duration.ofMillis(1);

  /** How the fairness case's checks learn that a slice is spent. */
  private final Preemption preemption;

  /** The peer with the default, counting preemption. */
  public FiberedPeer() {
    this(Preemption.COUNTING);
  }

  /** The peer whose fairness case uses {@code preemption}. */
  public FiberedPeer(Preemption preemption) {
    this.preemption = preemption;
  }

  @Override
  public String name() {
    return "Fibered";
  }

  @Override
  public String unavailable() {
    return null;
  }

  /** The scheduler for {@code carriers} threads: the single-threaded one for 1. */
  static Scheduler scheduler(int carriers, Duration slice) {
    Scheduler.Builder builder = Scheduler.builder().threads(carriers);
    if (slice != null) {
      builder.timeSlice(slice);
    }
    return builder.build();
  }

  @Override
  public long skynet(int leaves, int carriers) {
    Scheduler scheduler = scheduler(carriers, null);
    Fiber<Long> root = scheduler.spawn(FiberedPeerFibers.skynetNode(0, leaves));
    scheduler.run();
    return root.result();
  }

  @Fibered
  static long skynetNode(long num, int size) {
    if (size == 1) {
      return num;
    }
    Scheduler scheduler = Scheduler.current();
    int sub = size / 10;
    List<Fiber<Long>> kids = new ArrayList<>(10);
    for (int i = 0; i < 10; i++) {
      kids.add(scheduler.spawn(FiberedPeerFibers.skynetNode(num + (long) i * sub, sub)));
    }
    long sum = 0;
    for (int i = 0; i < 10; i++) {
      Fiber<Long> kid = kids.get(i);
      long value = kid.result();
      sum += value;
    }
    return sum;
  }

  /** Whose turn it is, and how many hand-overs so far; read and written by one thread. */
  static final class Token {
    int turn;
    long hops;
  }

  @Override
  public long yieldHops(long hops) {
    Scheduler scheduler = scheduler(1, null);
    Token token = new Token();
    scheduler.spawn(FiberedPeerFibers.yielder(token, 0, hops));
    scheduler.spawn(FiberedPeerFibers.yielder(token, 1, hops));
    scheduler.run();
    return token.hops;
  }

  @Fibered
  static void yielder(Token token, int me, long hops) {
    while (token.hops < hops) {
      if (token.turn == me) {
        token.turn = 1 - me;
        token.hops++;
      }
      Fiber.yieldNow();
    }
  }

  @Override
  public long channelHops(long hops) {
    Scheduler scheduler = scheduler(1, null);
    Channel<Long> there = Channel.rendezvous();
    Channel<Long> back = Channel.rendezvous();
    Fiber<Long> pinger = scheduler.spawn(FiberedPeerFibers.pinger(there, back, hops));
    scheduler.spawn(FiberedPeerFibers.ponger(there, back, hops));
    scheduler.run();
    return pinger.result();
  }

  @Fibered
  static long pinger(Channel<Long> out, Channel<Long> in, long hops) {
    long value = 0;
    while (value < hops) {
      out.send(value + 1);
      value = in.receive();
    }
    return value;
  }

  @Fibered
  static void ponger(Channel<Long> in, Channel<Long> out, long hops) {
    while (true) {
      long value = in.receive();
      out.send(value + 1);
      if (value + 1 >= hops) {
        return;
      }
    }
  }

  @Override
  public long spawnJoin(int n) {
    Scheduler scheduler = scheduler(1, null);
    Fiber<Long> parent = scheduler.spawn(FiberedPeerFibers.spawner(n));
    scheduler.run();
    return parent.result();
  }

  @Fibered
  static long spawner(int n) {
    Scheduler scheduler = Scheduler.current();
    List<Fiber<Integer>> kids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      kids.add(scheduler.spawn(FiberedPeerFibers.empty()));
    }
    long sum = 0;
    for (int i = 0; i < n; i++) {
      Fiber<Integer> kid = kids.get(i);
      int value = kid.result();
      sum += value;
    }
    return sum;
  }

  @Fibered
  static int empty() {
    return 1;
  }

  @Override
  public long[] footprint(int n) {
    List<Fiber<Integer>> held = new ArrayList<>(n);
    Event go = new Event();
    Scheduler scheduler = scheduler(1, null);
    long base = Heap.settledUsed();
    for (int i = 0; i < n; i++) {
      held.add(scheduler.spawn(FiberedPeerFibers.held(go)));
    }
    Fiber<Long> measurer = scheduler.spawn(FiberedPeerFibers.measurer(go, base));
    scheduler.run();
    long done = 0;
    for (Fiber<Integer> fiber : held) {
      done += fiber.result();
    }
    return new long[] {measurer.result(), done};
  }

  @Fibered
  static int held(Event go) {
    go.await();
    return 1;
  }

  /** Runs after every held fiber has reached its wait (they were spawned first). */
  @Fibered
  static long measurer(Event go, long base) {
    Fiber.yieldNow();
    long used = Heap.settledUsed();
    go.set();
    return used - base;
  }

  @Override
  public int ring(int nodes, long hops, int depth, int carriers) {
    Scheduler scheduler = scheduler(carriers, null);
    List<Channel<Long>> channels = new ArrayList<>(nodes);
    for (int i = 0; i < nodes; i++) {
      channels.add(Channel.rendezvous());
    }
    List<Fiber<Integer>> members = new ArrayList<>(nodes);
    for (int i = 0; i < nodes; i++) {
      members.add(scheduler.spawn(FiberedPeerFibers.ringNode(
          channels.get(i), channels.get((i + 1) % nodes), nodes, depth)));
    }
    scheduler.spawn(FiberedPeerFibers.start(channels.get(0), hops));
    scheduler.run();
    int winner = -1;
    for (int i = 0; i < nodes; i++) {
      if (members.get(i).result() == 1) {
        winner = i;
      }
    }
    return winner;
  }

  @Fibered
  static void start(Channel<Long> first, long hops) {
    first.send(hops);
  }

  /**
   * Goes {@code depth} calls deep, then passes the token on until it is spent, so every switch of
   * this member happens with {@code depth} machines on its stack. The member that receives 0
   * returns 1; the spent token (negative) goes once round the ring so every member ends.
   */
  @Fibered
  static int ringNode(Channel<Long> in, Channel<Long> out, int nodes, int depth) {
    if (depth > 1) {
      int deeper = ringNode(in, out, nodes, depth - 1);
      return deeper;
    }
    while (true) {
      long value = in.receive();
      if (value > -(nodes - 1)) {
        out.send(value - 1);
      }
      if (value <= 0) {
        return value == 0 ? 1 : 0;
      }
    }
  }

  @Override
  public long[] fairness(int carriers, int spinners, long sliceMs, long durationMs) {
    Scheduler scheduler = Scheduler.builder().threads(carriers).timeSlice(Duration.ofMillis(sliceMs))
        .preemption(preemption).build();
    long deadline = System.nanoTime() + durationMs * 1_000_000L;
    LongLog lateness = new LongLog();
    scheduler.spawn(FiberedPeerFibers.probe(lateness, deadline));
    List<Fiber<Long>> spinning = new ArrayList<>(spinners);
    for (int i = 0; i < spinners; i++) {
      spinning.add(scheduler.spawn(FiberedPeerFibers.spin(deadline)));
    }
    scheduler.run();
    long[] counts = new long[spinners];
    for (int i = 0; i < spinners; i++) {
      counts[i] = spinning.get(i).result();
    }
    return lateness.after(counts);
  }

  /** No yield written: only the compiled-in back-edge check lets the others run. */
  @Fibered
  static long spin(long deadline) {
    long n = 0;
    do { // at least one turn: a loaded machine may start a spinner after the deadline
      n++;
    } while (System.nanoTime() < deadline);
    return n;
  }

  @Fibered
  static void probe(LongLog lateness, long deadline) {
    while (true) {
      long start = System.nanoTime();
      Fiber.sleep(ONE_MS);
      lateness.add(System.nanoTime() - start - 1_000_000L);
      if (System.nanoTime() >= deadline) {
        return;
      }
    }
  }
}
