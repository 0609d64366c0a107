package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;

/**
 * A final class whose @Fibered instance methods read and write the receiver's fields, unqualified
 * and through {@code this}, call each other (on this and on other instances), and use static
 * members of the class.
 */
final class CorpusCounter {
  static int instances;
  static final int STEP = 3;

  final String name;
  int count;
  long total;
  List<String> history = new ArrayList<>();
  int[] slots = new int[4];

  CorpusCounter partner;

  CorpusCounter(String name) {
    this.name = name;
    instances++;
  }

  @Fibered
  void add(int k) {
    for (int i = 0; i < k; i++) {
      count++;
      this.total += i;
    }
    history.add(name + "+" + k);
  }

  @Fibered
  int addAll(int[] ks) {
    for (int k : ks) {
      add(k);
      this.add(1);
    }
    return count;
  }

  /** Moves counts from this counter to another, both changed across switch points. */
  @Fibered
  long transfer(CorpusCounter to, int times) {
    for (int i = 0; i < times; i++) {
      count -= STEP;
      to.count += STEP;
      Fiber.yieldNow();
      to.add(1);
      slots[i % slots.length] += to.count;
    }
    return total * 1000 + to.total;
  }

  /** Field assignments from callee results, unqualified. */
  @Fibered
  String assignFieldsFromCalls(int n) {
    count = square(n);
    total = square(n + 1);
    int local = this.peek();
    return count + "/" + total + "/" + local + "/" + name;
  }

  /** Field assignments from callee results, through this and qualified by the class. */
  @Fibered
  String assignFieldsThroughThis(int n) {
    this.count = square(n);
    this.total = this.square(n + 2);
    CorpusCounter.lastSquare = square(n + 3);
    return count + "/" + total + "/" + lastSquare;
  }

  static int lastSquare;

  @Fibered
  int square(int n) {
    Fiber.yieldNow();
    return n * n;
  }

  @Fibered
  private int peek() {
    Fiber.yieldNow();
    return count + helper();
  }

  /** A plain instance method, called unqualified from fibered code. */
  int helper() {
    return slots.length;
  }

  /** A static @Fibered method that drives two instances. */
  @Fibered
  static String pair(CorpusCounter a, CorpusCounter b, int rounds) {
    for (int i = 0; i < rounds; i++) {
      a.add(i);
      b.add(rounds - i);
    }
    long moved = a.transfer(b, 2);
    return a + " " + b + " " + moved;
  }

  /** A parameter shadows a field; {@code this.count} still means the field. */
  @Fibered
  int shadowed(int count) {
    for (int i = 0; i < 3; i++) {
      this.count += count;
      count++;
    }
    Fiber.yieldNow();
    return this.count * 100 + count;
  }

  /** Calls @Fibered methods on receivers held in fields, and returns this. */
  @Fibered
  CorpusCounter viaPartner(int n) {
    partner.add(n);
    this.partner.add(1);
    int sq = partner.square(n);
    count += sq;
    if (partner.partner == this) {
      return partner;
    }
    return this;
  }

  /** Passes this to a @Fibered method of another class. */
  @Fibered
  int passesThis(int n) {
    String t = CorpusCounter.pair(this, partner, n);
    return t.length() + (this == partner ? 1 : 0);
  }

  /** Calls the private @Fibered method; a direct caller of peek() outside the class needs this. */
  int peekDirect() {
    return peek();
  }

  @Override
  public String toString() {
    return name + "[count=" + count + ", total=" + total + ", history=" + history + ", slots="
        + java.util.Arrays.toString(slots) + "]";
  }
}
