package dev.fibered.fuzzer;

import java.util.SplittableRandom;

/**
 * Side-effect-free, well-typed expressions over the visible locals. None holds a switch point:
 * {@link ProgramGenerator} puts those around them. With
 * {@link Feature#IMPLICIT_EXCEPTIONS} some may throw: a division by a value that can be zero, an
 * index that can be out of bounds. No expression is a compile-time constant with a variable in
 * it, so no condition is constant and reachability stays simple.
 *
 * <p>A <em>typed</em> generator makes only expressions whose static type the processor can tell
 * from the source (literals, locals, fields of this class, casts, operators over those; see
 * docs/language.md): what an expression may hold where Java evaluates it before a later switch
 * point in the same expression. It puts a cast around the forms it cannot tell (a plain call,
 * {@code ?:}, an array creation).
 */
final class Expressions {
  private final SplittableRandom rnd;
  private final Scope scope;
  private final boolean implicitExceptions;
  private final String anIntLocal;
  private final boolean typed;
  /** An int variable some forms name for want of a local of their type: {@code d} in a method. */
  private final String outerInt;

  /**
   * @param anIntLocal an int variable that is always in scope (and may be captured where this
   *     generator is used), for when the scope has none
   */
  Expressions(SplittableRandom rnd, Scope scope, boolean implicitExceptions, String anIntLocal, boolean typed) {
    this(rnd, scope, implicitExceptions, anIntLocal, typed, "d");
  }

  /**
   * For a static context, where {@code d} is out of reach (a local record's, enum's or
   * interface's body): {@code anIntLocal} stands for it too.
   */
  static Expressions inStaticContext(SplittableRandom rnd, Scope scope, boolean implicitExceptions, String anIntLocal) {
    return new Expressions(rnd, scope, implicitExceptions, anIntLocal, false, anIntLocal);
  }

  private Expressions(
      SplittableRandom rnd, Scope scope, boolean implicitExceptions, String anIntLocal, boolean typed, String outerInt) {
    this.rnd = rnd;
    this.scope = scope;
    this.implicitExceptions = implicitExceptions;
    this.anIntLocal = anIntLocal;
    this.typed = typed;
    this.outerInt = outerInt;
  }

  /** {@code form} with a cast to {@code type} if this generator is typed. */
  private String told(String type, String form) {
    return typed ? "((" + type + ") " + form + ")" : form;
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
    Scope.Local l = scope.pick(rnd, type, false, typed);
    return l == null ? otherwise : l.name;
  }

  private String anInt(int depth) {
    if (depth <= 0) {
      return rnd.nextInt(3) == 0 ? String.valueOf(rnd.nextInt(-3, 12)) : local(Type.INT, anIntLocal);
    }
    int d = depth - 1;
    switch (rnd.nextInt(14)) {
      case 0:
        return String.valueOf(rnd.nextInt(-3, 12));
      case 1:
      case 2:
        return local(Type.INT, anIntLocal);
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
        return told("int", aString(d) + ".length()");
      case 9:
        return told("int", anArray(d) + ".length");
      case 10:
        {
          String arr = local(Type.ARRAY, null);
          if (arr == null) {
            return outerInt;
          }
          return implicitExceptions && rnd.nextInt(4) == 0
              ? arr + "[" + anInt(d) + "]"
              : arr + "[idx(" + anInt(d) + ", " + arr + ")]";
        }
      case 11:
        return "(int) " + aLong(d);
      case 12:
        return told("int", "(" + aBoolean(d) + " ? " + anInt(d) + " : " + anInt(d) + ")");
      default:
        return implicitExceptions && rnd.nextInt(3) == 0
            ? "(" + anInt(d) + " / " + anInt(d) + ")"
            : "(" + anInt(d) + " / " + rnd.nextInt(1, 4) + ")";
    }
  }

  private String aLong(int depth) {
    if (depth <= 0) {
      return rnd.nextBoolean() ? rnd.nextInt(0, 100) + "L" : local(Type.LONG, "(long) " + anIntLocal);
    }
    int d = depth - 1;
    switch (rnd.nextInt(6)) {
      case 0:
        return rnd.nextInt(0, 100) + "L";
      case 1:
      case 2:
        return local(Type.LONG, "(long) " + outerInt);
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
      return local(Type.BOOLEAN, "(" + anIntLocal + " > " + rnd.nextInt(0, 6) + ")");
    }
    int d = depth - 1;
    switch (rnd.nextInt(8)) {
      case 0:
      case 1:
        return local(Type.BOOLEAN, "(" + outerInt + " > 1)");
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
        return told("boolean", aString(d) + ".isEmpty()");
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
        return told("String", "cut(" + aString(d) + " + " + anInt(d) + ")");
      default:
        return told("String", "String.valueOf(" + aLong(d) + ")");
    }
  }

  /**
   * An array for a for-each loop to run over: the processor must tell it is an array, so not a
   * field of another object's ({@code o.f0}), even from an untyped generator.
   */
  String arraySource() {
    Scope.Local l = scope.pick(rnd, Type.ARRAY, false, true);
    return l != null && rnd.nextBoolean() ? l.name : anArray(0, true);
  }

  private String anArray(int depth) {
    return anArray(depth, typed);
  }

  private String anArray(int depth, boolean typedLocal) {
    Scope.Local l = scope.pick(rnd, Type.ARRAY, false, typedLocal);
    String arr = l == null ? null : l.name;
    if (arr != null && (depth <= 0 || rnd.nextBoolean())) {
      return arr;
    }
    int n = rnd.nextInt(1, 4);
    StringBuilder sb = new StringBuilder("new int[] {");
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? ", " : "").append(anInt(Math.max(0, depth - 1)));
    }
    return told("int[]", sb.append('}').toString());
  }
}
