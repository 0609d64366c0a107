package dev.fibered.fuzzer;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The statements of {@link Feature#LAMBDAS}: lambdas and method references with no switch point
 * inside, created in a {@code @Fibered} body and called there, at once or after switch points. A
 * lambda names only what it may capture: {@code d}, {@code t}, the fields of {@code this}, and
 * with {@link Feature#LAMBDA_CAPTURES} the effectively final locals. Its value depends on when it
 * was created, which the processor must keep: a local that lives across a switch point is a field
 * of the machine, and the lambda must see the value it had when the lambda was created.
 *
 * <p>Each method has a list {@code q} of {@code IntSupplier}s that {@code drain(q)} calls later; a
 * lambda added to it in a loop captures that iteration's value.
 */
final class Lambdas {
  /** The name of each method's list of deferred lambdas. */
  static final String QUEUE = "q";

  private final SplittableRandom rnd;
  private final Scope scope;
  private final boolean implicitExceptions;
  private final boolean captureLocals;
  private final UnaryOperator<String> fresh;
  private final String host;
  private final String receiver;

  /**
   * @param host the generated class's simple name, whose static {@code twice} a method reference
   *     may name
   * @param captureLocals whether lambdas may capture the method's locals (and so the loop's
   *     value), not only its parameters and the fields of {@code this}
   * @param receiver an expression of the generated class ({@code this} or {@code o}) whose
   *     {@code plus} method a method reference may name, or null for none
   */
  Lambdas(
      SplittableRandom rnd,
      Scope scope,
      boolean implicitExceptions,
      boolean captureLocals,
      UnaryOperator<String> fresh,
      String host,
      String receiver) {
    this.rnd = rnd;
    this.scope = scope;
    this.implicitExceptions = implicitExceptions;
    this.captureLocals = captureLocals;
    this.fresh = fresh;
    this.host = host;
    this.receiver = receiver;
  }

  /** One statement that creates a lambda, or calls one created earlier. */
  void statement(Node.Block block) {
    switch (rnd.nextInt(9)) {
      case 0:
      case 1:
        operator(block);
        return;
      case 2:
        runnable(block);
        return;
      case 3:
        {
          String s = fresh.apply("s");
          block.add(
              Node.of(
                  "Supplier<String> " + s + " = () -> " + body().of(Type.STRING) + "; t.add(\"" + s + " \" + " + s
                      + ".get());"));
          return;
        }
      case 4:
        {
          String c = fresh.apply("k");
          block.add(
              Node.of(
                  "Consumer<String> " + c + " = t::add; " + c + ".accept(\"" + c + " \" + "
                      + body().of(Type.INT) + ");"));
          return;
        }
      case 5:
        defer(block, null);
        return;
      case 6:
        block.add(Node.of("t.add(\"" + fresh.apply("q") + " \" + drain(" + QUEUE + "));"));
        return;
      case 7:
        {
          Scope.Local op = scope.pick(rnd, Type.INT_OPERATOR, false);
          if (op == null) {
            operator(block);
            return;
          }
          block.add(
              Node.of("t.add(\"" + fresh.apply("p") + " \" + " + op.name + ".applyAsInt(" + body().of(Type.INT, 1) + "));"));
          return;
        }
      default:
        {
          Scope.Local r = scope.pick(rnd, Type.RUNNABLE, false);
          if (r == null) {
            runnable(block);
            return;
          }
          block.add(Node.of(r.name + ".run();"));
        }
    }
  }

  /**
   * In a loop body: the loop's value for a lambda or anonymous class to capture: a copy of the
   * counter, or the for-each variable itself if {@code counter} is one.
   */
  String loopValue(Node.Block body, String counter, boolean counterIsFinal) {
    if (counterIsFinal) {
      return counter;
    }
    String value = fresh.apply("c");
    body.add(Node.of((rnd.nextBoolean() ? "final " : "") + "int " + value + " = " + counter + ";"));
    scope.declareFinal(value, Type.INT);
    return value;
  }

  /** {@code q.add(() -> ...)}, naming {@code value} if it is not null. */
  void defer(Node.Block block, String value) {
    String e = body().of(Type.INT);
    block.add(Node.of(QUEUE + ".add(() -> " + (value == null ? e : "(" + value + " * 10 + " + e + ")") + ");"));
  }

  /** An IntUnaryOperator local: a lambda, a block lambda with a loop, or a method reference. */
  private void operator(Node.Block block) {
    String f = fresh.apply("g");
    String z = fresh.apply("z");
    String value;
    switch (rnd.nextInt(6)) {
      case 0:
        value = "Math::abs";
        break;
      case 1:
        value = host + "::twice";
        break;
      case 2:
        value = receiver == null ? "Math::negateExact" : receiver + "::plus";
        break;
      case 3:
        {
          String sum = fresh.apply("u");
          String k = fresh.apply("j");
          Expressions inside = withParameter(z);
          value =
              z + " -> { int " + sum + " = " + z + "; for (int " + k + " = 0; " + k + " < 3; " + k + "++) { "
                  + sum + " += " + inside.of(Type.INT, 1) + "; } return " + sum + "; }";
          break;
        }
      default:
        value = z + " -> " + withParameter(z).of(Type.INT);
    }
    block.add(Node.of(Type.INT_OPERATOR.java + " " + f + " = " + value + ";"));
    scope.declareFinal(f, Type.INT_OPERATOR);
  }

  /** A Runnable local that records to the trace when it runs, run at once or later. */
  private void runnable(Node.Block block) {
    String r = fresh.apply("r");
    String event = "t.add(\"" + r + " \" + " + body().of(Type.STRING) + ")";
    Node n = Node.of("Runnable " + r + " = () -> " + event + ";");
    if (rnd.nextBoolean()) {
      n.line(r + ".run();");
    }
    block.add(n);
    scope.declareFinal(r, Type.RUNNABLE);
  }

  /** Expressions over what a lambda created here may capture. */
  private Expressions body() {
    return new Expressions(rnd, scope.capturable(captureLocals), implicitExceptions, "d", false);
  }

  /** Expressions over what a lambda may capture, and its parameter {@code z}. */
  private Expressions withParameter(String z) {
    Scope inside = scope.capturable(captureLocals);
    inside.declareFinal(z, Type.INT);
    return new Expressions(rnd, inside, implicitExceptions, z, false);
  }
}
