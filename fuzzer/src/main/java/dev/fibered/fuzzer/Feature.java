package dev.fibered.fuzzer;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The constructs {@link ProgramGenerator} may put into a program. Each is a flag, so a construct
 * the processor does not support yet is generated behind a flag that is off, and switched on in
 * one line ({@link #DEFAULTS}) the day it is.
 */
public enum Feature {
  /** Calls of other {@code @Fibered} methods (switch points), with a depth bound. */
  CALLS,
  /** {@code Fiber.yield()} and {@code Fiber.yieldNow()}. */
  YIELDS,
  /** for, while, do-while and for-each loops with fixed bounds (each has a back-edge check). */
  LOOPS,
  /** Labelled loops and blocks, labelled break and continue. */
  LABELS,
  /** try/catch/finally, nested, multi-catch, jumps leaving through finally. */
  TRY,
  /** try-with-resources with a resource that records its close (and may fail to close). */
  TRY_WITH_RESOURCES,
  /** A checked exception class, thrown and caught. */
  CHECKED_EXCEPTIONS,
  /** Division by a value that may be zero, array indexes that may be out of bounds. */
  IMPLICIT_EXCEPTIONS,
  /** {@code switch} statements whose cases hold no switch point. */
  SWITCH,
  /** Switch points (calls, yields, loops) inside the cases of a {@code switch} statement. */
  SWITCH_WITH_SWITCH_POINTS,
  /**
   * Calls of {@code @Fibered} methods inside larger expressions: string concatenation with operands
   * before and after, conditions with {@code &&}/{@code ||}, arithmetic, a call as another call's
   * argument.
   */
  EXPRESSION_SWITCH_POINTS,
  /** {@code synchronized} blocks without switch points. */
  SYNCHRONIZED,
  /**
   * Switch points inside {@code synchronized}. Off: rejected by design
   * ({@code SwitchPointInSynchronized}).
   */
  SYNCHRONIZED_WITH_SWITCH_POINTS;

  /** What the processor supports: everything but the flag documented as off. */
  public static final Set<Feature> DEFAULTS =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(SYNCHRONIZED_WITH_SWITCH_POINTS)));
}
