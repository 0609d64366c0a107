package dev.fibered.benchmarks.peers;

/**
 * One implementation of every harness workload. Each peer (Fibered, virtual threads, Kotlin
 * coroutines) does the same work and returns the same answer, which the harness checks; only the
 * time or memory it takes differs. "Carriers" is the number of OS threads the peer may use.
 */
public interface Peer {
  /** The peer's name as the table shows it. */
  String name();

  /** Why this peer cannot run on this JVM, or null when it can. */
  String unavailable();

  /** Skynet: a tree of tasks, ten children each, down to {@code leaves} leaves; the sum of ids. */
  long skynet(int leaves, int carriers);

  /** Two tasks hand a turn back and forth by yielding; returns the number of hand-overs. */
  long yieldHops(long hops);

  /** Two tasks pass a counter through two rendezvous channels; returns its last value. */
  long channelHops(long hops);

  /** Creates {@code n} empty tasks and joins them all; returns the sum of their results (1 each). */
  long spawnJoin(int n);

  /**
   * Holds {@code n} tasks suspended on one event; returns {bytes of heap they hold, number of
   * tasks that completed after the event was set}.
   */
  long[] footprint(int n);

  /**
   * {@code nodes} tasks in a ring of rendezvous channels pass a token {@code hops} times, each
   * waiting {@code depth} calls deep; returns the id of the task that received the token at 0.
   */
  int ring(int nodes, long hops, int depth, int carriers);

  /**
   * {@code spinners} tasks spin without yielding for {@code durationMs}, while a probe sleeps
   * 1 ms in a loop; returns the spinners' iteration counts followed by the probe's lateness
   * samples in nanoseconds. {@code sliceMs} is ignored by peers without time slices.
   */
  long[] fairness(int carriers, int spinners, long sliceMs, long durationMs);

  /** A peer cannot run this shape (the harness prints the message in the table). */
  final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String message) {
      super(message);
    }
  }
}
