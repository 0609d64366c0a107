package dev.fibered.fuzzer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The variables visible at the point of generation, innermost block last: locals, parameters and
 * the fields of the generated class (named as an expression, {@code this.f0} or {@code o.f0}).
 * Every local is initialized where it is declared, so every visible local is definitely assigned,
 * and every name is unique in its method, so nothing shadows anything.
 */
final class Scope {
  /** A variable: its name (an expression), type, and what generated code may do with it. */
  static final class Local {
    final String name;
    final Type type;
    /** Generated code may assign it. */
    final boolean assignable;
    /**
     * A lambda may name it: a local nothing assigns after its declaration (effectively final), or
     * a field (a lambda reads its value when it runs).
     */
    final boolean capturable;
    /**
     * The processor can tell its type from the source (a local, a parameter, a field of this
     * class); not a field selected from another local ({@code o.f0}), which the processor refuses
     * to keep across a switch point later in the same expression.
     */
    final boolean typed;
    /**
     * A local variable of the method, or a field of one ({@code o.f0}): a lambda naming it
     * captures a local. Not a parameter, nor a field of {@code this}.
     */
    final boolean local;

    Local(String name, Type type, boolean assignable, boolean capturable, boolean typed, boolean local) {
      this.name = name;
      this.type = type;
      this.assignable = assignable;
      this.capturable = capturable;
      this.typed = typed;
      this.local = local;
    }
  }

  private final Deque<List<Local>> blocks = new ArrayDeque<>();

  void push() {
    blocks.addLast(new ArrayList<>());
  }

  void pop() {
    blocks.removeLast();
  }

  /** A local that generated code may assign (if {@code assignable}), or that a loop updates. */
  void declare(String name, Type type, boolean assignable) {
    add(new Local(name, type, assignable, false, true, true));
  }

  /** A local nothing assigns after its declaration, so lambdas may capture it. */
  void declareFinal(String name, Type type) {
    add(new Local(name, type, false, true, true, true));
  }

  /** A parameter; one that is never assigned may be captured. */
  void declareParameter(String name, Type type, boolean assignable) {
    add(new Local(name, type, assignable, !assignable, true, false));
  }

  void add(Local local) {
    blocks.getLast().add(local);
  }

  /** Every visible variable, outermost first. */
  List<Local> visible() {
    List<Local> all = new ArrayList<>();
    for (List<Local> block : blocks) {
      all.addAll(block);
    }
    return all;
  }

  /** A visible local of {@code type} (assignable ones only if asked), or null if there is none. */
  Local pick(SplittableRandom rnd, Type type, boolean mustBeAssignable) {
    return pick(rnd, type, mustBeAssignable, false);
  }

  /**
   * A visible local of {@code type}, assignable and of a type the processor can tell if asked, or
   * null if there is none.
   */
  Local pick(SplittableRandom rnd, Type type, boolean mustBeAssignable, boolean mustBeTyped) {
    List<Local> fit = new ArrayList<>();
    for (List<Local> block : blocks) {
      for (Local l : block) {
        if (l.type == type && (l.assignable || !mustBeAssignable) && (l.typed || !mustBeTyped)) {
          fit.add(l);
        }
      }
    }
    return fit.isEmpty() ? null : fit.get(rnd.nextInt(fit.size()));
  }

  /**
   * A new scope of one block holding the variables a lambda created here may name: without
   * {@code locals}, only parameters and fields of {@code this}.
   */
  Scope capturable(boolean locals) {
    Scope s = new Scope();
    s.push();
    for (Local l : visible()) {
      if (l.capturable && (locals || !l.local)) {
        s.add(l);
      }
    }
    return s;
  }

  /**
   * The same variables in one block, the fields of {@code this} named unqualified: for code inside
   * a class body, where {@code this} is another object but the fields are still in reach.
   */
  Scope withFieldsUnqualified() {
    Scope s = new Scope();
    s.push();
    for (Local l : visible()) {
      String name = l.name.startsWith("this.") ? l.name.substring("this.".length()) : l.name;
      s.add(new Local(name, l.type, l.assignable, l.capturable, l.typed, l.local));
    }
    return s;
  }
}
