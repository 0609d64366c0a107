package dev.fibered.fuzzer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded generator of random, well-typed programs with {@code @Fibered} methods (one class per
 * seed, see {@link Program} for its shape). The same seed and features give the same program.
 *
 * <p>What keeps every program compilable and terminating:
 *
 * <ul>
 *   <li>every local is initialized where it is declared and has a name unique in its method
 *       (definite assignment, no shadowing); loop counters are never assigned by the body;
 *   <li>a block stops after a statement that cannot complete normally (JLS 14.22), and each
 *       generator reports whether its statement can, so nothing is unreachable; a finally block
 *       that could not complete normally gets its last statement wrapped in
 *       {@code if (t != null)}; every method ends with a return unless its body cannot complete;
 *   <li>loop bounds are small literals, every call passes {@code d - 1}, and a method returns at
 *       once when {@code d <= 0} or its trace holds more than {@link #FUEL} events;
 *   <li>a catch of the checked exception only where its try block can throw it.
 * </ul>
 */
public final class ProgramGenerator {
  /** A method returns at once once its trace is this long: bounds the work of recursion. */
  static final int FUEL = 200;

  private final long seed;
  private final Set<Feature> features;
  private final SplittableRandom rnd;
  private final List<Type> results = new ArrayList<>();

  // The method being generated.
  private Type result;
  private Scope scope;
  private Expressions expr;
  private final Deque<Target> targets = new ArrayDeque<>();
  private int names;
  private int budget;
  private int noSwitchPoints;
  private int checkedThrowers;

  /** What a break or continue can go to. */
  private static final class Target {
    final String label; // null: unlabelled
    final boolean loop;
    final boolean isSwitch;
    boolean broken;
    boolean continued;

    Target(String label, boolean loop, boolean isSwitch) {
      this.label = label;
      this.loop = loop;
      this.isSwitch = isSwitch;
    }
  }

  public ProgramGenerator(long seed) {
    this(seed, Feature.DEFAULTS);
  }

  public ProgramGenerator(long seed, Set<Feature> features) {
    this.seed = seed;
    this.features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    this.rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
  }

  /** The class name of the program of {@code seed}. */
  public static String nameFor(long seed) {
    return (seed < 0 ? "N" : "P") + Math.abs(seed);
  }

  public Program generate() {
    String name = nameFor(seed);
    int count = rnd.nextInt(2, 5);
    for (int i = 0; i < count; i++) {
      Type[] kinds = {Type.INT, Type.INT, Type.LONG, Type.STRING};
      results.add(kinds[rnd.nextInt(kinds.length)]);
    }
    List<String> entries = count > 1 ? List.of("m0", "m1") : List.of("m0");
    Node root = new Node(false);
    root.line("// seed " + seed + "; entries: " + String.join(" ", entries));
    root.line("package " + Program.PACKAGE + ";");
    root.line("");
    root.line("import dev.fibered.Fiber;");
    root.line("import dev.fibered.Fibered;");
    root.line("import java.util.List;");
    root.line("");
    root.line("final class " + name + " {");
    Node.Block members = new Node.Block();
    root.block(members);
    root.line("}");
    members.add(support());
    for (int i = 0; i < count; i++) {
      members.add(method(i));
    }
    return new Program(seed, name, root, entries);
  }

  /** The exceptions, the resource and the helpers every program has. */
  private static Node support() {
    Node n = new Node(false);
    String[] lines = {
      "static class A extends RuntimeException {",
      "  A(String m) { super(m); }",
      "}",
      "static final class B extends RuntimeException {",
      "  B(String m) { super(m); }",
      "}",
      "static final class C extends A {",
      "  C(String m) { super(m); }",
      "}",
      "static final class K extends Exception {",
      "  K(String m) { super(m); }",
      "}",
      "static final class Res implements AutoCloseable {",
      "  final List<String> t;",
      "  final String name;",
      "  final boolean fail;",
      "  Res(List<String> t, String name, boolean fail) {",
      "    this.t = t; this.name = name; this.fail = fail;",
      "    t.add(\"open \" + name);",
      "  }",
      "  @Override public void close() {",
      "    t.add(\"close \" + name);",
      "    if (fail) throw new B(\"close \" + name);",
      "  }",
      "}",
      "static String cut(String s) {",
      "  return s.length() > 12 ? s.substring(s.length() - 12) : s;",
      "}",
      "static int idx(int i, int[] a) {",
      "  return Math.floorMod(i, a.length);",
      "}",
      "",
    };
    for (String l : lines) {
      n.line(l);
    }
    return n;
  }

  private boolean on(Feature f) {
    return features.contains(f);
  }

  private String fresh(String prefix) {
    return prefix + (names++);
  }

  private Node method(int index) {
    result = results.get(index);
    scope = new Scope();
    expr = new Expressions(rnd, scope, on(Feature.IMPLICIT_EXCEPTIONS));
    targets.clear();
    budget = rnd.nextInt(6, 24);
    noSwitchPoints = 0;
    checkedThrowers = 0;
    scope.push();
    scope.declare("d", Type.INT, false);
    scope.declare("a", Type.INT, true);
    String m = "m" + index;
    Node n = new Node(index >= 2); // the entries m0 and m1 stay
    n.line("@Fibered");
    n.line("static " + result.java + " " + m + "(List<String> t, int d, int a) throws Exception {");
    Node.Block body = new Node.Block();
    n.block(body);
    n.line("}");
    n.line("");
    body.add(Node.fixed("t.add(\"" + m + " \" + d + \" \" + a);"));
    body.add(
        Node.fixed(
            "if (d <= 0 || t.size() > " + FUEL + ") return " + expr.of(result, 1) + ";"));
    if (!statements(body, 3, rnd.nextInt(2, 7))) {
      return n;
    }
    body.add(Node.of("t.add(\"end " + m + "\"" + locals() + ");"));
    body.add(Node.fixed("return " + expr.of(result) + ";"));
    scope.pop();
    return n;
  }

  /**
   * Adds up to {@code count} statements to {@code block}; returns whether the block can complete
   * normally (false once a statement that cannot was added: nothing may follow it).
   */
  private boolean statements(Node.Block block, int depth, int count) {
    for (int i = 0; i < count && budget > 0; i++) {
      budget--;
      if (!statement(block, depth)) {
        return false;
      }
    }
    return true;
  }

  /** A nested block of its own scope; returns whether it can complete normally. */
  private boolean nested(Node.Block block, int depth) {
    scope.push();
    boolean completes = statements(block, depth - 1, rnd.nextInt(1, 4));
    scope.pop();
    return completes;
  }

  private boolean switchPointsAllowed() {
    return noSwitchPoints == 0;
  }

  /** Adds one statement; returns whether it can complete normally. */
  private boolean statement(Node.Block block, int depth) {
    while (true) {
      int pick = rnd.nextInt(100);
      if (pick < 14) {
        declare(block);
        return true;
      } else if (pick < 24) {
        if (assign(block)) {
          return true;
        }
      } else if (pick < 32) {
        block.add(Node.of("t.add(\"" + fresh("e") + " \" + " + traced(pick(Type.values())) + ");"));
        return true;
      } else if (pick < 48) {
        if (switchPointsAllowed() && (on(Feature.CALLS) || on(Feature.YIELDS))) {
          return switchPoint(block);
        }
      } else if (pick < 52) {
        return terminal(block);
      } else if (pick < 58) {
        conditionalJump(block);
        return true;
      } else if (depth <= 0) {
        continue;
      } else if (pick < 60) {
        return ifStatement(block, depth);
      } else if (pick < 72) {
        if (on(Feature.LOOPS) && switchPointsAllowed()) {
          return loop(block, depth);
        }
      } else if (pick < 76) {
        if (on(Feature.LABELS)) {
          return labelledBlock(block, depth);
        }
      } else if (pick < 88) {
        if (on(Feature.TRY)) {
          return tryStatement(block, depth);
        }
      } else if (pick < 95) {
        if (on(Feature.SWITCH)) {
          return switchStatement(block, depth);
        }
      } else if (on(Feature.SYNCHRONIZED)) {
        return synchronizedStatement(block, depth);
      }
    }
  }

  /** {@code + " " + x} for every visible local: the trace shows them all at the end. */
  private String locals() {
    StringBuilder sb = new StringBuilder();
    for (Scope.Local l : scope.visible()) {
      String value = l.type == Type.ARRAY ? "java.util.Arrays.toString(" + l.name + ")" : l.name;
      sb.append(" + \" \" + ").append(value);
    }
    return sb.toString();
  }

  /** A value for the trace: arrays by their contents, not their identity. */
  private String traced(Type type) {
    String e = expr.of(type);
    return type == Type.ARRAY ? "java.util.Arrays.toString(" + e + ")" : e;
  }

  private static Type pick(SplittableRandom rnd, Type[] types) {
    return types[rnd.nextInt(types.length)];
  }

  private Type pick(Type[] types) {
    return pick(rnd, types);
  }

  private void declare(Node.Block block) {
    Type type = pick(Type.values());
    String name = fresh("x");
    block.add(Node.of(type.java + " " + name + " = " + expr.of(type) + ";"));
    scope.declare(name, type, true);
  }

  private boolean assign(Node.Block block) {
    Type type = pick(Type.values());
    Scope.Local l = scope.pick(rnd, type, true);
    if (l == null) {
      return false;
    }
    switch (type) {
      case INT:
      case LONG:
        block.add(Node.of(l.name + (rnd.nextBoolean() ? " = " : " += ") + expr.of(type) + ";"));
        break;
      case STRING:
        block.add(Node.of(l.name + " = cut(" + l.name + " + " + expr.of(Type.INT) + ");"));
        break;
      case ARRAY:
        String index =
            on(Feature.IMPLICIT_EXCEPTIONS) && rnd.nextInt(5) == 0
                ? expr.of(Type.INT, 1)
                : "idx(" + expr.of(Type.INT, 1) + ", " + l.name + ")";
        block.add(Node.of(l.name + "[" + index + "] = " + expr.of(Type.INT) + ";"));
        break;
      default:
        block.add(Node.of(l.name + " = " + expr.of(type) + ";"));
    }
    return true;
  }

  /** A call of a @Fibered method of this program: {@code mK(t, d - 1, <int>)}. */
  private String call(int method) {
    checkedThrowers++; // it throws Exception
    return "m" + method + "(t, d - 1, " + expr.of(Type.INT, 1) + ")";
  }

  private boolean switchPoint(Node.Block block) {
    if (!on(Feature.CALLS) || (on(Feature.YIELDS) && rnd.nextInt(4) == 0)) {
      block.add(Node.of(rnd.nextBoolean() ? "Fiber.yield();" : "Fiber.yieldNow();"));
      return true;
    }
    int callee = rnd.nextInt(results.size());
    Type type = results.get(callee);
    if (on(Feature.EXPRESSION_SWITCH_POINTS) && rnd.nextInt(3) == 0) {
      return callInExpression(block, callee, type);
    }
    switch (rnd.nextInt(4)) {
      case 0:
        block.add(Node.of(call(callee) + ";"));
        return true;
      case 1:
        {
          Scope.Local l = scope.pick(rnd, type, true);
          if (l != null) {
            block.add(Node.of(l.name + " = " + call(callee) + ";"));
            return true;
          }
          String name = fresh("x");
          block.add(Node.of(type.java + " " + name + " = " + call(callee) + ";"));
          scope.declare(name, type, true);
          return true;
        }
      case 2:
        if (type == result && rnd.nextInt(3) == 0) {
          block.add(Node.of("return " + call(callee) + ";"));
          return false;
        }
        break;
      default:
        {
          String name = fresh("x");
          block.add(Node.of(type.java + " " + name + " = " + call(callee) + ";"));
          block.add(Node.of("t.add(\"" + fresh("r") + " \" + " + name + ");"));
          scope.declare(name, type, true);
          return true;
        }
    }
    return switchPoint(block);
  }

  /**
   * A call inside a larger expression, with operands Java evaluates before and after it (the
   * processor must keep that order, and the short-circuits).
   */
  private boolean callInExpression(Node.Block block, int callee, Type type) {
    boolean numeric = type == Type.INT || type == Type.LONG;
    int pick = rnd.nextInt(4);
    if (pick == 1 && numeric) {
      Node n =
          Node.of(
              "if ("
                  + expr.of(Type.BOOLEAN, 1)
                  + (rnd.nextBoolean() ? " && " : " || ")
                  + call(callee)
                  + " > "
                  + expr.of(Type.INT, 1)
                  + ") {");
      n.block(new Node.Block().add(Node.of("t.add(\"" + fresh("c") + "\"" + locals() + ");")));
      n.line("}");
      block.add(n);
      return true;
    }
    if (pick == 2 && numeric) {
      String name = fresh("x");
      block.add(
          Node.of(
              "long " + name + " = " + expr.of(Type.LONG, 1) + " + " + call(callee) + " * " + expr.of(Type.INT, 1) + ";"));
      scope.declare(name, Type.LONG, true);
      return true;
    }
    if (pick == 3 && numeric) {
      int outer = rnd.nextInt(results.size());
      String argument = "(int) " + call(callee);
      checkedThrowers++;
      String name = fresh("x");
      Type outerType = results.get(outer);
      block.add(
          Node.of(outerType.java + " " + name + " = m" + outer + "(t, d - 1, " + argument + ");"));
      scope.declare(name, outerType, true);
      return true;
    }
    block.add(
        Node.of(
            "t.add(\""
                + fresh("s")
                + " \" + "
                + traced(pick(Type.values()))
                + " + \" \" + "
                + call(callee)
                + " + \" \" + "
                + traced(pick(Type.values()))
                + ");"));
    return true;
  }

  /** return, throw, break or continue: a statement that cannot complete normally. */
  private boolean terminal(Node.Block block) {
    int pick = rnd.nextInt(10);
    if (pick < 4 && jump(block, pick < 2)) {
      return false;
    }
    if (pick < 7) {
      block.add(Node.of("throw " + exception() + ";"));
      return false;
    }
    block.add(Node.of("return " + expr.of(result) + ";"));
    return false;
  }

  /** {@code if (<condition>) <jump>}: a jump, throw or return that the block goes on after. */
  private void conditionalJump(Node.Block block) {
    Node n = Node.of("if (" + expr.of(Type.BOOLEAN, 1) + ") {");
    Node.Block then = new Node.Block();
    if (targets.isEmpty() || !jump(then, rnd.nextBoolean())) {
      terminal(then);
    }
    n.block(then);
    n.line("}");
    block.add(n);
  }

  /**
   * A break or continue to an enclosing target, labelled when it has to be (or by chance when it
   * may); false if there is no target to jump to.
   */
  private boolean jump(Node.Block block, boolean isContinue) {
    List<Target> fit = new ArrayList<>();
    for (Target t : targets) {
      if ((isContinue ? t.loop : true) && (t.label != null || innermost(t, isContinue))) {
        fit.add(t);
      }
    }
    if (fit.isEmpty()) {
      return false;
    }
    Target t = fit.get(rnd.nextInt(fit.size()));
    boolean labelled = t.label != null && (!innermost(t, isContinue) || rnd.nextBoolean());
    block.add(Node.of((isContinue ? "continue" : "break") + (labelled ? " " + t.label : "") + ";"));
    if (isContinue) {
      t.continued = true;
    } else {
      t.broken = true;
    }
    return true;
  }

  /** A new exception: unchecked A, B or C, or the checked K. */
  private String exception() {
    String message = "\"" + fresh("x") + " \" + " + expr.of(Type.INT, 1);
    int pick = rnd.nextInt(on(Feature.CHECKED_EXCEPTIONS) ? 4 : 3);
    if (pick == 3) {
      checkedThrowers++;
    }
    return "new " + "ABCK".charAt(pick) + "(" + message + ")";
  }

  /** Whether an unlabelled break/continue here goes to {@code t}. */
  private boolean innermost(Target t, boolean isContinue) {
    for (Target u : targets) { // innermost first
      if (isContinue ? u.loop : (u.loop || u.isSwitch)) {
        return u == t;
      }
    }
    return false;
  }

  private boolean ifStatement(Node.Block block, int depth) {
    Node n = Node.of("if (" + expr.of(Type.BOOLEAN) + ") {");
    Node.Block then = new Node.Block();
    n.block(then);
    boolean thenCompletes = nested(then, depth);
    if (rnd.nextBoolean()) {
      n.line("}");
      block.add(n);
      return true;
    }
    n.line("} else {");
    Node.Block otherwise = new Node.Block();
    n.block(otherwise);
    boolean elseCompletes = nested(otherwise, depth);
    n.line("}");
    block.add(n);
    return thenCompletes || elseCompletes;
  }

  private String label() {
    return on(Feature.LABELS) && rnd.nextInt(3) == 0 ? fresh("L") : null;
  }

  private boolean loop(Node.Block block, int depth) {
    String label = label();
    Target target = new Target(label, true, false);
    Node n = new Node(true);
    Node.Block body = new Node.Block();
    String bound = rnd.nextInt(4) == 0 ? "(a & 3)" : String.valueOf(rnd.nextInt(0, 4));
    int kind = rnd.nextInt(4);
    String counter = fresh(kind == 3 ? "v" : "i");
    String prefix = label == null ? "" : label + ": ";
    scope.push();
    switch (kind) {
      case 0:
        n.line(prefix + "for (int " + counter + " = 0; " + counter + " < " + bound + "; " + counter + "++) {");
        n.block(body);
        n.line("}");
        break;
      case 1:
        n.line("int " + counter + " = 0;");
        n.line(prefix + "while (" + counter + " < " + bound + ") {");
        body.add(Node.fixed(counter + "++;"));
        n.block(body);
        n.line("}");
        break;
      case 2:
        n.line("int " + counter + " = 0;");
        n.line(prefix + "do {");
        body.add(Node.fixed(counter + "++;"));
        n.block(body);
        n.line("} while (" + counter + " < " + bound + ");");
        break;
      default:
        n.line(prefix + "for (int " + counter + " : " + expr.of(Type.ARRAY) + ") {");
        n.block(body);
        n.line("}");
    }
    scope.declare(counter, Type.INT, false);
    targets.push(target);
    boolean bodyCompletes = nested(body, depth);
    targets.pop();
    scope.pop();
    block.add(n);
    if (kind == 2) {
      return bodyCompletes || target.continued || target.broken;
    }
    return true;
  }

  private boolean labelledBlock(Node.Block block, int depth) {
    String label = fresh("L");
    Target target = new Target(label, false, false);
    Node n = Node.of(label + ": {");
    Node.Block body = new Node.Block();
    n.block(body);
    n.line("}");
    targets.push(target);
    boolean completes = nested(body, depth);
    targets.pop();
    block.add(n);
    return completes || target.broken;
  }

  private boolean tryStatement(Node.Block block, int depth) {
    Node n = new Node(true);
    boolean resources = on(Feature.TRY_WITH_RESOURCES) && rnd.nextInt(3) == 0;
    scope.push();
    if (resources) {
      String r = fresh("r");
      String fail = rnd.nextInt(3) == 0 ? expr.of(Type.BOOLEAN, 1) : "false";
      n.line("try (Res " + r + " = new Res(t, \"" + r + "\", " + fail + ")) {");
    } else {
      n.line("try {");
    }
    Node.Block body = new Node.Block();
    n.block(body);
    int checkedBefore = checkedThrowers;
    boolean completes = nested(body, depth);
    scope.pop();
    boolean mayThrowChecked = checkedThrowers > checkedBefore;
    List<String> catches = catchClauses(mayThrowChecked, resources);
    if (catches.stream().anyMatch(c -> c.contains("K") || c.contains("Exception") && !c.contains("Runtime"))) {
      checkedThrowers = checkedBefore; // caught here: the enclosing try block cannot throw them
    }
    for (String types : catches) {
      String e = fresh("c");
      n.line("} catch (" + types + " " + e + ") {");
      Node.Block handler = new Node.Block();
      n.block(handler);
      handler.add(Node.of("t.add(\"" + e + " \" + " + e + ");")); // type and message
      completes |= nested(handler, depth);
    }
    if (catches.isEmpty() && !resources || rnd.nextInt(3) == 0) {
      n.line("} finally {");
      Node.Block fin = new Node.Block();
      n.block(fin);
      fin.add(Node.of("t.add(\"" + fresh("f") + "\");"));
      finallyBlock(fin, depth);
    }
    n.line("}");
    block.add(n);
    return completes;
  }

  /**
   * A finally block that can complete normally (so a try's completion is that of its try and
   * catch blocks): if its last statement cannot, it goes inside {@code if (t != null)}, which
   * javac must assume can be false.
   */
  private void finallyBlock(Node.Block fin, int depth) {
    scope.push();
    Node.Block inner = new Node.Block();
    boolean completes = statements(inner, depth - 1, rnd.nextInt(1, 4));
    scope.pop();
    if (completes) {
      fin.nodes.addAll(inner.nodes);
      return;
    }
    Node last = inner.nodes.remove(inner.nodes.size() - 1);
    fin.nodes.addAll(inner.nodes);
    Node wrap = Node.of("if (t != null) {");
    wrap.block(new Node.Block().add(last));
    wrap.line("}");
    fin.add(wrap);
  }

  /**
   * Catch clauses in an order javac accepts: a type never after one of its supertypes, the
   * alternatives of a multi-catch unrelated, K only where the try block can throw it.
   */
  private List<String> catchClauses(boolean mayThrowChecked, boolean resources) {
    List<String> out = new ArrayList<>();
    int count = rnd.nextInt(resources ? 0 : 1, 3);
    List<String> caught = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[][] options = {
        {"A"}, {"B"}, {"C"}, {"C", "B"}, {"A", "B"}, {"K"}, {"K", "B"}, {"RuntimeException"}, {"Exception"},
      };
      String[] types = options[rnd.nextInt(options.length)];
      boolean ok = true;
      for (String type : types) {
        if (type.equals("K") && !(mayThrowChecked && on(Feature.CHECKED_EXCEPTIONS))) {
          ok = false;
        }
        for (String earlier : caught) {
          if (isSubtype(type, earlier)) {
            ok = false;
          }
        }
      }
      if (ok) {
        for (String type : types) {
          caught.add(type);
        }
        out.add(String.join(" | ", types));
      }
    }
    return out;
  }

  private static boolean isSubtype(String sub, String sup) {
    if (sub.equals(sup) || sup.equals("Exception")) {
      return true;
    }
    if (sup.equals("RuntimeException")) {
      return !sub.equals("K") && !sub.equals("Exception");
    }
    return sup.equals("A") && sub.equals("C");
  }

  private boolean switchStatement(Node.Block block, int depth) {
    boolean points = on(Feature.SWITCH_WITH_SWITCH_POINTS);
    Target target = new Target(label(), false, true);
    String prefix = target.label == null ? "" : target.label + ": ";
    Node n = Node.of(prefix + "switch (" + expr.of(Type.INT, 1) + " % 4) {");
    if (!points) {
      noSwitchPoints++;
    }
    targets.push(target);
    int cases = rnd.nextInt(1, 4);
    boolean hasDefault = rnd.nextBoolean();
    boolean lastCompletes = true;
    List<Integer> values = new ArrayList<>(List.of(-3, -2, -1, 0, 1, 2, 3));
    for (int i = 0; i < cases; i++) {
      boolean isDefault = hasDefault && i == cases - 1;
      String head = isDefault ? "default:" : "case " + values.remove(rnd.nextInt(values.size())) + ":";
      Node group = Node.fixed(head);
      Node.Block body = new Node.Block();
      group.block(body);
      lastCompletes = nested(body, depth);
      if (lastCompletes && rnd.nextBoolean()) {
        body.add(Node.of("break;"));
        target.broken = true;
        lastCompletes = false;
      }
      n.block(new Node.Block().add(group));
    }
    targets.pop();
    if (!points) {
      noSwitchPoints--;
    }
    n.line("}");
    block.add(n);
    return lastCompletes || target.broken || !hasDefault;
  }

  private boolean synchronizedStatement(Node.Block block, int depth) {
    boolean points = on(Feature.SYNCHRONIZED_WITH_SWITCH_POINTS);
    Node n = Node.of("synchronized (t) {");
    Node.Block body = new Node.Block();
    n.block(body);
    if (!points) {
      noSwitchPoints++;
    }
    boolean completes = nested(body, depth);
    if (!points) {
      noSwitchPoints--;
    }
    n.line("}");
    block.add(n);
    return completes;
  }
}
