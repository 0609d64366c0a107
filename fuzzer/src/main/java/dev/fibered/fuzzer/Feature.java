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
  /**
   * Compound assignment around a switch point, as a statement: {@code x += f()}, {@code this.f *=
   * g()}, {@code a[idx(i(), a)] += f()}, {@code s += cut(f())}; the variable's parts and old value
   * are read before the call, as Java does.
   */
  COMPOUND_ASSIGNMENT_SWITCH_POINTS,
  /**
   * Calls of {@code @Fibered} methods in more places inside expressions: arguments and receivers
   * of plain calls, either branch or the condition of {@code ?:} (the other branch of the same
   * spelled-out type), an array index, either side of {@code &&}/{@code ||} in an initializer, a
   * {@code switch} selector. Operands evaluated before the call are ones whose type the source
   * tells (docs/language.md).
   */
  NESTED_SWITCH_POINTS,
  /** {@code switch} on a String. */
  STRING_SWITCH,
  /**
   * Instance {@code @Fibered} methods of the (final) generated class, reading and writing its
   * fields ({@code this.f0}, {@code f0}) across switch points; static methods call them on a local
   * {@code o}, and entries may be instance methods (run on a fresh object).
   */
  INSTANCE_METHODS,
  /** {@code void} {@code @Fibered} methods, called as statements. */
  VOID_METHODS,
  /**
   * Lambdas and method references without switch points: {@code IntUnaryOperator},
   * {@code Runnable}, {@code Supplier} and {@code Consumer}, naming the parameters and the fields
   * of {@code this}, stored in locals and called at once or after switch points.
   */
  LAMBDAS,
  /**
   * Lambdas that also capture the method's effectively final locals: ones declared just before,
   * ones that live across switch points, a loop's value in each iteration, and {@code o}. (It found
   * a processor crash on a captured local with no machine field, fixed in b07f693.)
   */
  LAMBDA_CAPTURES,
  /**
   * Generic {@code @Fibered} methods ({@code <T> T pick(t, c, x, y)}, {@code <T extends
   * Comparable<T>> T larger(t, x, y)}) with switch points inside, called with boxed ints, longs
   * and Strings.
   */
  GENERIC_METHODS,
  /**
   * Virtual dispatch of {@code @Fibered} methods ({@link Hierarchy}): an abstract class or an
   * interface with an abstract {@code op} and an overridable (or {@code default}) {@code tag}
   * that calls {@code op} on {@code this}, implementations with {@code @Fibered} overrides holding
   * generated bodies, one inheriting {@code op}; called on {@code Base} locals that {@code
   * base(<int>)} fills at run time with one of them, an anonymous class or a lambda (plain calls).
   */
  DISPATCH,
  /**
   * Anonymous classes in {@code @Fibered} bodies, without switch points: with a field they bump,
   * with a loop recording to the trace, added to {@code q} (one per loop iteration, capturing its
   * value), and (with {@link #DISPATCH}) implementing {@code Base}.
   */
  ANONYMOUS_CLASSES,
  /**
   * Switch expressions with switch points: in the selector, in rule values, in rule blocks and
   * old-style groups (with fall-through) before a {@code yield} (sometimes inside try/finally),
   * nested, as a local's initializer, a return value, a trace event, an operand after a typed one
   * and a call's argument. Values are calls, typed expressions and literals, ints promoting in a
   * long switch.
   */
  SWITCH_EXPRESSIONS,
  /**
   * {@code a[idx(f(), a)]++} and {@code --a[...]} as statements and operands, and compound
   * assignments with a switch point nested inside larger expressions: {@code y + (x op= f())},
   * {@code g(t, d - 1, y - (a[i()] op= f()))}, {@code "..." + (s += cut(f()))}.
   */
  NESTED_ASSIGNMENTS,
  /**
   * {@code synchronized} blocks (without switch points) in the cases of a switch expression whose
   * value goes to a local. It found a processor bug, since fixed: the machine stored such a switch
   * expression straight into a machine field, which JDK 17's javac writes as bytecode the JVM
   * rejects (VerifyError at the monitor's exception handler); the value now goes through a Java
   * local first.
   */
  SYNCHRONIZED_IN_SWITCH_EXPRESSIONS,
  /**
   * Local records, classes, interfaces and enums in {@code @Fibered} bodies ({@link
   * LocalClasses}): records with a compact constructor that checks and normalises, a method and a
   * static factory; classes capturing locals (ones that live across switch points, a loop's value
   * in each iteration) in field initializers, constructors and methods, one extending another;
   * an interface implemented by a class and by lambdas; an enum with constructor arguments and a
   * constant body, switched on. Instances made before switch points are used after them, kept in
   * lists, made in loops; some types are declared where their whole scope is plain Java (a
   * lambda's block, an anonymous class's method).
   */
  LOCAL_CLASSES,
  /**
   * With {@link #LOCAL_CLASSES}: parameters and record components named like the method's
   * variables, which they hide inside the local type, and local types named like one the method
   * declared in a scope that has ended (two types of one name in one method).
   */
  LOCAL_CLASS_NAMES,
  /** {@code synchronized} blocks without switch points. */
  SYNCHRONIZED,
  /**
   * Switch points inside {@code synchronized}. Off: rejected by design
   * ({@code SwitchPointInSynchronized}).
   */
  SYNCHRONIZED_WITH_SWITCH_POINTS;

  /** What the processor supports: everything but the flags documented as off. */
  public static final Set<Feature> DEFAULTS =
      Collections.unmodifiableSet(
          EnumSet.complementOf(
              EnumSet.of(SYNCHRONIZED_WITH_SWITCH_POINTS)));
}
