package dev.fibered.fuzzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The declarations of {@link Feature#LOCAL_CLASSES}: local records, classes, subclasses,
 * interfaces and enums, each with an {@code int} method of one {@code int} parameter (so a use can
 * call it whatever the type) and, but for an interface, a deterministic {@code toString}. Records,
 * enums and interfaces are static contexts: their bodies name only their own members. A class
 * names what a lambda there may capture, given as a {@link Scope} of the fields of the generated
 * class named unqualified ({@code this} is the local object inside), and never holds a switch
 * point.
 */
final class LocalTypes {
  /** What a local type is. */
  enum Kind {
    RECORD,
    CLASS,
    INTERFACE,
    ENUM
  }

  /** A declared local type: what a use needs to know to make and call an instance. */
  static final class Declared {
    final String name;
    final Kind kind;
    /** Its method from int to int (for an interface, the abstract one). */
    final String method;
    /** The constructor's parameters (a record's canonical one); empty for an interface or enum. */
    final List<Type> parameters;
    /** A record's static factory of one int, or null. */
    final String factory;
    /** A record's components, in order; empty for the others. */
    final List<String> components;
    /** An interface's default method from int to String, or null. */
    final String show;
    /** An enum's constants, or null. */
    final List<String> constants;
    /** An interface's implementing local class (no-argument constructor), or null. */
    final String implementation;
    /** A class's superclass (a local class), or null. */
    final Declared superclass;
    /** A class that implements {@code IntSupplier}, for {@code q}. */
    final boolean supplier;

    private Declared(
        String name,
        Kind kind,
        String method,
        List<Type> parameters,
        String factory,
        List<String> components,
        String show,
        List<String> constants,
        String implementation,
        Declared superclass,
        boolean supplier) {
      this.name = name;
      this.kind = kind;
      this.method = method;
      this.parameters = parameters;
      this.factory = factory;
      this.components = components;
      this.show = show;
      this.constants = constants;
      this.implementation = implementation;
      this.superclass = superclass;
      this.supplier = supplier;
    }

    /** The type a variable holding one has in the {@link Scope}. */
    Type type() {
      return kind == Kind.INTERFACE ? Type.LOCAL_FUNCTION : Type.LOCAL_VALUE;
    }
  }

  private final SplittableRandom rnd;
  private final boolean implicitExceptions;
  private final UnaryOperator<String> fresh;
  /** The method's variables a parameter or component may hide, or null to hide none. */
  private final Supplier<List<String>> hideable;
  /** The names of the type being declared (its members may not hide each other). */
  private final Set<String> taken = new HashSet<>();

  /**
   * @param hideable the simple names of the method's visible variables, which (if not null) a
   *     parameter or record component sometimes takes, hiding the variable inside
   */
  LocalTypes(
      SplittableRandom rnd,
      boolean implicitExceptions,
      UnaryOperator<String> fresh,
      Supplier<List<String>> hideable) {
    this.rnd = rnd;
    this.implicitExceptions = implicitExceptions;
    this.fresh = fresh;
    this.hideable = hideable;
  }

  /**
   * A parameter's or record component's name: fresh, or sometimes one of the method's variables,
   * which it hides in its scope (the processor must not take the name for the variable there).
   */
  private String local(String prefix) {
    if (hideable != null && rnd.nextInt(4) == 0) {
      List<String> names = new ArrayList<>(hideable.get());
      names.removeAll(taken);
      if (!names.isEmpty()) {
        String name = names.get(rnd.nextInt(names.size()));
        taken.add(name);
        return name;
      }
    }
    return fresh.apply(prefix);
  }

  /**
   * A record of an int and a String or long component: a compact constructor that normalises the
   * int (and cuts the String), sometimes throwing {@code A} first for a large one, a method, and
   * sometimes a static factory.
   */
  Declared record(Node.Block block, String name) {
    taken.clear();
    String number = local("y");
    String other = local("y");
    Type otherType = rnd.nextBoolean() ? Type.STRING : Type.LONG;
    boolean numberFirst = rnd.nextBoolean();
    String numberComponent = "int " + number;
    String otherComponent = otherType.java + " " + other;
    Node n =
        Node.of(
            "record " + name + "("
                + (numberFirst ? numberComponent + ", " + otherComponent : otherComponent + ", " + numberComponent)
                + ") {");
    n.line("  " + name + " {");
    if (rnd.nextInt(3) == 0) {
      n.line("    if (" + number + " > " + rnd.nextInt(8, 40) + ") {");
      n.line("      throw new A(\"" + name + " \" + " + number + ");");
      n.line("    }");
    }
    n.line("    " + number + " = Math.floorMod(" + number + ", " + rnd.nextInt(5, 60) + ");");
    if (otherType == Type.STRING) {
      n.line("    " + other + " = cut(" + other + ");");
    }
    n.line("  }");
    n.line("");
    String method = fresh.apply("h");
    String z = local("z");
    Scope members = new Scope();
    members.push();
    members.declareFinal(number, Type.INT);
    members.declareFinal(other, otherType);
    members.declareFinal(z, Type.INT);
    n.line("  int " + method + "(int " + z + ") {");
    n.line("    return " + number + " * 3 + " + z + " + " + staticBody(members, z).of(Type.INT, 1) + ";");
    n.line("  }");
    String factory = null;
    if (rnd.nextBoolean()) {
      factory = fresh.apply("h");
      String k = local("z");
      String otherValue = otherType == Type.STRING ? "\"f\" + " + k : k + " * 7L";
      n.line("");
      n.line("  static " + name + " " + factory + "(int " + k + ") {");
      n.line("    return new " + name + "(" + (numberFirst ? k + ", " + otherValue : otherValue + ", " + k) + ");");
      n.line("  }");
    }
    n.line("}");
    block.add(n);
    List<Type> parameters = numberFirst ? List.of(Type.INT, otherType) : List.of(otherType, Type.INT);
    List<String> components = numberFirst ? List.of(number, other) : List.of(other, number);
    return new Declared(name, Kind.RECORD, method, parameters, factory, components, null, null, null, null, false);
  }

  /**
   * A class capturing locals: a final field whose initializer names a capture ({@code value}, if
   * not null, the loop's value of this iteration), a counter set in an instance initializer or
   * constructor, a constructor that may record to the trace, a method that bumps the counter and
   * may call the int method of a captured instance of an earlier local type (one of {@code
   * instanceMethods}, {@code x.h}), and, if {@code supplier}, {@code IntSupplier}'s method.
   */
  Declared localClass(
      Node.Block block,
      String name,
      Scope captures,
      List<String> instanceMethods,
      String value,
      boolean supplier) {
    taken.clear();
    String fixed = fresh.apply("y");
    String text = fresh.apply("y");
    String counter = fresh.apply("y");
    String method = fresh.apply("h");
    Expressions body = classBody(captures, null);
    String captured = captured(captures, Type.INT);
    Node n = Node.of("class " + name + (supplier ? " implements IntSupplier" : "") + " {");
    String init = (value == null ? captured : value + " * 10") + " + " + body.of(Type.INT, 1);
    n.line("  final int " + fixed + " = " + init + ";");
    n.line("  final String " + text + ";");
    n.line("  int " + counter + ";");
    if (rnd.nextBoolean()) {
      n.line("");
      n.line("  {");
      n.line("    " + counter + " = " + body.of(Type.INT, 1) + ";");
      n.line("  }");
    }
    boolean takesInt = rnd.nextBoolean();
    String s = fresh.apply("z"); // not d: expressions name d for want of an int
    String k = local("z");
    Expressions constructor = classBody(captures, null, s, k);
    n.line("");
    n.line("  " + name + "(String " + s + (takesInt ? ", int " + k : "") + ") {");
    n.line("    " + text + " = cut(" + s + " + " + fixed + ");");
    if (takesInt) {
      n.line("    " + counter + " += " + k + ";");
    }
    if (rnd.nextBoolean()) {
      n.line("    t.add(\"new " + name + " \" + " + text + " + \" \" + " + constructor.of(Type.INT, 1) + ");");
    }
    n.line("  }");
    n.line("");
    String z = local("z");
    String use = "";
    if (!instanceMethods.isEmpty() && rnd.nextBoolean()) {
      String m = instanceMethods.get(rnd.nextInt(instanceMethods.size()));
      use = m.startsWith(z + ".") ? "" : " + " + m + "(" + z + ")";
    }
    n.line("  int " + method + "(int " + z + ") {");
    n.line("    " + counter + " += " + rnd.nextInt(1, 4) + ";");
    n.line("    return " + fixed + " + " + z + " * 2 + " + counter + " + " + classBody(captures, z).of(Type.INT, 1) + use + ";");
    n.line("  }");
    if (supplier) {
      n.line("");
      n.line("  @Override");
      n.line("  public int getAsInt() {");
      n.line("    return " + method + "(" + rnd.nextInt(-3, 12) + ");");
      n.line("  }");
    }
    toString(n, "\"" + name + " \" + " + fixed + " + \" \" + " + text + " + \" \" + " + counter);
    n.line("}");
    block.add(n);
    List<Type> parameters = takesInt ? List.of(Type.STRING, Type.INT) : List.of(Type.STRING);
    return new Declared(name, Kind.CLASS, method, parameters, null, List.of(), null, null, null, null, supplier);
  }

  /**
   * A class extending the local class {@code parent}, capturing too: a long field of a capture, a
   * constructor calling {@code super(...)} with arguments of its parameter and captures, an
   * override of the method calling {@code super}'s, and of {@code toString}.
   */
  Declared subclass(Node.Block block, String name, Scope captures, Declared parent) {
    taken.clear();
    String extra = fresh.apply("y");
    String k = local("z");
    Node n = Node.of("class " + name + " extends " + parent.name + " {");
    n.line("  final long " + extra + " = " + captured(captures, Type.LONG) + " + " + classBody(captures, null).of(Type.LONG, 1) + ";");
    n.line("");
    n.line("  " + name + "(int " + k + ") {");
    Expressions arguments = classBody(captures, k);
    StringBuilder args = new StringBuilder();
    for (Type t : parent.parameters) {
      args.append(args.length() == 0 ? "" : ", ")
          .append(t == Type.STRING ? "\"" + name + " \" + " + arguments.of(Type.INT, 1) : arguments.of(t, 1));
    }
    n.line("    super(" + args + ");");
    n.line("  }");
    n.line("");
    String z = local("z");
    n.line("  @Override");
    n.line("  int " + parent.method + "(int " + z + ") {");
    n.line("    return super." + parent.method + "(" + z + " + 1) + (int) " + extra + " + " + classBody(captures, z).of(Type.INT, 1) + ";");
    n.line("  }");
    toString(n, "\"" + name + " \" + " + extra + " + \" \" + super.toString()");
    n.line("}");
    block.add(n);
    return new Declared(
        name, Kind.CLASS, parent.method, List.of(Type.INT), null, List.of(), null, null, null, parent, parent.supplier);
  }

  /**
   * An interface with an abstract int method and a default one that calls it, and a capturing
   * local class implementing it; instances are that class's or lambdas.
   */
  Declared localInterface(Node.Block block, String name, String implementation, Scope captures) {
    taken.clear();
    String method = fresh.apply("h");
    String show = fresh.apply("h");
    String z = local("z");
    Node n = Node.of("interface " + name + " {");
    n.line("  int " + method + "(int " + fresh.apply("z") + ");");
    n.line("");
    Scope parameter = new Scope();
    parameter.push();
    parameter.declareFinal(z, Type.INT);
    n.line("  default String " + show + "(int " + z + ") {");
    n.line("    return \"" + name + " \" + " + method + "(" + z + ") + \" \" + " + method + "("
        + staticBody(parameter, z).of(Type.INT, 1) + ");");
    n.line("  }");
    n.line("}");
    String fixed = fresh.apply("y");
    String p = local("z");
    n.line("class " + implementation + " implements " + name + " {");
    n.line("  final int " + fixed + " = " + captured(captures, Type.INT) + " + " + classBody(captures, null).of(Type.INT, 1) + ";");
    n.line("");
    n.line("  @Override");
    n.line("  public int " + method + "(int " + p + ") {");
    n.line("    return " + p + " * 2 + " + fixed + " + " + classBody(captures, p).of(Type.INT, 1) + ";");
    n.line("  }");
    n.line("}");
    block.add(n);
    return new Declared(
        name, Kind.INTERFACE, method, List.of(), null, List.of(), show, null, implementation, null, false);
  }

  /**
   * An enum of three constants with a constructor argument each, a field, a method, and a
   * constant (sometimes) with a body overriding it.
   */
  Declared enumeration(Node.Block block, String name) {
    taken.clear();
    String weight = fresh.apply("y");
    String method = fresh.apply("h");
    List<String> constants = List.of("LO", "MID", "HI");
    int withBody = rnd.nextInt(4); // 3: none
    Node n = Node.of("enum " + name + " {");
    for (int i = 0; i < constants.size(); i++) {
      String end = i == constants.size() - 1 ? ";" : ",";
      String head = "  " + constants.get(i) + "(" + rnd.nextInt(-3, 12) + ")";
      if (i != withBody) {
        n.line(head + end);
        continue;
      }
      String z = local("z");
      n.line(head + " {");
      n.line("    @Override");
      n.line("    int " + method + "(int " + z + ") {");
      n.line("      return " + z + " - " + weight + " + " + staticBody(fields(weight, z), z).of(Type.INT, 1) + ";");
      n.line("    }");
      n.line("  }" + end);
    }
    n.line("");
    n.line("  final int " + weight + ";");
    n.line("");
    String k = local("z");
    n.line("  " + name + "(int " + k + ") {");
    n.line("    " + weight + " = " + k + ";");
    n.line("  }");
    n.line("");
    String z = local("z");
    n.line("  int " + method + "(int " + z + ") {");
    n.line("    return " + z + " * " + weight + " + " + staticBody(fields(weight, z), z).of(Type.INT, 1) + ";");
    n.line("  }");
    n.line("}");
    block.add(n);
    return new Declared(name, Kind.ENUM, method, List.of(), null, List.of(), null, constants, null, null, false);
  }

  /** {@code @Override public String toString() { return <value>; }}, after a blank line. */
  private static void toString(Node n, String value) {
    n.line("");
    n.line("  @Override");
    n.line("  public String toString() {");
    n.line("    return " + value + ";");
    n.line("  }");
  }

  /** The scope of an enum's field and a method's parameter. */
  private static Scope fields(String field, String parameter) {
    Scope s = new Scope();
    s.push();
    s.declareFinal(field, Type.INT);
    s.declareFinal(parameter, Type.INT);
    return s;
  }

  /** Expressions of a static context: only {@code members}, {@code anInt} among them. */
  private Expressions staticBody(Scope members, String anInt) {
    return Expressions.inStaticContext(rnd, members, implicitExceptions, anInt);
  }

  /**
   * Expressions inside a class body over {@code captures} (and the method's int {@code parameter},
   * if not null), but those the parameter or the names {@code hidden} (other parameters) hide.
   */
  private Expressions classBody(Scope captures, String parameter, String... hidden) {
    Set<String> hiddenNames = new HashSet<>(List.of(hidden));
    if (parameter != null) {
      hiddenNames.add(parameter);
    }
    Scope inside = new Scope();
    inside.push();
    for (Scope.Local l : captures.visible()) {
      if (!hiddenNames.contains(l.name)) {
        inside.add(l);
      }
    }
    if (parameter != null) {
      inside.declareFinal(parameter, Type.INT);
    }
    return new Expressions(rnd, inside, implicitExceptions, parameter == null ? "d" : parameter, false);
  }

  /** A captured local of {@code type} (a field initializer's must-have), else one of {@code d}. */
  private String captured(Scope captures, Type type) {
    for (int tries = 0; tries < 3; tries++) {
      Scope.Local l = captures.pick(rnd, type, false);
      if (l != null && l.local) {
        return l.name;
      }
    }
    return type == Type.LONG ? "(long) d" : "d";
  }
}
