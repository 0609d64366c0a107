package dev.fibered.fuzzer;

import dev.fibered.fuzzer.LocalTypes.Declared;
import dev.fibered.fuzzer.LocalTypes.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The statements of {@link Feature#LOCAL_CLASSES}: local records, classes, interfaces and enums
 * ({@link LocalTypes}) declared in a {@code @Fibered} body, and their instances, kept in locals
 * and lists and used by later statements, across switch points: traced ({@code toString},
 * {@code equals}), called (with a switch point in the argument), copied, switched on (an enum),
 * extended by a later local class, made inside loops (a class declared in a loop body captures
 * that iteration's value). Where a local type's whole scope is plain Java, inside a lambda or an
 * anonymous class's method, it stays local in the processor's output too.
 *
 * <p>Nothing here holds a switch point inside a class body, and a capturing class is never named
 * as {@code Local::new} (both rejected by the processor); records, enums and interfaces capture
 * nothing (Java's rule).
 */
final class LocalClasses {
  private final SplittableRandom rnd;
  private final Scope scope;
  private final boolean implicitExceptions;
  private final UnaryOperator<String> fresh;
  private final Supplier<String> intCall;
  private final BooleanSupplier switchPointsAllowed;
  private final Set<Feature> features;
  private final LocalTypes types;
  /** Per variable of a local type (an instance or a list): the type of what it holds. */
  private final Map<String, Declared> typeOf = new HashMap<>();
  /** Per variable of a local type: the type it is declared with (a superclass of a subclass's). */
  private final Map<String, String> declaredAs = new HashMap<>();
  private final Set<String> lists = new HashSet<>();
  /** The names of the local types this method declared in its body (not in plain-Java scopes). */
  private final Set<String> declared = new LinkedHashSet<>();
  private final boolean names;

  /**
   * @param intCall an int expression holding a call of a {@code @Fibered} method (a switch
   *     point), or null where none may stand
   * @param switchPointsAllowed whether a switch point (a loop's back edge among them) may stand
   *     here
   */
  LocalClasses(
      SplittableRandom rnd,
      Scope scope,
      boolean implicitExceptions,
      UnaryOperator<String> fresh,
      Supplier<String> intCall,
      BooleanSupplier switchPointsAllowed,
      Set<Feature> features) {
    this.rnd = rnd;
    this.scope = scope;
    this.implicitExceptions = implicitExceptions;
    this.fresh = fresh;
    this.intCall = intCall;
    this.switchPointsAllowed = switchPointsAllowed;
    this.features = features;
    this.names = features.contains(Feature.LOCAL_CLASS_NAMES);
    this.types = new LocalTypes(rnd, implicitExceptions, fresh, names ? this::hideable : null);
  }

  /** The simple names of the visible variables (not {@code o.f0}), for members to hide. */
  private List<String> hideable() {
    List<String> out = new ArrayList<>();
    for (Scope.Local l : scope.visible()) {
      if (!l.name.contains(".") && l.type != Type.LOCAL_TYPE) {
        out.add(l.name);
      }
    }
    return out;
  }

  /**
   * A new local type's name: fresh, or sometimes (with {@link Feature#LOCAL_CLASS_NAMES}) that of
   * a type this method declared in a scope that has ended, so two types of the method share it.
   */
  private String typeName(String prefix) {
    if (names && rnd.nextInt(3) == 0) {
      Set<String> visible = new HashSet<>();
      for (Scope.Local l : scope.visible()) {
        if (l.type == Type.LOCAL_TYPE) {
          visible.add(l.name);
        }
      }
      List<String> ended = new ArrayList<>(declared);
      ended.removeAll(visible);
      if (!ended.isEmpty()) {
        return ended.get(rnd.nextInt(ended.size()));
      }
    }
    return fresh.apply(prefix);
  }

  /** Records that a type of this name is in scope from here to the end of the block. */
  private void inScope(String typeName) {
    scope.add(new Scope.Local(typeName, Type.LOCAL_TYPE, false, false, false, false));
    declared.add(typeName);
  }

  /** A new local type and (but for a type in a plain-Java scope) an instance of it. */
  void declaration(Node.Block block) {
    switch (rnd.nextInt(6)) {
      case 0:
        instance(block, declared(types.record(block, typeName("Rc"))), null);
        return;
      case 1:
        instance(block, localClass(block, null, false), null);
        return;
      case 2:
        {
          Declared parent = localClass(block, null, false);
          instance(block, subclass(block, parent), rnd.nextBoolean() ? parent.name : null);
          return;
        }
      case 3:
        {
          String name = typeName("It");
          String implementation = typeName("Lc");
          if (implementation.equals(name)) {
            implementation = fresh.apply("Lc");
          }
          Declared type = types.localInterface(block, name, implementation, captures());
          inScope(implementation);
          instance(block, declared(type), null);
          return;
        }
      case 4:
        instance(block, declared(types.enumeration(block, typeName("En"))), null);
        return;
      default:
        plainScope(block);
    }
  }

  /**
   * In a loop body: a class capturing the loop's {@code value} in this iteration, one instance of
   * it added to {@code q} for {@code drain(q)} to call after the loop.
   */
  void defer(Node.Block block, String value) {
    Declared type = localClass(block, value, true);
    String v = fresh.apply("x");
    block.add(Node.of(type.name + " " + v + " = " + create(type, scope, null) + "; " + Lambdas.QUEUE + ".add(" + v + ");"));
    declare(v, type, type.name, false);
  }

  private Declared declared(Declared type) {
    inScope(type.name);
    return type;
  }

  private Declared localClass(Node.Block block, String value, boolean supplier) {
    return declared(types.localClass(block, typeName("Lc"), captures(), instanceMethods(), value, supplier));
  }

  private Declared subclass(Node.Block block, Declared parent) {
    String name = typeName("Sb");
    return declared(types.subclass(block, name.equals(parent.name) ? fresh.apply("Sb") : name, captures(), parent));
  }

  /**
   * {@code T x = <new instance>;} (perhaps with a switch point in a constructor argument),
   * perhaps traced; {@code as} is the declared type if not {@code type} itself.
   */
  private void instance(Node.Block block, Declared type, String as) {
    String v = fresh.apply("x");
    String call = takesInt(type) && rnd.nextInt(3) == 0 ? intCall.get() : null;
    String declared = as == null ? type.name : as;
    Node n = Node.of(declared + " " + v + " = " + create(type, scope, call) + ";");
    if (rnd.nextBoolean()) {
      n.line(trace(v, type));
    }
    block.add(n);
    declare(v, type, declared, false);
  }

  private void declare(String v, Declared type, String as, boolean list) {
    scope.declareFinal(v, type.type());
    typeOf.put(v, type);
    declaredAs.put(v, as);
    if (list) {
      lists.add(v);
    }
  }

  private static boolean takesInt(Declared type) {
    return type.parameters.contains(Type.INT);
  }

  /**
   * A new instance of {@code type}, its arguments over {@code where}'s variables; {@code call}, if
   * not null, is the last int argument, and the arguments before it are ones whose type the
   * source tells.
   */
  private String create(Declared type, Scope where, String call) {
    Expressions e = new Expressions(rnd, where, implicitExceptions, "d", false);
    switch (type.kind) {
      case ENUM:
        {
          String constant = type.constants.get(rnd.nextInt(type.constants.size()));
          switch (rnd.nextInt(3)) {
            case 0:
              return type.name + "." + constant;
            case 1:
              return type.name + ".valueOf(\"" + constant + "\")";
            default:
              return type.name + ".values()[Math.floorMod(" + e.of(Type.INT, 1) + ", " + type.constants.size() + ")]";
          }
        }
      case INTERFACE:
        {
          if (rnd.nextBoolean()) {
            return "new " + type.implementation + "()";
          }
          String z = fresh.apply("z");
          Scope inside = where.capturable(true);
          inside.declareFinal(z, Type.INT);
          return z + " -> " + new Expressions(rnd, inside, implicitExceptions, z, false).of(Type.INT, 1);
        }
      default:
        if (type.factory != null && call == null && rnd.nextInt(3) == 0) {
          return type.name + "." + type.factory + "(" + e.of(Type.INT, 1) + ")";
        }
        Expressions typed = new Expressions(rnd, where, implicitExceptions, "d", true);
        int callAt = call == null ? -1 : type.parameters.lastIndexOf(Type.INT);
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < type.parameters.size(); i++) {
          Type p = type.parameters.get(i);
          args.append(i == 0 ? "" : ", ").append(i < callAt ? typed.of(p, 1) : i == callAt ? call : e.of(p, 1));
        }
        return "new " + type.name + "(" + args + ")";
    }
  }

  /** {@code t.add(...)} of an instance: its toString and its int method (an interface's default one). */
  private String trace(String v, Declared type) {
    String argument = new Expressions(rnd, scope, implicitExceptions, "a", false).of(Type.INT, 1);
    String value =
        type.kind == Kind.INTERFACE
            ? v + "." + type.show + "(" + argument + ")"
            : v + " + \" \" + " + v + "." + type.method + "(" + argument + ")";
    return "t.add(\"" + v + " \" + " + value + ");";
  }

  /** A use of a visible variable of a local type, a list half the time; false if there is none. */
  boolean use(Node.Block block) {
    List<String> instances = new ArrayList<>();
    List<String> visibleLists = new ArrayList<>();
    for (Scope.Local l : scope.visible()) {
      if (typeOf.containsKey(l.name)) {
        (lists.contains(l.name) ? visibleLists : instances).add(l.name);
      }
    }
    if (!visibleLists.isEmpty() && (instances.isEmpty() || rnd.nextBoolean())) {
      useList(block, visibleLists.get(rnd.nextInt(visibleLists.size())));
      return true;
    }
    if (instances.isEmpty()) {
      return false;
    }
    useInstance(block, instances.get(rnd.nextInt(instances.size())));
    return true;
  }

  private void useInstance(Node.Block block, String v) {
    Declared type = typeOf.get(v);
    switch (rnd.nextInt(6)) {
      case 0:
        block.add(Node.of(trace(v, type)));
        return;
      case 1:
        {
          String call = intCall.get();
          if (call == null) {
            block.add(Node.of(trace(v, type)));
            return;
          }
          String method = type.kind == Kind.INTERFACE ? type.show : type.method;
          block.add(Node.of("t.add(\"" + fresh.apply("u") + " \" + " + v + "." + method + "(" + call + "));"));
          return;
        }
      case 2:
        instance(block, type, declaredAs.get(v));
        return;
      case 3:
        {
          String list = fresh.apply("x");
          String element = declaredAs.get(v);
          block.add(Node.of("List<" + element + "> " + list + " = new ArrayList<>(); " + list + ".add(" + v + ");"));
          declare(list, type, element, true);
          return;
        }
      default:
        special(block, v, type);
    }
  }

  /** What only a kind of type has: equals of records, switches on enums, subclasses, lambdas. */
  private void special(Node.Block block, String v, Declared type) {
    switch (type.kind) {
      case RECORD:
        {
          StringBuilder copy = new StringBuilder();
          for (String c : type.components) {
            copy.append(copy.length() == 0 ? "" : ", ").append(v).append('.').append(c).append("()");
          }
          block.add(
              Node.of(
                  "t.add(\"" + fresh.apply("u") + " \" + " + v + ".equals(new " + type.name + "(" + copy + ")) + \" \" + "
                      + v + ".equals(" + create(type, scope, null) + "));"));
          return;
        }
      case ENUM:
        if (features.contains(Feature.SWITCH_EXPRESSIONS) && rnd.nextBoolean()) {
          switchExpression(block, v, type);
        } else if (features.contains(Feature.SWITCH)) {
          switchStatement(block, v, type);
        } else {
          block.add(Node.of("t.add(\"" + fresh.apply("u") + " \" + " + v + ".ordinal() + " + v + ".name());"));
        }
        return;
      case INTERFACE:
        instance(block, type, null);
        return;
      default:
        if (type.superclass == null && rnd.nextBoolean()) {
          instance(block, subclass(block, type), rnd.nextBoolean() ? declaredAs.get(v) : null);
        } else if (type.supplier && features.contains(Feature.LAMBDAS)) {
          block.add(Node.of(Lambdas.QUEUE + ".add(" + create(type, scope, null) + ");"));
        } else {
          block.add(Node.of(trace(v, type)));
        }
    }
  }

  private void useList(Node.Block block, String list) {
    Declared type = typeOf.get(list);
    int pick = rnd.nextInt(3);
    if (pick == 0) {
      String call = takesInt(type) && rnd.nextInt(3) == 0 ? intCall.get() : null;
      block.add(Node.of(list + ".add(" + create(type, scope, call) + ");"));
    } else if (pick == 1 && features.contains(Feature.LOOPS) && switchPointsAllowed.getAsBoolean()) {
      String e = fresh.apply("x");
      String call = rnd.nextBoolean() ? intCall.get() : null;
      String method = type.kind == Kind.INTERFACE ? type.show : type.method;
      String argument = new Expressions(rnd, scope, implicitExceptions, "a", false).of(Type.INT, 1);
      Node n = Node.of("for (" + declaredAs.get(list) + " " + e + " : " + list + ") {");
      n.line("  t.add(\"" + fresh.apply("u") + " \" + " + (call == null ? "" : call + " + \" \" + ") + e + "." + method + "(" + argument + "));");
      n.line("}");
      block.add(n);
    } else {
      String value = type.type().isTraceable() ? list : list + ".size()";
      block.add(Node.of("t.add(\"" + fresh.apply("u") + " \" + " + value + ");"));
    }
  }

  /**
   * {@code int x = switch (e) {...};} over some constants (all of them, without a default,
   * sometimes), values literals and calls.
   */
  private void switchExpression(Node.Block block, String v, Declared type) {
    String x = fresh.apply("x");
    Node n = Node.of("int " + x + " = switch (" + v + ") {");
    boolean exhaustive = rnd.nextBoolean();
    List<String> constants = new ArrayList<>(type.constants);
    int cases = exhaustive ? constants.size() : rnd.nextInt(1, constants.size());
    for (int i = 0; i < cases; i++) {
      n.line("  case " + constants.remove(rnd.nextInt(constants.size())) + " -> " + switchValue() + ";");
    }
    if (!exhaustive) {
      n.line("  default -> " + switchValue() + ";");
    }
    n.line("};");
    n.line("t.add(\"" + x + " \" + " + x + ");");
    block.add(n);
    scope.declare(x, Type.INT, true);
  }

  /** A switch expression's value whose type the source tells: a literal or a call, cast. */
  private String switchValue() {
    String call = rnd.nextBoolean() ? intCall.get() : null;
    return call == null ? String.valueOf(rnd.nextInt(-3, 40)) : "(int) (" + call + ")";
  }

  /** A switch statement on an enum: some constants, a default sometimes, fall-through. */
  private void switchStatement(Node.Block block, String v, Declared type) {
    Node n = Node.of("switch (" + v + ") {");
    List<String> labels = new ArrayList<>(type.constants);
    int cases = rnd.nextInt(1, labels.size() + 1);
    boolean hasDefault = rnd.nextBoolean();
    for (int i = 0; i < cases + (hasDefault ? 1 : 0); i++) {
      String label = i < cases ? labels.remove(rnd.nextInt(labels.size())) : null;
      n.line(label == null ? "  default:" : "  case " + label + ":");
      String call =
          features.contains(Feature.SWITCH_WITH_SWITCH_POINTS) && rnd.nextBoolean() ? intCall.get() : null;
      String argument = new Expressions(rnd, scope, implicitExceptions, "a", false).of(Type.INT, 1);
      n.line("    t.add(\"" + fresh.apply("u") + " \" + " + (call == null ? "" : call + " + \" \" + ")
          + v + "." + type.method + "(" + argument + "));");
      if (rnd.nextBoolean()) {
        n.line("    break;");
      }
    }
    n.line("}");
    block.add(n);
  }

  /**
   * A local type whose whole scope is plain Java: declared and used inside a lambda's block, or
   * inside the {@code run} method of an anonymous {@code Runnable}.
   */
  private void plainScope(Node.Block block) {
    boolean lambda = rnd.nextBoolean();
    Scope captures = lambda ? scope.capturable(true) : captures();
    Node.Block inner = new Node.Block();
    Declared type;
    switch (rnd.nextInt(3)) {
      case 0:
        type = types.record(inner, fresh.apply("Rc"));
        break;
      case 1:
        type = types.enumeration(inner, fresh.apply("En"));
        break;
      default:
        type = types.localClass(inner, fresh.apply("Lc"), captures.withFieldsUnqualified(), List.of(), null, false);
    }
    String v = fresh.apply("x");
    inner.add(Node.of(type.name + " " + v + " = " + create(type, captures, null) + ";"));
    String argument = new Expressions(rnd, captures, implicitExceptions, "d", false).of(Type.INT, 1);
    String value = "\"" + v + " \" + " + v + " + \" \" + " + v + "." + type.method + "(" + argument + ")";
    Node n;
    if (lambda) {
      String s = fresh.apply("s");
      inner.add(Node.fixed("return " + value + ";"));
      n = Node.of("Supplier<String> " + s + " = () -> {");
      n.block(inner);
      n.line("};");
      n.line("t.add(\"" + s + " \" + " + s + ".get());");
    } else {
      String r = fresh.apply("r");
      inner.add(Node.fixed("t.add(" + value + ");"));
      Node run = Node.fixed("@Override");
      run.line("public void run() {");
      run.block(inner);
      run.line("}");
      n = Node.of("Runnable " + r + " = new Runnable() {");
      n.block(new Node.Block().add(run));
      n.line("};");
      n.line(r + ".run();");
      scope.declareFinal(r, Type.RUNNABLE);
    }
    block.add(n);
  }

  /** What a class body here may name: the capturable variables, fields of this unqualified. */
  private Scope captures() {
    return scope.capturable(true).withFieldsUnqualified();
  }

  /** {@code x.h} for each capturable instance of a local type: a class method may call them. */
  private List<String> instanceMethods() {
    List<String> out = new ArrayList<>();
    for (Scope.Local l : scope.capturable(true).visible()) {
      Declared type = typeOf.get(l.name);
      if (type != null && !lists.contains(l.name)) {
        out.add(l.name + "." + type.method);
      }
    }
    return out;
  }
}
