package dev.fibered.processor.lower;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import dev.fibered.processor.model.FiberedMethod;
import dev.fibered.processor.validate.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Prints the class bodies a {@code @Fibered} body holds: anonymous classes, and local classes,
 * records, interfaces and enums, with their members, constructors and initializers. Like a lambda,
 * a class body runs as plain Java wherever it is called; names of its own members, inherited ones
 * included, and the types it declares keep their meaning inside it.
 */
final class ClassBodyPrinter {
  private final JavaPrinter printer;
  private final FiberedMethod method;
  private final LocalScope scope;

  /** The local types printed so far, by name (the latest of a name wins), for their members. */
  private final Map<String, ClassTree> declared = new HashMap<>();

  ClassBodyPrinter(JavaPrinter printer, FiberedMethod method, LocalScope scope) {
    this.printer = printer;
    this.method = method;
    this.scope = scope;
  }

  /** The body of {@code new T(...) { ... }}, an anonymous class or an enum constant's. */
  void anonymousBody(NewClassTree tree) {
    Optional<Set<String>> inherited = membersOfType(tree.getIdentifier(), new HashSet<>());
    if (inherited.isEmpty()) {
      printer.report(tree, Messages.unknownSupertype(baseType(tree.getIdentifier()).toString()));
      return;
    }
    Set<String> members = new HashSet<>(inherited.get());
    addOwnMembers(tree.getClassBody(), members);
    printer.text("{");
    printer.enterClassBody(members, memberTypeNames(tree.getClassBody()), null);
    for (Tree member : tree.getClassBody().getMembers()) {
      printer.newline();
      member(member, tree.getClassBody());
    }
    printer.exitClassBody();
    printer.newline();
    printer.text("}");
  }

  /** A local type's declaration, or a member type of a class body being printed. */
  void declaration(ClassTree tree) {
    String name = tree.getSimpleName().toString();
    declared.put(name, tree);
    Optional<Set<String>> members = membersOf(tree, new HashSet<>());
    if (members.isEmpty()) {
      return; // reported
    }
    LocalType superFrame =
        isKind(tree, "CLASS") && tree.getExtendsClause() != null
            ? printer.framedType(tree.getExtendsClause())
            : null;
    Set<String> typeNames = memberTypeNames(tree);
    typeNames.add(name);
    tree.getTypeParameters().forEach(t -> typeNames.add(t.getName().toString()));
    declarationModifiers(tree.getModifiers());
    printer.text(keyword(tree) + " " + name);
    printer.enterClassBody(members.get(), typeNames, superFrame);
    typeParameters(tree.getTypeParameters());
    if (isKind(tree, "RECORD")) {
      recordHeader(tree);
    }
    supertypes(tree);
    printer.text(" {");
    if (isKind(tree, "ENUM")) {
      enumConstants(tree);
    }
    if (superFrame != null && tree.getMembers().stream().noneMatch(ClassBodyPrinter::isConstructor)) {
      printer.newline();
      printer.text(name + "() {");
      superCallOfFrame(superFrame);
      printer.text("}");
    }
    for (Tree member : tree.getMembers()) {
      if (!isComponent(tree, member) && !isEnumConstant(tree, member)) {
        printer.newline();
        member(member, tree);
      }
    }
    printer.exitClassBody();
    printer.newline();
    printer.text("}");
  }

  private static String keyword(ClassTree tree) {
    return switch (tree.getKind().name()) {
      case "INTERFACE" -> "interface";
      case "ENUM" -> "enum";
      case "RECORD" -> "record";
      case "ANNOTATION_TYPE" -> "@interface";
      default -> "class";
    };
  }

  private void recordHeader(ClassTree tree) {
    printer.text("(");
    boolean first = true;
    for (Tree member : tree.getMembers()) {
      if (isComponent(tree, member)) {
        printer.text(first ? "" : ", ");
        first = false;
        VariableTree component = (VariableTree) member;
        annotations(component.getModifiers()); // javac made it private final: not written
        if (JavaPrinter.isVarargs(component)) {
          printer.print(((ArrayTypeTree) component.getType()).getType(), Position.TYPE);
          printer.text("...");
        } else {
          printer.print(component.getType(), Position.TYPE);
        }
        printer.text(" " + component.getName());
      }
    }
    printer.text(")");
  }

  private void supertypes(ClassTree tree) {
    boolean isInterface = isKind(tree, "INTERFACE");
    if (tree.getExtendsClause() != null) {
      printer.text(" extends ");
      printer.print(tree.getExtendsClause(), Position.TYPE);
    }
    if (!tree.getImplementsClause().isEmpty()) {
      printer.text(isInterface ? " extends " : " implements ");
      printer.list(tree.getImplementsClause(), Position.TYPE);
    }
  }

