package dev.fibered.benchmarks.peers;

/** The Kotlin coroutines peer ({@code KotlinPeer.kt}) behind the harness's interface. */
public final class KotlinAdapter implements Peer {
  @Override
  public String name() {
    return "Kotlin coroutines";
  }

  @Override
  public String unavailable() {
    return null;
  }

  @Override
  public long skynet(int leaves, int carriers) {
    return KotlinPeer.skynet(leaves, carriers);
  }

  @Override
  public long yieldHops(long hops) {
    return KotlinPeer.yieldHops(hops);
  }

  @Override
  public long channelHops(long hops) {
    return KotlinPeer.channelHops(hops);
  }

  @Override
  public long spawnJoin(int n) {
    return KotlinPeer.spawnJoin(n);
  }

  @Override
  public long[] footprint(int n) {
    return KotlinPeer.footprint(n);
  }

  @Override
  public int ring(int nodes, long hops, int depth, int carriers) {
    return KotlinPeer.ring(nodes, hops, depth, carriers);
  }

  @Override
  public long[] fairness(int carriers, int spinners, long sliceMs, long durationMs) {
    LongLog lateness = new LongLog();
    long[] counts = KotlinPeer.fairness(carriers, spinners, durationMs, lateness);
    return lateness.after(counts);
  }
}
