package dev.fibered.benchmarks.harness;

import dev.fibered.Preemption;
import dev.fibered.benchmarks.peers.FiberedPeer;
import dev.fibered.benchmarks.peers.KotlinAdapter;
import dev.fibered.benchmarks.peers.Peer;
import dev.fibered.benchmarks.peers.ThreadPeer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one case of one peer in this JVM: {@code warmup} untimed runs, then {@code iterations}
 * timed ones, each printed as {@code sample <metric> <value>}. Every run's answer is checked; a
 * wrong one throws, so the JVM exits non-zero and the harness fails. A shape the peer cannot run
 * prints {@code unsupported <why>}.
 *
 * <p>Arguments: case, peer, carriers, size, param, warmup, iterations.
 */
public final class Child {
  /** Members of the ring, as in the Computer Language Benchmarks Game's thread-ring. */
  static final int RING_NODES = 503;

  private Child() {}

  public static void main(String[] args) {
    String name = args[0];
    Peer peer = peer(args[1]);
    int carriers = Integer.parseInt(args[2]);
    long size = Long.parseLong(args[3]);
    long param = Long.parseLong(args[4]);
    int warmup = Integer.parseInt(args[5]);
    int iterations = Integer.parseInt(args[6]);
    try {
      for (int i = 0; i < warmup; i++) {
        run(name, peer, carriers, size, param);
      }
      for (int i = 0; i < iterations; i++) {
        for (Map.Entry<String, Double> sample : run(name, peer, carriers, size, param).entrySet()) {
          System.out.println("sample " + sample.getKey() + " " + sample.getValue());
        }
      }
    } catch (Peer.Unsupported e) {
      System.out.println("unsupported " + e.getMessage());
    }
  }

  static Peer peer(String name) {
    switch (name) {
      case "fibered":
        return new FiberedPeer();
      case "fibered-ticker":
        return new FiberedPeer(Preemption.TICKER);
      case "threads":
        return new ThreadPeer();
      case "kotlin":
        return new KotlinAdapter();
      default:
        throw new IllegalArgumentException("unknown peer " + name);
    }
  }

  /** One run of a case: its answer checked, its measures returned by name. */
  static Map<String, Double> run(String name, Peer peer, int carriers, long size, long param) {
    Map<String, Double> out = new LinkedHashMap<>();
    long start = System.nanoTime();
    switch (name) {
      case "skynet": {
        long sum = peer.skynet((int) size, carriers);
        expect(name, size * (size - 1) / 2, sum);
        out.put("ms", (System.nanoTime() - start) / 1e6);
        break;
      }
      case "yield": {
        expect(name, size, peer.yieldHops(size));
        out.put("ns/hop", (System.nanoTime() - start) / (double) size);
        break;
      }
      case "channel": {
        expect(name, size, peer.channelHops(size));
        out.put("ns/hop", (System.nanoTime() - start) / (double) size);
        break;
      }
      case "spawn": {
        expect(name, size, peer.spawnJoin((int) size));
        out.put("ns/task", (System.nanoTime() - start) / (double) size);
        break;
      }
      case "footprint": {
        long[] held = peer.footprint((int) size);
        expect(name, size, held[1]);
        out.put("bytes/task", held[0] / (double) size);
        break;
      }
      case "ring": {
        int winner = peer.ring(RING_NODES, size, (int) param, carriers);
        expect(name, size % RING_NODES, winner);
        // The spent token goes once more round the ring so every member ends.
        out.put("ns/hop", (System.nanoTime() - start) / (double) (size + RING_NODES - 1));
        break;
      }
      case "fairness": {
        int spinners = 2 * carriers;
        long[] all = peer.fairness(carriers, spinners, param, size);
        long[] counts = Arrays.copyOf(all, spinners);
        long[] lateness = Arrays.copyOfRange(all, spinners, all.length);
        if (lateness.length == 0 || Arrays.stream(counts).sum() <= 0) {
          throw new AssertionError("fairness: the probe never woke or nobody spun");
        }
        Arrays.sort(lateness);
        out.put("p99 ms", lateness[(int) Math.ceil(0.99 * lateness.length) - 1] / 1e6);
        out.put("jain", jain(counts));
        break;
      }
      default:
        throw new IllegalArgumentException("unknown case " + name);
    }
    return out;
  }

  /** Jain's fairness index: 1 when all equal, 1/n when one gets everything. */
  static double jain(long[] shares) {
    double sum = 0;
    double squares = 0;
    for (long share : shares) {
      sum += share;
      squares += (double) share * share;
    }
    return sum * sum / (shares.length * squares);
  }

  static void expect(String name, long expected, long actual) {
    if (expected != actual) {
      throw new AssertionError(name + ": wrong answer " + actual + ", expected " + expected);
    }
  }
}