  private void enumConstants(ClassTree tree) {
    List<VariableTree> constants = new ArrayList<>();
    for (Tree member : tree.getMembers()) {
      if (isEnumConstant(tree, member)) {
        constants.add((VariableTree) member);
      }
    }
    for (int i = 0; i < constants.size(); i++) {
      VariableTree constant = constants.get(i);
      NewClassTree creation = (NewClassTree) constant.getInitializer();
      printer.newline();
      annotations(constant.getModifiers());
      printer.text(constant.getName().toString());
      if (!creation.getArguments().isEmpty()) {
        printer.text("(");
        printer.list(creation.getArguments(), Position.EXPRESSION);
        printer.text(")");
      }
      if (creation.getClassBody() != null) {
        printer.text(" ");
        anonymousBody(creation);
      }
      printer.text(i + 1 < constants.size() ? "," : "");
    }
    printer.text(";");
  }

  private void member(Tree member, ClassTree owner) {
    if (member instanceof VariableTree) {
      VariableTree field = (VariableTree) member;
      modifiers(field.getModifiers());
      printer.print(field.getType(), Position.TYPE);
      printer.text(" " + field.getName());
      if (field.getInitializer() != null) {
        printer.text(" = ");
        printer.expr(field.getInitializer());
      }
      printer.text(";");
    } else if (member instanceof MethodTree) {
      method((MethodTree) member, owner);
    } else if (member instanceof BlockTree) {
      printer.block((BlockTree) member);
    } else if (member instanceof ClassTree) {
      declaration((ClassTree) member);
    } else {
      printer.unsupported(member, Messages.unsupportedConstruct(JavaPrinter.describe(member)));
    }
  }

  private void method(MethodTree tree, ClassTree owner) {
    boolean constructor = isConstructor(tree);
    List<String> typeVariables = new ArrayList<>();
    tree.getTypeParameters().forEach(t -> typeVariables.add(t.getName().toString()));
    printer.enterMember(typeVariables);
    declarationModifiers(tree.getModifiers());
    if (!tree.getTypeParameters().isEmpty()) {
      typeParameters(tree.getTypeParameters());
      printer.text(" ");
    }
    if (constructor) {
      printer.text(owner.getSimpleName().toString());
    } else {
      printer.print(tree.getReturnType(), Position.TYPE);
      printer.text(" " + tree.getName());
    }
    if (!(constructor && isKind(owner, "RECORD") && isCompact(tree))) {
      printer.text("(");
      for (int i = 0; i < tree.getParameters().size(); i++) {
        printer.text(i > 0 ? ", " : "");
        printer.parameterDeclaration(tree.getParameters().get(i));
      }
      printer.text(")");
    }
    if (!tree.getThrows().isEmpty()) {
      printer.text(" throws ");
      printer.list(tree.getThrows(), Position.TYPE);
    }
    if (tree.getBody() == null) {
      printer.text(";");
    } else {
      printer.text(" ");
      LocalType superFrame = printer.superFrame(); // the owner's, set by declaration()
      if (constructor && superFrame != null && !callsAnotherConstructor(tree.getBody())) {
        // Java would call super() here; the superclass needs its frame as the enclosing instance.
        printer.text("{");
        superCallOfFrame(superFrame);
        printer.blockStatements(tree.getBody());
        printer.text("}");
      } else {
        printer.block(tree.getBody());
      }
    }
    printer.exitMember();
  }

  private void superCallOfFrame(LocalType superFrame) {
    printer.text(" ");
    printer.frameReference(superFrame);
    printer.text(".super(); ");
  }

  private static boolean callsAnotherConstructor(BlockTree body) {
    if (body.getStatements().isEmpty()) {
      return false;
    }
    StatementTree first = body.getStatements().get(0);
    if (!(first instanceof ExpressionStatementTree)
        || !(((ExpressionStatementTree) first).getExpression() instanceof MethodInvocationTree)) {
      return false;
    }
    Tree select = ((MethodInvocationTree) ((ExpressionStatementTree) first).getExpression()).getMethodSelect();
    return select instanceof IdentifierTree
        && (((IdentifierTree) select).getName().contentEquals("this")
            || ((IdentifierTree) select).getName().contentEquals("super"));
  }

  /** A compact canonical constructor has no parameter list; javac gives it the components'. */
  private boolean isCompact(MethodTree tree) {
    return !tree.getParameters().isEmpty()
        && method.file().position(tree.getParameters().get(0)) < method.file().position(tree);
  }

  private void typeParameters(List<? extends TypeParameterTree> parameters) {
    if (parameters.isEmpty()) {
      return;
    }
    printer.text("<");
    for (int i = 0; i < parameters.size(); i++) {
      printer.text(i > 0 ? ", " : "");
      TypeParameterTree t = parameters.get(i);
      annotations(t.getAnnotations());
      printer.text(t.getName().toString());
      for (int b = 0; b < t.getBounds().size(); b++) {
        printer.text(b == 0 ? " extends " : " & ");
        printer.print(t.getBounds().get(b), Position.TYPE);
      }
    }
    printer.text(">");
  }

