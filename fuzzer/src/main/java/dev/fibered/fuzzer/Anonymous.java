package dev.fibered.fuzzer;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The statements of {@link Feature#ANONYMOUS_CLASSES}: anonymous classes created in a
 * {@code @Fibered} body, with no switch point inside (the processor runs them as plain Java), with
 * fields, loops and state of their own, naming what a lambda there may name (the fields of
 * {@code this} unqualified: inside the class, {@code this} is the anonymous object). Some
 * implement the {@link Hierarchy}'s base type: a fiber calls their {@code op} as a plain call, and
 * their inherited {@code tag} by dispatch.
 */
final class Anonymous {
  private final SplittableRandom rnd;
  private final Scope scope;
  private final boolean implicitExceptions;
  private final boolean captureLocals;
  private final UnaryOperator<String> fresh;
  private final Hierarchy hierarchy;

  /** @param hierarchy the program's base type to implement, or null if it has none */
  Anonymous(
      SplittableRandom rnd,
      Scope scope,
      boolean implicitExceptions,
      boolean captureLocals,
      UnaryOperator<String> fresh,
      Hierarchy hierarchy) {
    this.rnd = rnd;
    this.scope = scope;
    this.implicitExceptions = implicitExceptions;
    this.captureLocals = captureLocals;
    this.fresh = fresh;
    this.hierarchy = hierarchy;
  }

  /** One statement that creates an anonymous object (and perhaps uses it). */
  void statement(Node.Block block) {
    switch (rnd.nextInt(hierarchy == null ? 3 : 5)) {
      case 0:
        counter(block);
        return;
      case 1:
        runnable(block);
        return;
      case 2:
        defer(block, null);
        return;
      default:
        base(block);
    }
  }

  /** An IntSupplier with a field it bumps on each call, called twice. */
  private void counter(Node.Block block) {
    String s = fresh.apply("n");
    String c = fresh.apply("c");
    Node n = Node.of("IntSupplier " + s + " = new IntSupplier() {");
    n.line("  int " + c + " = " + body().of(Type.INT, 1) + ";");
    n.line("");
    n.line("  @Override");
    n.line("  public int getAsInt() {");
    n.line("    " + c + " += " + rnd.nextInt(1, 4) + ";");
    n.line("    return " + c + " + " + body().of(Type.INT, 1) + ";");
    n.line("  }");
    n.line("};");
    n.line("t.add(\"" + s + " \" + " + s + ".getAsInt() + \" \" + " + s + ".getAsInt());");
    block.add(n);
  }

  /** A Runnable with a loop that records to the trace, run at once or later. */
  private void runnable(Node.Block block) {
    String r = fresh.apply("r");
    String j = fresh.apply("j");
    Node n = Node.of("Runnable " + r + " = new Runnable() {");
    n.line("  @Override");
    n.line("  public void run() {");
    n.line("    for (int " + j + " = 0; " + j + " < 2; " + j + "++) {");
    n.line("      t.add(\"" + r + " \" + " + j + " + \" \" + " + body().of(Type.STRING) + ");");
    n.line("    }");
    n.line("  }");
    n.line("};");
    if (rnd.nextBoolean()) {
      n.line(r + ".run();");
    }
    block.add(n);
    scope.declareFinal(r, Type.RUNNABLE);
  }

  /**
   * {@code q.add(new IntSupplier() {...})}, for {@code drain(q)} to call later, naming {@code value}
   * (a loop's value in this iteration) if it is not null.
   */
  void defer(Node.Block block, String value) {
    String e = body().of(Type.INT);
    Node n = Node.of(Lambdas.QUEUE + ".add(new IntSupplier() {");
    n.line("  @Override");
    n.line("  public int getAsInt() {");
    n.line("    return " + (value == null ? e : value + " * 10 + " + e) + ";");
    n.line("  }");
    n.line("});");
    block.add(n);
  }

  /** A local of the base type whose {@code op} is this anonymous class's plain method. */
  private void base(Node.Block block) {
    String b = fresh.apply("b");
    String argument = hierarchy.isInterface ? "" : String.valueOf(rnd.nextInt(-3, 12));
    Node n = Node.of(Hierarchy.BASE + " " + b + " = new " + Hierarchy.BASE + "(" + argument + ") {");
    n.line("  @Override");
    n.line("  " + (hierarchy.isInterface ? "public " : "") + hierarchy.op.java + " op(List<String> tt, int dd, int aa) {");
    n.line("    tt.add(\"" + b + " op \" + dd + \" \" + aa + \" \" + " + body().of(Type.INT, 1) + ");");
    switch (hierarchy.op) {
      case VOID:
        break;
      case INT:
        n.line("    return aa * 2 - dd + " + body().of(Type.INT, 1) + ";");
        break;
      case LONG:
        n.line("    return aa * 7L + dd;");
        break;
      default:
        n.line("    return \"" + b + "\" + aa + " + body().of(Type.STRING, 1) + ";");
    }
    n.line("  }");
    n.line("};");
    block.add(n);
    scope.declareFinal(b, Type.BASE);
  }

  /**
   * Expressions over what a lambda created here may capture, with the fields of the generated
   * class named unqualified ({@code this.f0} would be the anonymous object's).
   */
  private Expressions body() {
    Scope inside = scope.capturable(captureLocals).withFieldsUnqualified();
    return new Expressions(rnd, inside, implicitExceptions, "d", false);
  }
}
