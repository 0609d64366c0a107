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
  /**
   * Per callee: its result. The callees are the methods {@code m0..} of the class, then the
   * {@link Hierarchy}'s dispatched methods, called on a {@link Type#BASE} local.
   */
  private final List<Type> results = new ArrayList<>();
  /** Per callee: whether it is static (the others are instance methods). */
  private final List<Boolean> statics = new ArrayList<>();
  /** Per callee: its name. */
  private final List<String> callees = new ArrayList<>();
  /** How many of the callees are methods of the class (the rest are dispatched). */
  private int methods;
  /** The base type and implementations of {@link Feature#DISPATCH}, or null. */
  private Hierarchy hierarchy;
  /** The instance fields of the class, {@code f0} always an int. */
  private final List<Type> fields = new ArrayList<>();
  /** The generated class's simple name. */
  private String host;

  // The method being generated.
  private Type result;
  private boolean isStatic;
  private Scope scope;
  private Expressions expr;
  /** Expressions whose type the processor can tell: operands before a later switch point. */
  private Expressions typed;
  private Lambdas lambdas;
  private Anonymous anonymous;
  private LocalClasses localClasses;
  private final Deque<Target> targets = new ArrayDeque<>();
  private int names;
  private int budget;
  private int noSwitchPoints;
  private int checkedThrowers;
  /** Inside a switch expression's cases: no return (nor jump) may leave them. */
  private int noReturns;
  /** Whether the switch expression being generated has a case with a value yet. */
  private boolean yielded;
  /**
   * Whether the outermost switch expression being generated is an operand (of {@code +}, a call).
   * See {@link #inOperandSwitch}.
   */
  private boolean switchIsOperand;

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
    // Not new SplittableRandom(seed * GOLDEN_GAMMA + c): that made the stream of seed s + 1 the
    // stream of seed s shifted by one draw, so neighbouring seeds generated much the same code.
    // split() gives each seed a mixed state and gamma of its own.
    this.rnd = new SplittableRandom(seed).split();
  }

  /** The class name of the program of {@code seed}. */
  public static String nameFor(long seed) {
    return (seed < 0 ? "N" : "P") + Math.abs(seed);
  }

  public Program generate() {
    host = nameFor(seed);
    // Half the programs have a hierarchy, and then fewer methods: six more bodies would double
    // the program, and javac's time is most of the fuzzer's.
    boolean dispatch = on(Feature.DISPATCH) && rnd.nextBoolean();
    int count = rnd.nextInt(2, dispatch ? 4 : 5);
    for (int i = 0; i < count; i++) {
      Type[] kinds = {Type.INT, Type.INT, Type.LONG, Type.STRING, Type.VOID};
      results.add(kinds[rnd.nextInt(on(Feature.VOID_METHODS) ? kinds.length : kinds.length - 1)]);
      statics.add(!on(Feature.INSTANCE_METHODS) || rnd.nextInt(5) < 2);
      callees.add("m" + i);
    }
    methods = count;
    if (dispatch) {
      hierarchy = new Hierarchy(rnd, on(Feature.VOID_METHODS));
      results.addAll(hierarchy.results());
      callees.addAll(Hierarchy.names());
      statics.addAll(List.of(false, false));
    }
    if (statics.subList(0, methods).contains(false)) {
      fields.add(Type.INT);
      for (int i = rnd.nextInt(1, 4); i > 0; i--) {
        Type[] kinds = {Type.INT, Type.LONG, Type.STRING, Type.ARRAY};
        fields.add(kinds[rnd.nextInt(kinds.length)]);
      }
    }
    List<String> entries = count > 1 ? List.of("m0", "m1") : List.of("m0");
    Node root = new Node(false);
    root.line("// seed " + seed + "; entries: " + String.join(" ", entries));
    root.line("package " + Program.PACKAGE + ";");
    root.line("");
    root.line("import dev.fibered.Fiber;");
    root.line("import dev.fibered.Fibered;");
    root.line("import java.util.ArrayList;");
    root.line("import java.util.List;");
    root.line("import java.util.function.Consumer;");
    root.line("import java.util.function.IntSupplier;");
    root.line("import java.util.function.IntUnaryOperator;");
    root.line("import java.util.function.Supplier;");
    root.line("");
    root.line("final class " + host + " {");
    Node.Block members = new Node.Block();
    root.block(members);
    root.line("}");
    members.add(support());
    if (!fields.isEmpty()) {
      members.add(fields());
    }
    if (on(Feature.GENERIC_METHODS)) {
      members.add(genericMethods());
    }
    if (hierarchy != null) {
      members.nodes.addAll(hierarchy.types(this::body));
    }
    for (int i = 0; i < count; i++) {
      members.add(method(i));
    }
    return new Program(seed, host, root, entries);
  }

  /** The exceptions, the resource and the helpers every program has. */
  private static Node support() {
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
      "static int twice(int x) {",
      "  return 2 * x;",
      "}",
      "static String drain(List<IntSupplier> q) {",
      "  StringBuilder sb = new StringBuilder();",
      "  for (IntSupplier s : q) {",
      "    sb.append(s.getAsInt()).append(',');",
      "  }",
      "  q.clear();",
      "  return sb.toString();",
      "}",
      "",
    };
    return fixedLines(lines);
  }

  /** The instance fields (initialized, package-private) and a plain instance method. */
  private Node fields() {
    Node n = new Node(false);
    for (int i = 0; i < fields.size(); i++) {
      Type type = fields.get(i);
      String init;
      switch (type) {
        case LONG:
          init = rnd.nextInt(0, 100) + "L";
          break;
        case STRING:
          init = "\"s" + rnd.nextInt(10) + "\"";
          break;
        case ARRAY:
          init = "{" + rnd.nextInt(-3, 12) + ", " + rnd.nextInt(-3, 12) + ", " + rnd.nextInt(-3, 12) + "}";
          break;
        default:
          init = String.valueOf(rnd.nextInt(-3, 12));
      }
      n.line(type.java + " f" + i + " = " + init + ";");
    }
    n.line("int plus(int x) {");
    n.line("  return x + f0;");
    n.line("}");
    n.line("");
    return n;
  }

  /** Two generic @Fibered methods with switch points, called with boxed values. */
  private static Node genericMethods() {
    String[] lines = {
      "@Fibered",
      "static <T> T pick(List<String> t, boolean c, T x, T y) {",
      "  t.add(\"pick \" + c + \" \" + x + \" \" + y);",
      "  T first = c ? x : y;",
      "  Fiber.yield();",
      "  for (int k = 0; k < 2; k++) {",
      "    t.add(\"pick \" + k + \" \" + first);",
      "  }",
      "  return first;",
      "}",
      "",
      "@Fibered",
      "static <T extends Comparable<T>> T larger(List<String> t, T x, T y) {",
      "  Fiber.yieldNow();",
      "  T r = x.compareTo(y) >= 0 ? x : y;",
      "  t.add(\"larger \" + r);",
      "  return r;",
      "}",
      "",
    };
    return fixedLines(lines);
  }

  /** A node the shrinker keeps, of these lines. */
  private static Node fixedLines(String[] lines) {
    Node n = new Node(false);
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
    boolean isStatic = statics.get(index);
    Type result = results.get(index);
    Node n = new Node(index >= 2); // the entries m0 and m1 stay
    n.line("@Fibered");
    String modifiers = isStatic ? "static " : rnd.nextBoolean() ? "final " : "";
    n.line(modifiers + result.java + " m" + index + "(List<String> t, int d, int a) throws Exception {");
    body(n, "m" + index, result, isStatic, List.of(), List.of(), rnd.nextInt(6, 24));
    return n;
  }

  /**
   * The body of a method of the {@link Hierarchy}: like a static method's, with the type's
   * members, and shorter (there are up to six such bodies, and javac's time is the fuzzer's).
   */
  private void body(Node n, String name, Type result, List<Scope.Local> members, List<String> prologue) {
    body(n, name, result, true, members, prologue, rnd.nextInt(2, 9));
  }

  /**
   * The body of a {@code @Fibered} method with the parameters {@code (List<String> t, int d, int
   * a)}, and its closing brace: {@code isStatic} if it has no {@code this} of the generated class
   * (it makes an {@code o} to call instance methods on), with the fields {@code members} of its
   * own class, starting with the {@code prologue} statements, of up to {@code budget} statements.
   */
  private void body(
      Node n,
      String name,
      Type result,
      boolean isStatic,
      List<Scope.Local> members,
      List<String> prologue,
      int budget) {
    this.result = result;
    this.isStatic = isStatic;
    scope = new Scope();
    boolean implicit = on(Feature.IMPLICIT_EXCEPTIONS);
    expr = new Expressions(rnd, scope, implicit, "a", false);
    typed = new Expressions(rnd, scope, implicit, "a", true);
    boolean hasReceiver = !fields.isEmpty();
    String receiver = !hasReceiver ? null : isStatic ? "o" : "this";
    lambdas = new Lambdas(rnd, scope, implicit, on(Feature.LAMBDA_CAPTURES), this::fresh, host, receiver);
    anonymous = new Anonymous(rnd, scope, implicit, on(Feature.LAMBDA_CAPTURES), this::fresh, hierarchy);
    localClasses =
        new LocalClasses(rnd, scope, implicit, this::fresh, this::intCall, this::switchPointsAllowed, features);
    targets.clear();
    this.budget = budget;
    noSwitchPoints = 0;
    noReturns = 0;
    checkedThrowers = 0;
    scope.push();
    scope.declareParameter("d", Type.INT, false);
    scope.declareParameter("a", Type.INT, true);
    Node.Block body = new Node.Block();
    n.block(body);
    n.line("}");
    n.line("");
    body.add(Node.fixed("t.add(\"" + name + " \" + d + \" \" + a);"));
    if (hasReceiver && isStatic) {
      body.add(Node.fixed(host + " o = new " + host + "();"));
    }
    for (int i = 0; hasReceiver && i < fields.size(); i++) {
      String field = isStatic ? "o.f" + i : (rnd.nextBoolean() ? "this.f" : "f") + i;
      scope.add(new Scope.Local(field, fields.get(i), true, true, !isStatic, isStatic));
    }
    for (Scope.Local member : members) {
      scope.add(member);
    }
    body.add(Node.fixed("if (d <= 0 || t.size() > " + FUEL + ") return" + value(result, 1) + ";"));
    for (String statement : prologue) {
      body.add(Node.fixed(statement));
    }
    if (on(Feature.LAMBDAS)) {
      body.add(Node.fixed("List<IntSupplier> " + Lambdas.QUEUE + " = new ArrayList<>();"));
    }
    if (hierarchy != null) {
      declareBase(body, true);
    }
    if (on(Feature.LOCAL_CLASSES) && rnd.nextInt(3) == 0) {
      localClasses.declaration(body); // in scope for the whole body, across its switch points
    }
    if (!statements(body, 3, rnd.nextInt(2, 7))) {
      return;
    }
    String queue = on(Feature.LAMBDAS) ? " + \" \" + drain(" + Lambdas.QUEUE + ")" : "";
    body.add(Node.of("t.add(\"end " + name + "\"" + locals() + queue + ");"));
    if (result != Type.VOID || rnd.nextBoolean()) {
      body.add(Node.fixed("return" + value(result, 2) + ";"));
    }
    scope.pop();
  }

  /** {@code Base b = base(<int>);}: an implementation to dispatch on, picked at run time. */
  private void declareBase(Node.Block block, boolean fixed) {
    String name = fresh("b");
    String line = Hierarchy.BASE + " " + name + " = base(" + expr.of(Type.INT, 1) + ");";
    block.add(fixed ? Node.fixed(line) : Node.of(line));
    scope.declareFinal(name, Type.BASE);
  }

  /** What {@code return} is followed by: a space and a value, or nothing in a void method. */
  private String value(Type type, int depth) {
    return type == Type.VOID ? "" : " " + expr.of(type, depth);
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

  /**
   * Whether this is a case of a switch expression that is an operand: there JDK 17's javac
   * crashes on a try statement in plain Java (a NullPointerException in {@code
   * Gen.doHandleSwitchExpression}, spilling the operand stack), and writes a synchronized block
   * that the JVM rejects (a stack map at the monitor's handler that keeps the operands), so no
   * program with one could run directly to compare with.
   */
  private boolean inOperandSwitch() {
    return switchIsOperand && noReturns > 0;
  }

  /**
   * Whether a synchronized block may stand here: not in a switch expression's case unless
   * {@link Feature#SYNCHRONIZED_IN_SWITCH_EXPRESSIONS}, and never in one that is an operand.
   */
  private boolean synchronizedAllowed() {
    return noReturns == 0 || on(Feature.SYNCHRONIZED_IN_SWITCH_EXPRESSIONS) && !inOperandSwitch();
  }

  /** Whether a return may stand here (not inside a switch expression's cases). */
  private boolean canReturn() {
    return noReturns == 0;
  }

  /** Adds one statement; returns whether it can complete normally. */
  private boolean statement(Node.Block block, int depth) {
    if (on(Feature.LOCAL_CLASSES) && rnd.nextInt(4) == 0) {
      localClasses.use(block); // on top of the statement: uses of local types take no budget
    }
    while (true) {
      if (on(Feature.LAMBDAS) && rnd.nextInt(12) == 0) {
        lambdas.statement(block);
        return true;
      }
      if (on(Feature.ANONYMOUS_CLASSES) && rnd.nextInt(14) == 0) {
        anonymous.statement(block);
        return true;
      }
      if (on(Feature.LOCAL_CLASSES) && rnd.nextInt(30) == 0) {
        localClasses.declaration(block);
        return true;
      }
      if (hierarchy != null && rnd.nextInt(20) == 0) {
        declareBase(block, false);
        return true;
      }
      if (on(Feature.SWITCH_EXPRESSIONS) && depth > 0 && switchPointsAllowed() && on(Feature.CALLS)
          && rnd.nextInt(12) == 0) {
        boolean outer = switchIsOperand; // a case of another switch expression may hold this one
        boolean completes = switchExpressionStatement(block, depth);
        switchIsOperand = outer;
        return completes;
      }
      int pick = rnd.nextInt(100);
      if (pick < 14) {
        declare(block);
        return true;
      } else if (pick < 24) {
        if (assign(block)) {
          return true;
        }
      } else if (pick < 32) {
        block.add(Node.of("t.add(\"" + fresh("e") + " \" + " + traced(pick(Type.VALUES)) + ");"));
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
        if (on(Feature.TRY) && !inOperandSwitch()) {
          return tryStatement(block, depth);
        }
      } else if (pick < 95) {
        if (on(Feature.SWITCH)) {
          return switchStatement(block, depth);
        }
      } else if (on(Feature.SYNCHRONIZED) && synchronizedAllowed()) {
        return synchronizedStatement(block, depth);
      }
    }
  }

  /** {@code + " " + x} for every visible local: the trace shows them all at the end. */
  private String locals() {
    StringBuilder sb = new StringBuilder();
    for (Scope.Local l : scope.visible()) {
      if (!l.type.isTraceable()) {
        continue;
      }
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
    Type type = pick(Type.VALUES);
    String name = fresh("x");
    if (on(Feature.LAMBDA_CAPTURES) && rnd.nextInt(3) == 0) {
      block.add(Node.of((rnd.nextBoolean() ? "final " : "") + type.java + " " + name + " = " + expr.of(type) + ";"));
      scope.declareFinal(name, type); // for lambdas to capture
      return;
    }
    block.add(Node.of(type.java + " " + name + " = " + expr.of(type) + ";"));
    scope.declare(name, type, true);
  }

  private boolean assign(Node.Block block) {
    Type type = pick(Type.VALUES);
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

  /**
   * A call of a @Fibered method of this program: {@code mK(t, d - 1, <int>)}, on {@code o} or
   * (sometimes spelled out) {@code this} for an instance method.
   */
  private String call(int method) {
    return call(method, expr.of(Type.INT, 1));
  }

  private String call(int method, String argument) {
    return callPrefix(method) + argument + ")";
  }

  /**
   * A call up to its last argument: {@code mK(t, d - 1, }, or for a method of the {@link
   * Hierarchy} {@code b.op(t, d - 1, } on a {@link Type#BASE} local (every body declares one).
   */
  private String callPrefix(int method) {
    checkedThrowers++; // it throws Exception
    String receiver;
    if (method >= methods) {
      receiver = scope.pick(rnd, Type.BASE, false).name + ".";
    } else {
      receiver = statics.get(method) ? "" : isStatic ? "o." : rnd.nextInt(3) == 0 ? "this." : "";
    }
    return receiver + callees.get(method) + "(t, d - 1, ";
  }

  /** A call of a method whose result is not void, or -1 if every method is void. */
  private int valueCallee() {
    int callee = rnd.nextInt(results.size());
    for (int i = 0; i < results.size(); i++) {
      int c = (callee + i) % results.size();
      if (results.get(c) != Type.VOID) {
        return c;
      }
    }
    return -1;
  }

  /**
   * A call of a method whose result is not void, as an int, for {@link LocalClasses}; null where
   * no switch point may stand.
   */
  private String intCall() {
    int callee = valueCallee();
    if (!on(Feature.CALLS) || !switchPointsAllowed() || callee < 0) {
      return null;
    }
    return asInt(call(callee), results.get(callee));
  }

  /** {@code call} as an int: cast if it is a long, its length if a String. */
  private static String asInt(String call, Type type) {
    return type == Type.STRING ? call + ".length()" : type == Type.LONG ? "(int) " + call : call;
  }

  private boolean switchPoint(Node.Block block) {
    if (!on(Feature.CALLS) || (on(Feature.YIELDS) && rnd.nextInt(4) == 0)) {
      block.add(Node.of(rnd.nextBoolean() ? "Fiber.yield();" : "Fiber.yieldNow();"));
      return true;
    }
    if (on(Feature.GENERIC_METHODS) && rnd.nextInt(10) == 0) {
      return genericCall(block);
    }
    int callee = rnd.nextInt(results.size());
    Type type = results.get(callee);
    if (type == Type.VOID) {
      block.add(Node.of(call(callee) + ";"));
      return true;
    }
    if (on(Feature.COMPOUND_ASSIGNMENT_SWITCH_POINTS) && rnd.nextInt(4) == 0 && compoundAssignment(block, callee, type)) {
      return true;
    }
    if (on(Feature.NESTED_ASSIGNMENTS) && rnd.nextInt(5) == 0 && nestedAssignment(block, callee, type)) {
      return true;
    }
    if (on(Feature.NESTED_SWITCH_POINTS) && rnd.nextInt(5) == 0) {
      nestedCall(block, callee, type);
      return true;
    }
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
          declareResult(block, type, call(callee));
          return true;
        }
      case 2:
        if (type == result && canReturn() && rnd.nextInt(3) == 0) {
          block.add(Node.of("return " + call(callee) + ";"));
          return false;
        }
        break;
      default:
        {
          String name = declareResult(block, type, call(callee));
          block.add(Node.of("t.add(\"" + fresh("r") + " \" + " + name + ");"));
          return true;
        }
    }
    return switchPoint(block);
  }

  /**
   * {@code T x = value;}, with x assignable, or (for lambdas to capture it later, across switch
   * points) effectively final; returns x.
   */
  private String declareResult(Node.Block block, Type type, String value) {
    String name = fresh("x");
    block.add(Node.of(type.java + " " + name + " = " + value + ";"));
    if (on(Feature.LAMBDA_CAPTURES) && rnd.nextInt(3) == 0) {
      scope.declareFinal(name, type);
    } else {
      scope.declare(name, type, true);
    }
    return name;
  }

  /**
   * A call inside a larger expression, with operands Java evaluates before and after it (the
   * processor must keep that order, and the short-circuits).
   */
  private boolean callInExpression(Node.Block block, int callee, Type type) {
    boolean numeric = type.isNumeric();
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
              "long " + name + " = " + typed.of(Type.LONG, 1) + " + " + call(callee) + " * " + expr.of(Type.INT, 1) + ";"));
      scope.declare(name, Type.LONG, true);
      return true;
    }
    if (pick == 3 && numeric) {
      int outer = rnd.nextInt(results.size());
      String outerCall = call(outer, "(int) " + call(callee));
      Type outerType = results.get(outer);
      if (outerType == Type.VOID) {
        block.add(Node.of(outerCall + ";"));
      } else {
        declareResult(block, outerType, outerCall);
      }
      return true;
    }
    block.add(
        Node.of(
            "t.add(\""
                + fresh("s")
                + " \" + "
                + traced(pick(Type.VALUES))
                + " + \" \" + "
                + call(callee)
                + " + \" \" + "
                + traced(pick(Type.VALUES))
                + ");"));
    return true;
  }

  /**
   * {@code v op= call} as a statement, where v is a local, a field of this class or an element of
   * an array (its index perhaps another call); false if there is no variable to assign.
   */
  private boolean compoundAssignment(Node.Block block, int callee, Type type) {
    int pick = rnd.nextInt(3);
    if (pick == 0 && type.isNumeric()) {
      Scope.Local array = scope.pick(rnd, Type.ARRAY, false, true);
      if (array == null) {
        return false;
      }
      String index;
      int indexCallee = valueCallee();
      if (on(Feature.NESTED_SWITCH_POINTS) && rnd.nextBoolean()) {
        index = "(int) idx(" + asInt(call(indexCallee), results.get(indexCallee)) + ", " + array.name + ")";
      } else if (on(Feature.IMPLICIT_EXCEPTIONS) && rnd.nextInt(4) == 0) {
        index = typed.of(Type.INT, 1); // may be out of bounds: Java throws before the call
      } else {
        index = "(int) idx(" + expr.of(Type.INT, 1) + ", " + array.name + ")";
      }
      block.add(Node.of(array.name + "[" + index + "] " + arithmetic() + " " + call(callee) + ";"));
      return true;
    }
    Type target = pick == 1 ? Type.STRING : type.isNumeric() ? pick(new Type[] {Type.INT, Type.LONG}) : Type.STRING;
    Scope.Local l = scope.pick(rnd, target, true, true);
    if (l == null) {
      return false;
    }
    if (target == Type.STRING) {
      // cut(): a String that grows by every call would grow without bound in loops
      block.add(Node.of(l.name + " += " + (type == Type.STRING ? "cut(" + call(callee) + ")" : call(callee)) + ";"));
    } else {
      block.add(Node.of(l.name + " " + arithmetic() + " " + call(callee) + ";"));
    }
    return true;
  }

  /** A compound arithmetic operator; / and % only when an exception is welcome. */
  private String arithmetic() {
    String[] ops = {"+=", "-=", "*=", "^=", "|=", "/=", "%="};
    return ops[rnd.nextInt(on(Feature.IMPLICIT_EXCEPTIONS) ? ops.length : ops.length - 2)];
  }

  /**
   * A call nested in a larger expression whose other operands Java evaluates first are ones whose
   * type the source tells: an argument or receiver of a plain call, a branch or the condition of
   * {@code ?:}, an array index, an operand of {@code &&} or {@code ||}.
   */
  private void nestedCall(Node.Block block, int callee, Type type) {
    String call = call(callee);
    switch (rnd.nextInt(6)) {
      case 0:
        {
          Scope.Local op = scope.pick(rnd, Type.INT_OPERATOR, false);
          String value =
              op != null && rnd.nextBoolean()
                  ? op.name + ".applyAsInt(" + asInt(call, type) + ")"
                  : "Math.max(" + typed.of(Type.INT, 1) + ", " + asInt(call, type) + ")";
          declareResult(block, Type.INT, value);
          return;
        }
      case 1:
        block.add(
            Node.of(
                "t.add(cut(" + typed.of(Type.STRING, 1) + " + " + call + ") + \" " + fresh("n") + " \" + "
                    + traced(pick(Type.VALUES)) + ");"));
        return;
      case 2:
        {
          String other = typed.of(type, 1);
          String condition = expr.of(Type.BOOLEAN, 1);
          boolean callFirst = rnd.nextBoolean();
          declareResult(
              block, type, condition + " ? " + (callFirst ? call + " : " + other : other + " : " + call));
          return;
        }
      case 3:
        {
          String condition = asInt(call, type) + " > " + expr.of(Type.INT, 1);
          declareResult(block, Type.INT, "(" + condition + ") ? " + typed.of(Type.INT, 1) + " : " + typed.of(Type.INT, 1));
          return;
        }
      case 4:
        {
          String array = typed.of(Type.ARRAY, 0);
          String index =
              on(Feature.IMPLICIT_EXCEPTIONS) && rnd.nextInt(4) == 0
                  ? asInt(call, type)
                  : "idx(" + asInt(call, type) + ", " + array + ")";
          declareResult(block, Type.INT, array + "[" + index + "]");
          return;
        }
      default:
        {
          String test = type == Type.STRING ? call + ".isEmpty()" : call + " > " + expr.of(Type.INT, 1);
          boolean and = rnd.nextBoolean();
          String other = expr.of(Type.BOOLEAN, 1);
          String value = rnd.nextBoolean() ? other + (and ? " && " : " || ") + test : test + (and ? " && " : " || ") + other;
          declareResult(block, Type.BOOLEAN, value);
        }
    }
  }

  /** A call of a generic @Fibered method: to a variable, a return or a statement, as Java infers. */
  private boolean genericCall(Node.Block block) {
    Type type = pick(new Type[] {Type.INT, Type.LONG, Type.STRING});
    String call =
        rnd.nextBoolean()
            ? "pick(t, " + expr.of(Type.BOOLEAN, 1) + ", " + expr.of(type, 1) + ", " + expr.of(type, 1) + ")"
            : "larger(t, " + expr.of(type, 1) + ", " + expr.of(type, 1) + ")";
    switch (rnd.nextInt(5)) {
      case 0:
        block.add(Node.of(call + ";"));
        return true;
      case 1:
        if (type == result && canReturn()) {
          block.add(Node.of("return " + call + ";"));
          return false;
        }
        declareResult(block, type, call);
        return true;
      case 2:
        {
          // not o.f0: the processor infers T from a variable whose type the source tells
          Scope.Local l = scope.pick(rnd, type, true, true);
          if (l != null) {
            block.add(Node.of(l.name + " = " + call + ";"));
            return true;
          }
          declareResult(block, type, call);
          return true;
        }
      case 3:
        {
          String boxed = type == Type.INT ? "Integer" : type == Type.LONG ? "Long" : "String";
          String name = fresh("x");
          block.add(Node.of(boxed + " " + name + " = " + call + "; t.add(\"" + name + " \" + " + name + ");"));
          return true;
        }
      default:
        declareResult(block, type, call);
        return true;
    }
  }

  /** return, throw, break or continue: a statement that cannot complete normally. */
  private boolean terminal(Node.Block block) {
    int pick = rnd.nextInt(10);
    if (pick < 4 && jump(block, pick < 2)) {
      return false;
    }
    if (pick < 7 || !canReturn()) {
      block.add(Node.of("throw " + exception() + ";"));
      return false;
    }
    block.add(Node.of("return" + value(result, 2) + ";"));
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
        n.line(prefix + "for (int " + counter + " : " + expr.arraySource() + ") {");
        n.block(body);
        n.line("}");
    }
    if (kind == 3) {
      scope.declareFinal(counter, Type.INT); // a for-each variable is effectively final
    } else {
      scope.declare(counter, Type.INT, false);
    }
    if (on(Feature.LAMBDA_CAPTURES) && rnd.nextInt(3) == 0) {
      String value = lambdas.loopValue(body, counter, kind == 3);
      if (on(Feature.ANONYMOUS_CLASSES) && rnd.nextBoolean()) {
        anonymous.defer(body, value);
      } else if (on(Feature.LOCAL_CLASSES) && rnd.nextBoolean()) {
        localClasses.defer(body, value);
      } else {
        lambdas.defer(body, value);
      }
    }
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
    boolean strings = on(Feature.STRING_SWITCH) && rnd.nextInt(3) == 0;
    Node n = Node.of(prefix + "switch (" + selector(strings) + ") {");
    if (!points) {
      noSwitchPoints++;
    }
    targets.push(target);
    int cases = rnd.nextInt(1, 4);
    boolean hasDefault = rnd.nextBoolean();
    boolean lastCompletes = true;
    List<String> values =
        new ArrayList<>(
            strings
                ? List.of("\"s0\"", "\"s1\"", "\"s2\"", "\"s3\"", "\"\"", "\"0\"", "\"s12\"")
                : List.of("-3", "-2", "-1", "0", "1", "2", "3"));
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

  /** A switch's selector: an int in -3..3 or a String, perhaps with a call in it. */
  private String selector(boolean strings) {
    int callee = valueCallee();
    if (on(Feature.NESTED_SWITCH_POINTS) && on(Feature.CALLS) && switchPointsAllowed() && callee >= 0
        && rnd.nextInt(4) == 0) {
      Type type = results.get(callee);
      if (strings) {
        return type == Type.STRING ? call(callee) : "\"s\" + " + call(callee);
      }
      return asInt(call(callee), type) + " % 4";
    }
    return strings ? expr.of(Type.STRING, 1) : expr.of(Type.INT, 1) + " % 4";
  }

  /**
   * A switch expression with switch points where Java allows one: a local's initializer, a return
   * value, a trace event, the right operand of {@code +} after a typed operand, a call's argument.
   * Returns whether the statement can complete normally.
   */
  private boolean switchExpressionStatement(Node.Block block, int depth) {
    Type type = pick(new Type[] {Type.INT, Type.LONG, Type.STRING});
    int form = rnd.nextInt(6);
    // Inside a case of a switch expression that is an operand, this one is evaluated as part of it.
    switchIsOperand = switchIsOperand || (form >= 1 && form <= 3);
    switch (form) {
      case 0:
        if (type == result && canReturn()) {
          block.add(switchExpression("return ", type, ";", depth));
          return false;
        }
        break;
      case 1:
        block.add(switchExpression("t.add(\"" + fresh("w") + " \" + ", type, ");", depth));
        return true;
      case 2:
        if (type != Type.STRING) {
          String name = fresh("x");
          block.add(switchExpression("long " + name + " = " + typed.of(Type.LONG, 1) + " + ", type, ";", depth));
          scope.declare(name, Type.LONG, true);
          return true;
        }
        break;
      case 3:
        {
          int callee = rnd.nextInt(results.size());
          String prefix = callPrefix(callee);
          Type outer = results.get(callee);
          String name = fresh("x");
          block.add(switchExpression(outer == Type.VOID ? prefix : outer.java + " " + name + " = " + prefix, Type.INT, ");", depth));
          if (outer != Type.VOID) {
            scope.declare(name, outer, true);
          }
          return true;
        }
      default:
        break;
    }
    String name = fresh("x");
    block.add(switchExpression(type.java + " " + name + " = ", type, ";", depth));
    scope.declare(name, type, true);
    return true;
  }

  /**
   * {@code <prefix>switch (<selector>) {<cases>}<suffix>}, a switch expression whose values are
   * {@code type}s (ints promote to a long one), all rules or all old-style groups, the last one
   * {@code default}. No break, continue or return may leave its cases.
   */
  private Node switchExpression(String prefix, Type type, String suffix, int depth) {
    boolean strings = on(Feature.STRING_SWITCH) && rnd.nextInt(3) == 0;
    Node n = Node.of(prefix + "switch (" + selector(strings) + ") {");
    Deque<Target> outside = new ArrayDeque<>(targets);
    targets.clear();
    noReturns++;
    boolean rules = rnd.nextBoolean();
    boolean yieldedOutside = yielded;
    yielded = false;
    List<String> values =
        new ArrayList<>(
            strings
                ? List.of("\"s0\"", "\"s1\"", "\"s2\"", "\"\"", "\"0\"")
                : List.of("-3", "-2", "-1", "0", "1", "2", "3"));
    int cases = rnd.nextInt(1, 4);
    for (int i = 0; i < cases; i++) {
      boolean last = i == cases - 1;
      String label = last ? "default" : "case " + values.remove(rnd.nextInt(values.size()));
      Node c;
      if (last && !yielded) { // javac wants a value somewhere
        c = Node.fixed(label + (rules ? " -> " + switchValue(type) + ";" : ": yield " + switchValue(type) + ";"));
      } else {
        c = rules ? rule(label, type, depth) : group(label, type, depth, last);
      }
      n.block(new Node.Block().add(c));
    }
    yielded = yieldedOutside;
    noReturns--;
    targets.addAll(outside);
    n.line("}" + suffix);
    return n;
  }

  /** {@code case X -> value;}, a nested switch expression, a throw, or a block that yields. */
  private Node rule(String label, Type type, int depth) {
    int pick = rnd.nextInt(8);
    if (pick < 3) {
      yielded = true;
      return Node.fixed(label + " -> " + switchValue(type) + ";");
    }
    if (pick == 3 && depth > 1) {
      Node nested = switchExpression(label + " -> ", type, ";", depth - 1);
      yielded = true;
      return nested;
    }
    if (pick == 4) {
      return Node.fixed(label + " -> throw " + exception() + ";");
    }
    Node n = Node.fixed(label + " -> {");
    Node.Block body = new Node.Block();
    n.block(body);
    n.line("}");
    scope.push();
    if (statements(body, depth - 1, rnd.nextInt(1, 3))) {
      yieldValue(body, type);
    }
    scope.pop();
    return n;
  }

  /** {@code case X:} statements, then a yield, or (not the last group) a fall-through. */
  private Node group(String label, Type type, int depth, boolean last) {
    Node n = Node.fixed(label + ":");
    Node.Block body = new Node.Block();
    n.block(body);
    scope.push();
    if (statements(body, depth - 1, rnd.nextInt(0, 3)) && (last || rnd.nextInt(3) > 0)) {
      yieldValue(body, type);
    }
    scope.pop();
    return n;
  }

  /** {@code yield <value>;}, sometimes leaving a try through its finally. */
  private void yieldValue(Node.Block body, Type type) {
    yielded = true;
    String yield = "yield " + switchValue(type) + ";";
    if (switchIsOperand || rnd.nextInt(4) > 0) {
      body.add(Node.fixed(yield));
      return;
    }
    Node n = Node.fixed("try {");
    n.line("  " + yield);
    n.line("} finally {");
    n.line("  t.add(\"" + fresh("f") + " \" + " + expr.of(Type.INT, 1) + ");");
    n.line("}");
    body.add(n);
  }

  /**
   * A switch expression's value whose type the source spells out: a call of a method of that
   * result (an int one for a long), a typed expression, a literal.
   */
  private String switchValue(Type type) {
    int pick = rnd.nextInt(4);
    if (pick < 2 && switchPointsAllowed()) {
      int callee = rnd.nextInt(results.size());
      for (int i = 0; i < results.size(); i++) {
        int c = (callee + i) % results.size();
        Type r = results.get(c);
        if (r == type || type == Type.LONG && r == Type.INT) {
          return call(c);
        }
      }
    }
    if (pick == 2) {
      return type == Type.STRING ? "\"v" + rnd.nextInt(10) + "\"" : rnd.nextInt(-3, 40) + (type == Type.LONG ? "L" : "");
    }
    return typed.of(type == Type.LONG && rnd.nextBoolean() ? Type.INT : type, 1);
  }

  /**
   * An array element incremented with a switch point in its index ({@code a[i()]++}), or a
   * compound assignment with a switch point inside a larger expression ({@code x + (a[i()] +=
   * f())}); false if there is no variable for it. Every variable is one whose type the source
   * tells, and so is every operand before a switch point.
   */
  private boolean nestedAssignment(Node.Block block, int callee, Type type) {
    if (type == Type.VOID) {
      return false;
    }
    Scope.Local array = scope.pick(rnd, Type.ARRAY, false, true);
    int pick = rnd.nextInt(4);
    if (pick == 0 && array != null) {
      String element = array.name + "[(int) idx(" + asInt(call(callee), type) + ", " + array.name + ")]";
      String[] forms = {element + "++", element + "--", "++" + element, "--" + element};
      String increment = forms[rnd.nextInt(forms.length)];
      switch (rnd.nextInt(3)) {
        case 0:
          block.add(Node.of(increment + ";"));
          break;
        case 1:
          declareResult(block, Type.INT, typed.of(Type.INT, 1) + " + " + increment);
          break;
        default:
          int later = valueCallee();
          declareResult(block, Type.LONG, increment + " * 3L + " + asInt(call(later), results.get(later)));
      }
      return true;
    }
    String variable;
    Type variableType;
    if (pick == 1 && array != null) {
      int indexCallee = valueCallee();
      String index =
          rnd.nextBoolean() ? asInt(call(indexCallee), results.get(indexCallee)) : typed.of(Type.INT, 1);
      variable = array.name + "[(int) idx(" + index + ", " + array.name + ")]";
      variableType = Type.INT;
    } else {
      variableType = type == Type.STRING || type == Type.VOID ? Type.STRING : pick(new Type[] {Type.INT, Type.LONG});
      Scope.Local l = scope.pick(rnd, variableType, true, true);
      if (l == null) {
        return false;
      }
      variable = l.name;
    }
    String assignment;
    if (variableType == Type.STRING) {
      assignment = "(" + variable + " += cut(" + (type == Type.STRING ? call(callee) : "\"\" + " + call(callee)) + "))";
    } else if (type == Type.STRING) {
      assignment = "(" + variable + " += " + call(callee) + ".length())";
    } else {
      assignment = "(" + variable + " " + arithmetic() + " " + call(callee) + ")";
    }
    switch (rnd.nextInt(3)) {
      case 0:
        if (variableType != Type.STRING) {
          declareResult(block, Type.LONG, typed.of(Type.LONG, 1) + " + " + assignment);
          return true;
        }
        break;
      case 1:
        if (variableType == Type.INT) {
          int outer = rnd.nextInt(results.size());
          Type outerType = results.get(outer);
          String outerCall = call(outer, typed.of(Type.INT, 1) + " - " + assignment);
          if (outerType == Type.VOID) {
            block.add(Node.of(outerCall + ";"));
          } else {
            declareResult(block, outerType, outerCall);
          }
          return true;
        }
        break;
      default:
        break;
    }
    block.add(Node.of("t.add(\"" + fresh("n") + " \" + " + typed.of(Type.INT, 1) + " + \" \" + " + assignment + ");"));
    return true;
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
