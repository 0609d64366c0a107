package dev.fibered;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written state machines shaped like the ones the Fibered processor will generate: a {@code
 * resume()} that switches on a saved {@code state}, saves its state and returns {@link
 * Machine#SUSPEND} at a switch point, pushes a callee with {@code call(..)} and returns {@link
 * Machine#CALL}, reads the callee's outcome with {@code result()} in the state it resumes in, and
 * finally returns its boxed value or throws.
 *
 * <p>Each machine documents the Java method it stands for.
 */
final class TestMachines {
  private TestMachines() {}

  /** An unstarted fiber named {@code name} around {@code body}. */
  static <T> Fiber<T> fiber(String name, Machine<T> body) {
    return Fiber.of(name, body);
  }

  /** {@code T m() { return value; }}: no switch point is ever reached. */
  static final class Value<T> extends Machine<T> {
    private final T value;
    int resumes;

    Value(T value) {
      this.value = value;
    }

    @Override
    protected Object resume() {
      resumes++;
      return value;
    }
  }

  /**
   * <pre>{@code
   * int loop(String label, int n, List<String> log) {
   *   for (int i = 0; i < n; i++) {
   *     log.add(label + i);
   *     // check() inserted on the back-edge
   *   }
   *   return n;
   * }
   * }</pre>
   */
  static final class CheckLoop extends Machine<Integer> {
    private final String label;
    private final int n;
    private final List<String> log;
    private int state;
    private int i;

    /** How many times this machine returned SUSPEND. */
    int suspensions;

    /** How many times check() was called. */
    int checks;

    CheckLoop(String label, int n, List<String> log) {
      this.label = label;
      this.n = n;
      this.log = log;
    }

    @Override
    protected Object resume() {
      while (true) {
        switch (state) {
          case 0: // int i = 0;
            i = 0;
            state = 1;
            continue;
          case 1: // i < n; log.add(label + i); i++; back-edge check
            if (i >= n) {
              state = -1;
              return n;
            }
            log.add(label + i);
            i++;
            checks++;
            if (check()) {
              suspensions++;
              state = 1;
              return SUSPEND;
            }
            continue;
          default:
            throw new AssertionError("resumed in state " + state);
        }
      }
    }
  }

  /**
   * <pre>{@code
   * int loop(String label, int n, List<String> log) {
   *   for (int i = 0; i < n; i++) {
   *     log.add(label + i);
   *     Fiber.yieldNow();
   *   }
   *   return n;
   * }
   * }</pre>
   */
  static final class YieldNowLoop extends Machine<Integer> {
    private final String label;
    private final int n;
    private final List<String> log;
    private int state;
    private int i;

    YieldNowLoop(String label, int n, List<String> log) {
      this.label = label;
      this.n = n;
      this.log = log;
    }

    @Override
    protected Object resume() {
      while (true) {
        switch (state) {
          case 0:
            i = 0;
            state = 1;
            continue;
          case 1:
            if (i >= n) {
              state = -1;
              return n;
            }
            log.add(label + i);
            i++;
            state = 1; // Fiber.yieldNow(): always a switch
            return SUSPEND;
          default:
            throw new AssertionError("resumed in state " + state);
        }
      }
    }
  }

  /**
   * <pre>{@code
   * int loop(String label, int n, List<String> log) {
   *   for (int i = 0; i < n; i++) {
   *     log.add(label + i);
   *     Fiber.yield();
   *   }
   *   return n;
   * }
   * }</pre>
   */
  static final class YieldDueLoop extends Machine<Integer> {
    private final String label;
    private final int n;
    private final List<String> log;
    private int state;
    private int i;

    /** How many times yieldDue() said yes (and the machine suspended). */
    int suspensions;

    YieldDueLoop(String label, int n, List<String> log) {
      this.label = label;
      this.n = n;
      this.log = log;
    }

    @Override
    protected Object resume() {
      while (true) {
        switch (state) {
          case 0:
            i = 0;
            state = 1;
            continue;
          case 1:
            if (i >= n) {
              state = -1;
              return n;
            }
            log.add(label + i);
            i++;
            if (yieldDue()) {
              suspensions++;
              state = 1;
              return SUSPEND;
            }
            continue;
          default:
            throw new AssertionError("resumed in state " + state);
        }
      }
    }
  }

  /**
   * <pre>{@code
   * T fail(Throwable t, int yields) throws Throwable {
   *   for (int i = 0; i < yields; i++) Fiber.yieldNow();
   *   throw t;
   * }
   * }</pre>
   */
  static final class Thrower<T> extends Machine<T> {
    private final Throwable toThrow;
    private final int yields;
    private int state;
    private int i;

    Thrower(Throwable toThrow, int yields) {
      this.toThrow = toThrow;
      this.yields = yields;
    }

    @Override
    protected Object resume() throws Throwable {
      switch (state) {
        case 0:
        case 1:
          if (i < yields) {
            i++;
            state = 1;
            return SUSPEND;
          }
          state = -1;
          throw toThrow;
        default:
          throw new AssertionError("resumed in state " + state);
      }
    }
  }

  /**
   * <pre>{@code
   * V caller() { return callee(); }                      // catching == false
   * V caller() { try { return callee(); } catch (Throwable t) { caught = t; return fallback; } }
   * }</pre>
   */
  static final class Caller<V> extends Machine<V> {
    private final Machine<V> callee;
    private final boolean catching;
    private final V fallback;
    private int state;

    /** How many times resume() ran: 2 for a call, however often the callee suspends. */
    int resumes;

    /** The callee's exception, when catching. */
    Throwable caught;

    /** The fiber seen by Fiber.current() in each resume. */
    final List<Fiber<?>> currentSeen = new ArrayList<>();

    Caller(Machine<V> callee) {
      this(callee, false, null);
    }

    Caller(Machine<V> callee, boolean catching, V fallback) {
      this.callee = callee;
      this.catching = catching;
      this.fallback = fallback;
    }

    @Override
    protected Object resume() throws Throwable {
      resumes++;
      currentSeen.add(Fiber.current());
      switch (state) {
        case 0:
          state = 1;
          return call(callee);
        case 1:
          state = -1;
          if (!catching) {
            return this.<V>result();
          }
          try {
            return this.<V>result();
          } catch (Throwable t) {
            caught = t;
            return fallback;
          }
        default:
          throw new AssertionError("resumed in state " + state);
      }
    }
  }

  /**
   * A chain of nested calls, {@code depth} deep:
   *
   * <pre>{@code
   * int chain(int level) {
   *   if (level == 0) {
   *     for (int i = 0; i < leafYields; i++) Fiber.yieldNow();
   *     if (leafFailure != null) throw leafFailure;
   *     return 0;
   *   }
   *   return chain(level - 1) + 1;
   * }
   * }</pre>
   *
   * Every machine created for the chain is appended to {@code created}, outermost first.
   */
  static final class Chain extends Machine<Integer> {
    final int level;
    private final int leafYields;
    private final Throwable leafFailure;
    private final List<Chain> created;
    private int state;
    private int i;

    /** How many times resume() ran on this machine. */
    int resumes;

    Chain(int level, int leafYields, Throwable leafFailure, List<Chain> created) {
      this.level = level;
      this.leafYields = leafYields;
      this.leafFailure = leafFailure;
      this.created = created;
      created.add(this);
    }

    @Override
    protected Object resume() throws Throwable {
      resumes++;
      if (level == 0) {
        switch (state) {
          case 0:
          case 1:
            if (i < leafYields) {
              i++;
              state = 1;
              return SUSPEND;
            }
            state = -1;
            if (leafFailure != null) {
              throw leafFailure;
            }
            return 0;
          default:
            throw new AssertionError("resumed in state " + state);
        }
      }
      switch (state) {
        case 0:
          state = 1;
          return call(new Chain(level - 1, leafYields, leafFailure, created));
        case 1:
          state = -1;
          Integer below = result();
          return below + 1;
        default:
          throw new AssertionError("resumed in state " + state);
      }
    }
  }

  /** One step of a {@link Steps} machine. */
  @FunctionalInterface
  interface Step<T> {
    /**
     * Runs one resume.
     *
     * @param self the machine, for check(), yieldDue(), call() and result()
     * @param resume 0 for the first resume, 1 for the next, ...
     * @return {@link Machine#SUSPEND}, {@link Machine#CALL} or the value
     */
    Object run(Steps<T> self, int resume) throws Throwable;
  }

  /**
   * A machine whose every resume runs a lambda, for one-off behaviour in a test (the lambda sees
   * how many times the machine was resumed, which plays the role of the saved state).
   */
  static final class Steps<T> extends Machine<T> {
    private final Step<T> step;
    private int resumes;

    Steps(Step<T> step) {
      this.step = step;
    }

    int resumes() {
      return resumes;
    }

    @Override
    protected Object resume() throws Throwable {
      return step.run(this, resumes++);
    }
  }
}
