package dev.fibered.fuzzer;

import java.util.SplittableRandom;

/**
 * Side-effect-free, well-typed expressions over the visible locals. None holds a switch point (the
 * processor takes those only as whole statements, initializers, assignments and returns). With
 * {@link Feature#IMPLICIT_EXCEPTIONS} some may throw: a division by a value that can be zero, an
 * index that can be out of bounds. No expression is a compile-time constant with a variable in
 * it, so no condition is constant and reachability stays simple.
 */
final class Expressions {
  private final SplittableRandom rnd;
  private final Scope scope;
  private final boolean implicitExceptions;

  Expressions(SplittableRandom rnd, Scope scope, boolean implicitExceptions) {
    this.rnd = rnd;
    this.scope = scope;
    this.implicitExceptions = implicitExceptions;
  }

  String of(Type type) {
    return of(type, 2);
  }

  String of(Type type, int depth) {
    switch (type) {
      case INT:
        return anInt(depth);
      case LONG:
        return aLong(depth);
      case BOOLEAN:
        return aBoolean(depth);
      case STRING:
        return aString(depth);
      default:
        return anArray(depth);
    }
  }

  private String local(Type type, String otherwise) {
    Scope.Local l = scope.pick(rnd, type, false);
    return l == null ? otherwise : l.name;
  }

  private String anInt(int depth) {
    if (depth <= 0) {
      return rnd.nextInt(3) == 0 ? String.valueOf(rnd.nextInt(-3, 12)) : local(Type.INT, "a");
    }
    int d = depth - 1;
    switch (rnd.nextInt(14)) {
      case 0:
        return String.valueOf(rnd.nextInt(-3, 12));
      case 1:
      case 2:
        return local(Type.INT, "a");
      case 3:
        return "(" + anInt(d) + " + " + anInt(d) + ")";
      case 4:
        return "(" + anInt(d) + " - " + anInt(d) + ")";
      case 5:
        return "(" + anInt(d) + " * " + rnd.nextInt(2, 5) + ")";
      case 6:
        return "(" + anInt(d) + " ^ " + anInt(d) + ")";
      case 7:
        return "(" + anInt(d) + " % " + rnd.nextInt(2, 7) + ")";
      case 8:
        return aString(d) + ".length()";
      case 9:
        return anArray(d) + ".length";
      case 10:
        {
          String arr = local(Type.ARRAY, null);
          if (arr == null) {
            return "d";
          }
          return implicitExceptions && rnd.nextInt(4) == 0
              ? arr + "[" + anInt(d) + "]"
              : arr + "[idx(" + anInt(d) + ", " + arr + ")]";
        }
      case 11:
        return "(int) " + aLong(d);
      case 12:
        return "(" + aBoolean(d) + " ? " + anInt(d) + " : " + anInt(d) + ")";
      default:
        return implicitExceptions && rnd.nextInt(3) == 0
            ? "(" + anInt(d) + " / " + anInt(d) + ")"
            : "(" + anInt(d) + " / " + rnd.nextInt(1, 4) + ")";
    }
  }

  private String aLong(int depth) {
    if (depth <= 0) {
      return rnd.nextBoolean() ? rnd.nextInt(0, 100) + "L" : local(Type.LONG, "(long) a");
    }
    int d = depth - 1;
    switch (rnd.nextInt(6)) {
      case 0:
        return rnd.nextInt(0, 100) + "L";
      case 1:
      case 2:
        return local(Type.LONG, "(long) d");
      case 3:
        return "(" + aLong(d) + " + " + aLong(d) + ")";
      case 4:
        return "(" + aLong(d) + " * 31L)";
      default:
        return "(long) " + anInt(d);
    }
  }

  private String aBoolean(int depth) {
    if (depth <= 0) {
      return local(Type.BOOLEAN, "(a > " + rnd.nextInt(0, 6) + ")");
    }
    int d = depth - 1;
    switch (rnd.nextInt(8)) {
      case 0:
      case 1:
        return local(Type.BOOLEAN, "(d > 1)");
      case 2:
        return "(" + anInt(d) + " < " + anInt(d) + ")";
      case 3:
        return "(" + anInt(d) + " % 2 == 0)";
      case 4:
        return "!" + aBoolean(d);
      case 5:
        return "(" + aBoolean(d) + " && " + aBoolean(d) + ")";
      case 6:
        return "(" + aBoolean(d) + " || " + aBoolean(d) + ")";
      default:
        return aString(d) + ".isEmpty()";
    }
  }

  private String aString(int depth) {
    if (depth <= 0) {
      return rnd.nextBoolean() ? "\"s" + rnd.nextInt(10) + "\"" : local(Type.STRING, "\"\"");
    }
    int d = depth - 1;
    switch (rnd.nextInt(5)) {
      case 0:
        return "\"s" + rnd.nextInt(10) + "\"";
      case 1:
      case 2:
        return local(Type.STRING, "\"\"");
      case 3:
        return "cut(" + aString(d) + " + " + anInt(d) + ")";
      default:
        return "String.valueOf(" + aLong(d) + ")";
    }
  }

  private String anArray(int depth) {
    String arr = local(Type.ARRAY, null);
    if (arr != null && (depth <= 0 || rnd.nextBoolean())) {
      return arr;
    }
    int n = rnd.nextInt(1, 4);
    StringBuilder sb = new StringBuilder("new int[] {");
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? ", " : "").append(anInt(Math.max(0, depth - 1)));
    }
    return sb.append('}').toString();
  }
}
