package dev.fibered.fuzzer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The types of {@link Feature#DISPATCH}, static nested types of the generated class: a base type
 * {@code Base} (an abstract class with an int field {@code n}, or an interface) with two
 * {@code @Fibered} methods of the usual parameters {@code (t, d, a)}, {@code op} (abstract) and
 * {@code tag} (overridable, or {@code default}, calling {@code op} on {@code this} first), two or
 * three implementations whose {@code @Fibered} overrides hold generated bodies (the last one
 * sometimes inheriting {@code op} from the one before), and {@code static Base base(int i)},
 * which picks an implementation by {@code i}: one of those classes, an anonymous class, or (for an
 * interface) a lambda. The last two are not {@code @Fibered}: a fiber calls them as plain calls.
 */
final class Hierarchy {
  /** The base type's simple name (also {@link Type#BASE}'s). */
  static final String BASE = "Base";

  /** Writes the body of a {@code @Fibered} method of the hierarchy (and its closing brace). */
  interface Bodies {
    /**
     * @param name the method as the trace names it ({@code D0.op})
     * @param members fields of the type the body may read and write
     * @param prologue fixed statements the body starts with, after the depth check
     */
    void write(Node method, String name, Type result, List<Scope.Local> members, List<String> prologue);
  }

  private final SplittableRandom rnd;
  final boolean isInterface;
  /** The results of {@code op} and {@code tag}. */
  final Type op;
  final Type tag;
  private final int classes;
  /** Whether the last class extends the one before, inheriting its {@code op}. */
  private final boolean inherits;

  Hierarchy(SplittableRandom rnd, boolean voids) {
    this.rnd = rnd;
    this.isInterface = rnd.nextBoolean();
    Type[] kinds = {Type.INT, Type.LONG, Type.STRING, Type.VOID};
    this.op = kinds[rnd.nextInt(voids ? kinds.length : kinds.length - 1)];
    this.tag = kinds[rnd.nextInt(kinds.length - 1)];
    this.classes = rnd.nextInt(2, 4);
    this.inherits = classes == 3 && rnd.nextBoolean();
  }

  /** The dispatched methods' names, in the order of {@link #results()}. */
  static List<String> names() {
    return List.of("op", "tag");
  }

  List<Type> results() {
    return List.of(op, tag);
  }

  /** The base type, its implementations and {@code base(i)}, as members of the generated class. */
  List<Node> types(Bodies bodies) {
    List<Node> types = new ArrayList<>();
    Node n = new Node(false);
    types.add(n);
    List<Scope.Local> members = new ArrayList<>();
    if (isInterface) {
      n.line("interface " + BASE + " {");
    } else {
      n.line("abstract static class " + BASE + " {");
      n.line("  int n;");
      n.line("  " + BASE + "(int n) {");
      n.line("    this.n = n;");
      n.line("  }");
      members.add(new Scope.Local(rnd.nextBoolean() ? "n" : "this.n", Type.INT, true, true, true, false));
    }
    Node.Block body = new Node.Block();
    n.block(body);
    Node abstractOp = new Node(false);
    abstractOp.line("@Fibered");
    abstractOp.line((isInterface ? "" : "abstract ") + signature(op, "op") + ";");
    abstractOp.line("");
    body.add(abstractOp);
    String self = "op(t, d - 1, a + 1)";
    String prologue = op == Type.VOID ? self + ";" : "t.add(\"self \" + " + self + ");";
    body.add(method(isInterface ? "default " : "", tag, "tag", BASE + ".tag", bodies, members, List.of(prologue)));
    n.line("}");
    n.line("");
    for (int i = 0; i < classes; i++) {
      types.add(implementation(i, bodies, members));
    }
    types.add(factory());
    return types;
  }

  private Node implementation(int i, Bodies bodies, List<Scope.Local> members) {
    String name = "D" + i;
    boolean extended = inherits && i == classes - 2;
    boolean inheritsOp = inherits && i == classes - 1;
    String supertype =
        inheritsOp ? "extends D" + (i - 1) : isInterface ? "implements " + BASE : "extends " + BASE;
    Node n = new Node(false);
    n.line("static " + (extended ? "" : "final ") + "class " + name + " " + supertype + " {");
    Node.Block body = new Node.Block();
    n.block(body);
    n.line("}");
    n.line("");
    if (!isInterface && !inheritsOp) {
      body.add(fixed(name + "() {", "  super(" + rnd.nextInt(-3, 12) + ");", "}", ""));
    }
    String access = isInterface ? "public " : "";
    if (!inheritsOp) {
      body.add(method(access, op, "op", name + ".op", bodies, members, List.of()));
    }
    if (inheritsOp || rnd.nextBoolean()) {
      body.add(method(access, tag, "tag", name + ".tag", bodies, members, List.of()));
    }
    return n;
  }

  private Node method(
      String modifiers,
      Type result,
      String method,
      String traceName,
      Bodies bodies,
      List<Scope.Local> members,
      List<String> prologue) {
    Node n = new Node(false);
    n.line("@Fibered");
    if (!traceName.startsWith(BASE)) {
      n.line("@Override");
    }
    n.line(modifiers + signature(result, method) + " {");
    bodies.write(n, traceName, result, members, prologue);
    return n;
  }

  private static String signature(Type result, String method) {
    return result.java + " " + method + "(List<String> t, int d, int a) throws Exception";
  }

  /** {@code base(i)}: an implementation picked by {@code i}, new each time. */
  private Node factory() {
    List<String> lines = new ArrayList<>();
    int choices = classes + (isInterface ? 2 : 1);
    lines.add("static " + BASE + " base(int i) {");
    lines.add("  switch (Math.floorMod(i, " + choices + ")) {");
    for (int i = 0; i < classes; i++) {
      lines.add("    case " + i + ":");
      lines.add("      return new D" + i + "();");
    }
    if (isInterface) {
      lines.add("    case " + classes + ":");
      lines.add("      return (t, d, a) -> " + plainBody("lambda") + ";");
    }
    lines.add("    default:");
    lines.add("      return new " + BASE + "(" + (isInterface ? "" : String.valueOf(rnd.nextInt(0, 9))) + ") {");
    lines.add("        @Override");
    lines.add("        " + (isInterface ? "public " : "") + signature(op, "op") + " {");
    lines.add("          " + (op == Type.VOID ? "" : "return ") + plainBody("anonymous") + ";");
    lines.add("        }");
    lines.add("      };");
    lines.add("  }");
    lines.add("}");
    lines.add("");
    return fixed(lines.toArray(new String[0]));
  }

  /**
   * A plain implementation of {@code op}, as a lambda's body: records to the trace, then the value
   * (for a void {@code op}, the recording is the body).
   */
  private String plainBody(String who) {
    String record = "t.add(\"" + who + " op \" + d + \" \" + a)";
    switch (op) {
      case VOID:
        return record;
      case INT:
        return record + " ? a * 3 + d : 0";
      case LONG:
        return record + " ? a * 5L - d : 0L";
      default:
        return record + " ? \"" + who.charAt(0) + "\" + a + d : \"\"";
    }
  }

  private static Node fixed(String... lines) {
    Node n = new Node(false);
    for (String l : lines) {
      n.line(l);
    }
    return n;
  }
}