  private void modifiers(ModifiersTree modifiers) {
    annotations(modifiers);
    flags(modifiers);
  }

  /** A method's or type's modifiers: its annotations each on a line of their own, as written. */
  private void declarationModifiers(ModifiersTree modifiers) {
    for (AnnotationTree a : modifiers.getAnnotations()) {
      printer.annotation(a);
      printer.newline();
    }
    flags(modifiers);
  }

  private void flags(ModifiersTree modifiers) {
    for (Modifier m : modifiers.getFlags()) {
      printer.text(m + " ");
    }
  }

  private void annotations(ModifiersTree modifiers) {
    annotations(modifiers.getAnnotations());
  }

  private void annotations(List<? extends AnnotationTree> annotations) {
    for (AnnotationTree a : annotations) {
      printer.annotation(a);
      printer.text(" ");
    }
  }

  // ---------------------------------------------------------------- names

  /** The names a body's code may use for members of the type: its own and inherited ones. */
  private Optional<Set<String>> membersOf(ClassTree tree, Set<ClassTree> visiting) {
    if (!visiting.add(tree)) {
      return Optional.of(Set.of());
    }
    Set<String> names = new HashSet<>();
    addOwnMembers(tree, names);
    List<Tree> supertypes = new ArrayList<>(tree.getImplementsClause());
    if (tree.getExtendsClause() != null) {
      supertypes.add(tree.getExtendsClause());
    }
    String implicit =
        switch (tree.getKind().name()) {
          case "ENUM" -> "java.lang.Enum";
          case "RECORD" -> "java.lang.Record";
          default -> "java.lang.Object";
        };
    if (isKind(tree, "ENUM")) {
      names.add("values");
      names.add("valueOf");
    }
    method.resolver().type(implicit).ifPresent(t -> names.addAll(method.resolver().memberNames(t)));
    for (Tree supertype : supertypes) {
      Optional<Set<String>> inherited = membersOfType(supertype, visiting);
      if (inherited.isEmpty()) {
        printer.report(supertype, Messages.unknownSupertype(baseType(supertype).toString()));
        return Optional.empty();
      }
      names.addAll(inherited.get());
    }
    return Optional.of(names);
  }

  private Optional<Set<String>> membersOfType(Tree type, Set<ClassTree> visiting) {
    Tree base = baseType(type);
    if (base instanceof IdentifierTree) {
      String name = ((IdentifierTree) base).getName().toString();
      ClassTree local = printer.isCopiedType(name) ? declared.get(name) : null;
      if (local == null && scope.type(name) != null) {
        local = scope.type(name).declaration();
      }
      if (local != null) {
        return membersOf(local, visiting);
      }
    }
    Optional<TypeElement> known = method.resolver().type(base.toString());
    return known.map(t -> method.resolver().memberNames(t));
  }

  private static Tree baseType(Tree type) {
    Tree base = type;
    while (base instanceof ParameterizedTypeTree || base instanceof AnnotatedTypeTree) {
      base = base instanceof ParameterizedTypeTree
          ? ((ParameterizedTypeTree) base).getType()
          : ((AnnotatedTypeTree) base).getUnderlyingType();
    }
    return base;
  }

  private static void addOwnMembers(ClassTree body, Set<String> names) {
    for (Tree member : body.getMembers()) {
      if (member instanceof VariableTree) {
        names.add(((VariableTree) member).getName().toString());
      } else if (member instanceof MethodTree && !isConstructor(member)) {
        names.add(((MethodTree) member).getName().toString());
      }
    }
  }

  private static Set<String> memberTypeNames(ClassTree body) {
    Set<String> names = new HashSet<>();
    for (Tree member : body.getMembers()) {
      if (member instanceof ClassTree) {
        names.add(((ClassTree) member).getSimpleName().toString());
      }
    }
    return names;
  }

  private static boolean isConstructor(Tree member) {
    return member instanceof MethodTree && ((MethodTree) member).getName().contentEquals("<init>");
  }

  /** A record's fields are its components: a record may declare no other instance field. */
  private static boolean isComponent(ClassTree owner, Tree member) {
    return isKind(owner, "RECORD")
        && member instanceof VariableTree
        && !((VariableTree) member).getModifiers().getFlags().contains(Modifier.STATIC);
  }

  private static boolean isEnumConstant(ClassTree owner, Tree member) {
    if (!isKind(owner, "ENUM") || !(member instanceof VariableTree)) {
      return false;
    }
    Tree init = ((VariableTree) member).getInitializer();
    return init instanceof NewClassTree
        && baseType(((NewClassTree) init).getIdentifier()).toString().equals(owner.getSimpleName().toString());
  }

  private static boolean isKind(ClassTree tree, String kind) {
    return tree.getKind().name().equals(kind);
  }
}
