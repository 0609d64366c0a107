package dev.fibered.benchmarks.peers;

import java.util.Arrays;

/** A growable list of longs (lateness samples), for code that must not box. Not thread-safe. */
public final class LongLog {
  private long[] values = new long[1024];
  private int size;

  public void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** The counts followed by the logged values: the shape {@link Peer#fairness} returns. */
  public long[] after(long[] counts) {
    long[] all = Arrays.copyOf(counts, counts.length + size);
    System.arraycopy(values, 0, all, counts.length, size);
    return all;
  }
}
