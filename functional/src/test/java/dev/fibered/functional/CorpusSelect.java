package dev.fibered.functional;

import dev.fibered.Channel;
import dev.fibered.ChannelClosedException;
import dev.fibered.Fibered;
import dev.fibered.Select;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** Fibers that wait on several channels at once with {@link Select}. */
final class CorpusSelect {
  private CorpusSelect() {}

  /** Takes {@code n} values from whichever of the two channels has one; logs "a3" or "b7". */
  @Fibered
  static long fanIn(Channel<Integer> a, Channel<Integer> b, int n, List<String> log) {
    Select choice = new Select();
    Select.Case<Integer> fromA = choice.receive(a);
    Select.Case<Integer> fromB = choice.receive(b);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      Select.Case<?> won = choice.select();
      if (won == fromA) {
        log.add("a" + fromA.value());
        sum += fromA.value();
      } else {
        log.add("b" + fromB.value());
        sum += fromB.value();
      }
    }
    return sum;
  }

  /** Receives from every channel until each is closed and drained; returns what came, in order. */
  @Fibered
  static List<Integer> mergeUntilClosed(List<Channel<Integer>> inputs) {
    List<Channel<Integer>> open = new ArrayList<>(inputs);
    List<Integer> got = new ArrayList<>();
    while (!open.isEmpty()) {
      Select choice = new Select();
      for (Channel<Integer> in : open) {
        choice.receiveOrNull(in);
      }
      Select.Case<?> won = choice.select();
      Object v = won.value();
      if (v == null) {
        open.remove(won.index()); // closed and drained
      } else {
        got.add((Integer) v);
      }
    }
    return got;
  }

  /** Receives once, or gives up after {@code timeout}: returns the value, or -1. */
  @Fibered
  static int receiveWithin(Channel<Integer> channel, Duration timeout) {
    Select choice = new Select();
    Select.Case<Integer> in = choice.receive(channel);
    choice.timeout(timeout);
    Select.Case<?> won = choice.select();
    return won == in ? in.value() : -1;
  }

  /** Sends {@code value} to whichever channel takes it first; returns that channel's index. */
  @Fibered
  static int sendToEither(Channel<Integer> a, Channel<Integer> b, int value) {
    Select choice = new Select();
    choice.send(a, value);
    choice.send(b, value);
    return choice.select().index();
  }

  /** Receives from {@code in} or, if nothing comes first, sends {@code value} to {@code out}. */
  @Fibered
  static String receiveOrSend(Channel<Integer> in, Channel<Integer> out, int value) {
    Select choice = new Select();
    Select.Case<Integer> got = choice.receive(in);
    choice.send(out, value);
    Select.Case<?> won = choice.select();
    return won == got ? "got " + got.value() : "sent " + value;
  }

  /** A select on one channel that closes: fails as a receive would, or reports the close. */
  @Fibered
  static String receiveUntilClosed(Channel<Integer> channel, Channel<Integer> never) {
    Select choice = new Select();
    choice.receive(channel);
    choice.receive(never);
    try {
      choice.select();
      return "received";
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  /**
   * For the stress test: receives from every open channel until all are closed and drained, each
   * value into {@code received}.
   */
  @Fibered
  static void drainAll(List<Channel<Integer>> inputs, Queue<Integer> received) {
    List<Integer> got = mergeUntilClosed(inputs);
    received.addAll(got);
  }

  /**
   * For the stress test: sends {@code from .. from + count - 1}, each to whichever of two channels
   * takes it first (a select with two send cases), or with a plain send every third value; a send
   * that fails on a closed channel did not deliver, and is not recorded in {@code sent}.
   */
  @Fibered
  static void sendAll(List<Channel<Integer>> outputs, int from, int count, Queue<Integer> sent) {
    for (int i = 0; i < count; i++) {
      int v = from + i;
      Channel<Integer> a = outputs.get(v % outputs.size());
      Channel<Integer> b = outputs.get((v / 7) % outputs.size());
      try {
        if (v % 3 == 0) {
          a.send(v);
        } else {
          Select choice = new Select();
          choice.send(a, v);
          choice.send(b, v);
          choice.select();
        }
        sent.add(v);
      } catch (ChannelClosedException e) {
        // not delivered
      }
    }
  }

  /** For the stress test: yields {@code turns} times, then closes the channel. */
  @Fibered
  static void closeLater(Channel<Integer> channel, int turns) {
    for (int i = 0; i < turns; i++) {
      dev.fibered.Fiber.yieldNow();
    }
    channel.close();
  }
}
