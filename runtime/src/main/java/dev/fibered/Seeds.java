package dev.fibered;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Runs a concurrent test under many interleavings: once per seed, each time on a fresh {@linkplain
 * Scheduler.Builder#deterministic deterministic} scheduler, and names the seed of the first run
 * that fails so that it can be replayed exactly.
 *
 * <pre>{@code
 * Seeds.check(0, 500, scheduler -> {
 *   Account account = new Account(100);
 *   scheduler.spawn(AccountFibers.withdraw(account, 60));
 *   scheduler.spawn(AccountFibers.withdraw(account, 60));
 *   scheduler.run();
 *   assertTrue(account.balance() >= 0);
 * });
 * }</pre>
 */
public final class Seeds {
  private Seeds() {}

  /**
   * Runs {@code test} once for each seed from {@code firstSeed}, {@code count} seeds in all.
   *
   * @param firstSeed the first seed
   * @param count how many seeds to try
   * @param test the test body; it spawns fibers on the scheduler it is given, runs them and checks
   *     the outcome, throwing (an assertion error, say) when the outcome is wrong
   * @throws AssertionError naming the first seed whose run threw, with that throwable as cause
   */
  public static void check(long firstSeed, int count, Consumer<Scheduler> test) {
    Failure failure = firstFailure(firstSeed, count, test);
    if (failure != null) {
      throw new AssertionError(
          "failed with seed "
              + failure.seed
              + " (seeds "
              + firstSeed
              + " to "
              + (firstSeed + count - 1)
              + " tried); replay it with Scheduler.builder().deterministic("
              + failure.seed
              + "L).build(): "
              + failure.thrown,
          failure.thrown);
    }
  }

  /**
   * Finds the first seed, from {@code firstSeed} on, whose run of {@code test} throws.
   *
   * @param firstSeed the first seed
   * @param count how many seeds to try
   * @param test the test body, as for {@link #check}
   * @return the first failing seed, or empty if every run passed
   */
  public static OptionalLong findFailing(long firstSeed, int count, Consumer<Scheduler> test) {
    Failure failure = firstFailure(firstSeed, count, test);
    return failure == null ? OptionalLong.empty() : OptionalLong.of(failure.seed);
  }

  /** The first seed whose run of {@code test} throws, with what it threw; null if none did. */
  private static Failure firstFailure(long firstSeed, int count, Consumer<Scheduler> test) {
    Objects.requireNonNull(test, "test");
    checkRange(firstSeed, count);
    for (long seed = firstSeed; seed < firstSeed + count; seed++) {
      try {
        test.accept(scheduler(seed));
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable t) {
        return new Failure(seed, t);
      }
    }
    return null;
  }

  private static final class Failure {
    final long seed;
    final Throwable thrown;

    Failure(long seed, Throwable thrown) {
      this.seed = seed;
      this.thrown = thrown;
    }
  }

  private static void checkRange(long firstSeed, int count) {
    if (count < 0 || firstSeed > Long.MAX_VALUE - count) {
      throw new IllegalArgumentException(
          "seeds from " + firstSeed + ", " + count + " of them: count must be >= 0 and the range within long");
    }
  }

  /**
   * A fresh deterministic scheduler for {@code seed}: the one a failing run had, for a replay.
   *
   * @param seed the seed
   * @return a new deterministic scheduler
   */
  public static Scheduler scheduler(long seed) {
    return Scheduler.builder().deterministic(seed).build();
  }
}
