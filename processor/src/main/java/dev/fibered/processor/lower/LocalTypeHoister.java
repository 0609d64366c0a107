package dev.fibered.processor.lower;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.ClassTree;
import dev.fibered.processor.model.FiberedMethod;
import dev.fibered.processor.validate.Messages;
import dev.fibered.processor.validate.Reporter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the local types a lowered block declares into member types of the machine.
 *
 * <p>A type whose scope holds a switch point cannot stay local: the code after the switch point
 * runs in another {@code case} of {@code resume()}. As a member of the machine it keeps its simple
 * name (a record's {@code toString} shows it), unless another local type of the method took it,
 * when it sits in a holder class of its own.
 *
 * <p>A local class that captures locals gets a <em>frame</em>: a holder whose final fields are the
 * captured values, created where the source declares the class and kept in a machine field, with
 * the class as its inner class. Each instance then sees the values of the scope it was created in,
 * as in Java, even after a later iteration has created another frame; field initializers and the
 * superclass's constructor see them too, since an inner class's enclosing instance is set first.
 * Records, interfaces and enums capture nothing and become static members.
 */
final class LocalTypeHoister {
  private final FiberedMethod method;
  private final Reporter reporter;
  private final JavaPrinter printer;
  private final LocalScope scope;
  private final Namer namer;
  private final JavaPrinter.Captures captures;
  private final Map<String, TypeName> javaLocalTypes;

  /** The machine's own simple name, which no member type may take. */
  private final String machineClassName;

  /** The simple names the machine's member types took. */
  private final Set<String> taken = new LinkedHashSet<>();

  private final List<Code> memberTypes = new ArrayList<>();

  LocalTypeHoister(
      FiberedMethod method,
      Reporter reporter,
      JavaPrinter printer,
      LocalScope scope,
      Namer namer,
      JavaPrinter.Captures captures,
      Map<String, TypeName> javaLocalTypes,
      String machineClassName) {
    this.method = method;
    this.reporter = reporter;
    this.printer = printer;
    this.scope = scope;
    this.namer = namer;
    this.captures = captures;
    this.javaLocalTypes = javaLocalTypes;
    this.machineClassName = machineClassName;
  }

  /** The member types' declarations, in source order. */
  List<Code> memberTypes() {
    return memberTypes;
  }

  /** The simple names of the member types and their holders. */
  Set<String> memberTypeNames() {
    return taken;
  }

  /**
   * Hoists {@code tree}, declared at the current point of a lowered block, and declares it in the
   * scope. Returns the statement that creates its frame there, or null if it has none.
   *
   * @param frameField makes a machine field of the given type and comment, returning its name
   */
  Code hoist(ClassTree tree, java.util.function.BiFunction<TypeName, String, String> frameField) {
    String name = tree.getSimpleName().toString();
    Set<String> captured = new LinkedHashSet<>();
    Code declaration = printer.hoistedType(tree, captured);
    boolean isClass = tree.getKind().name().equals("CLASS");
    boolean inner = isClass && (!captured.isEmpty() || needsMachine());
    boolean free = !taken.contains(name) && !name.equals(machineClassName);
    taken.add(name);
    String line = ", line " + method.file().line(tree);
    Code member = new Code().text("// local " + keyword(tree) + " " + name + line + "\n");
    String holder = null;
    if (inner && (!captured.isEmpty() || !free)) {
      holder = holderName(name);
      member.append(frame(holder, captured, declaration, tree));
    } else if (!free) {
      holder = holderName(name);
      member.text("static final class " + holder + " {\n  ").append(declaration.indented("  ")).text("\n}");
    } else {
      member.text(isClass && !inner ? "static " : "").append(declaration);
    }
    memberTypes.add(member.text("\n"));
    ClassName typeName = holder == null ? ClassName.get("", name) : ClassName.get("", holder, name);
    String frameLocal = null;
    Code creation = null;
    if (inner && holder != null) {
      frameLocal = LocalType.frameKey(name);
      String field = frameField.apply(ClassName.get("", holder), "the captured values of " + name + line);
      scope.declare(frameLocal, field);
      creation = new Code().text(field + " = new " + holder + "(" + String.join(", ", captured) + ");");
    }
    scope.declareType(new LocalType(name, tree, typeName, frameLocal));
    return creation;
  }

  /**
   * Whether a local class needs the machine as its enclosing instance: in an instance method it
   * reaches the receiver through it (Java's local class holds {@code this}), in a generic one the
   * type variables, which a static member could not name.
   */
  private boolean needsMachine() {
    return !method.isStatic() || !method.element().getTypeParameters().isEmpty();
  }

  private String holderName(String name) {
    String holder = namer.internal(name + "Scope");
    taken.add(holder);
    return holder;
  }

  /** The frame: the captured values as final fields, and the class as an inner class. */
  private Code frame(String holder, Set<String> captured, Code declaration, ClassTree tree) {
    Map<String, TypeName> types = new java.util.LinkedHashMap<>();
    captured.forEach(local -> types.put(local, capturedType(local, tree)));
    Code frame = new Code().text("final class " + holder + " {\n");
    types.forEach((local, type) -> frame.text("  private final ").type(type).text(" " + local + ";\n"));
    frame.text("\n  " + holder + "(");
    String separator = "";
    for (Map.Entry<String, TypeName> p : types.entrySet()) {
      frame.text(separator).type(p.getValue()).text(" " + p.getKey());
      separator = ", ";
    }
    frame.text(") {\n");
    types.keySet().forEach(local -> frame.text("    this." + local + " = " + local + ";\n"));
    frame.text("  }\n\n  ").append(declaration.indented("  ")).text("\n}");
    return frame;
  }

  private TypeName capturedType(String local, ClassTree tree) {
    if (captures.isMachineField(local)) {
      return captures.machineFieldType(local);
    }
    TypeName type = javaLocalTypes.get(local);
    if (type == null) {
      reporter.error(tree, method.file().unit(), Messages.capturedVarLocal(local, tree.getSimpleName().toString()));
      return ClassName.OBJECT;
    }
    return type;
  }

  private static String keyword(ClassTree tree) {
    return tree.getKind().name().toLowerCase(java.util.Locale.ROOT);
  }
}
