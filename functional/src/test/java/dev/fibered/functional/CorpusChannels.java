package dev.fibered.functional;

import dev.fibered.Channel;
import dev.fibered.Fibered;
import java.util.List;

/** Fibers that talk through channels. */
final class CorpusChannels {
  private CorpusChannels() {}

  /** Sends {@code from..to} (logging each send once it completes), then closes if asked. */
  @Fibered
  static void produce(Channel<Integer> channel, int from, int to, boolean close, List<String> log) {
    for (int i = from; i <= to; i++) {
      channel.send(i);
      log.add("sent " + i);
    }
    if (close) {
      channel.close();
    }
  }

  /** Receives until the channel is closed and drained; returns the sum. */
  @Fibered
  static long consume(Channel<Integer> channel, List<String> log) {
    long sum = 0;
    Integer v = channel.receiveOrNull();
    while (v != null) {
      log.add("got " + v);
      sum += v;
      v = channel.receiveOrNull();
    }
    return sum;
  }

  /** Receives exactly {@code n} values. */
  @Fibered
  static long take(Channel<Integer> channel, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      int v = channel.receive();
      sum += v;
    }
    return sum;
  }

  /** Receives once; fails if the channel is closed meanwhile. */
  @Fibered
  static int receiveOnce(Channel<Integer> channel) {
    int v = channel.receive();
    return v;
  }

  @Fibered
  static void closeAfterYield(Channel<Integer> channel) {
    dev.fibered.Fiber.yieldNow();
    channel.close();
  }

  /** Passes a token back and forth {@code rounds} times; returns the final token. */
  @Fibered
  static int ping(Channel<Integer> out, Channel<Integer> in, int rounds) {
    int token = 0;
    for (int i = 0; i < rounds; i++) {
      out.send(token + 1);
      token = in.receive();
    }
    out.close();
    return token;
  }

  @Fibered
  static void pong(Channel<Integer> in, Channel<Integer> out) {
    Integer token = in.receiveOrNull();
    while (token != null) {
      out.send(token + 1);
      token = in.receiveOrNull();
    }
  }
}
