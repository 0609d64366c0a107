package dev.fibered.fuzzer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The locals visible at the point of generation, innermost block last. Every local is initialized
 * where it is declared, so every visible local is definitely assigned, and every name is unique in
 * its method, so nothing shadows anything.
 */
final class Scope {
  /** A local (or parameter): its name, type, and whether generated code may assign it. */
  static final class Local {
    final String name;
    final Type type;
    final boolean assignable;

    Local(String name, Type type, boolean assignable) {
      this.name = name;
      this.type = type;
      this.assignable = assignable;
    }
  }

  private final Deque<List<Local>> blocks = new ArrayDeque<>();

  void push() {
    blocks.addLast(new ArrayList<>());
  }

  void pop() {
    blocks.removeLast();
  }

  void declare(String name, Type type, boolean assignable) {
    blocks.getLast().add(new Local(name, type, assignable));
  }

  /** Every visible local, outermost first. */
  List<Local> visible() {
    List<Local> all = new ArrayList<>();
    for (List<Local> block : blocks) {
      all.addAll(block);
    }
    return all;
  }

  /** A visible local of {@code type} (assignable ones only if asked), or null if there is none. */
  Local pick(SplittableRandom rnd, Type type, boolean mustBeAssignable) {
    List<Local> fit = new ArrayList<>();
    for (List<Local> block : blocks) {
      for (Local l : block) {
        if (l.type == type && (l.assignable || !mustBeAssignable)) {
          fit.add(l);
        }
      }
    }
    return fit.isEmpty() ? null : fit.get(rnd.nextInt(fit.size()));
  }
}
