package dev.fibered.processor.lower;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WildcardTree;
import dev.fibered.processor.model.FiberedMethod;
import dev.fibered.processor.model.Resolver;
import dev.fibered.processor.validate.Messages;
import dev.fibered.processor.validate.Reporter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Re-resolves names for their new home, the generated machine class, and checks that it may use
 * what they name: locals become the machine's fields, {@code this} its receiver field,
 * unqualified members of the host get the host (or receiver) in front, static imports their
 * owner, member types of the host their qualified name. What the machine cannot reach (private
 * members of the host's nest, protected members inherited from another package, the enclosing
 * instance) is reported on the name.
 */
final class NameQualifier {
  private final FiberedMethod method;
  private final Reporter reporter;
  private final LocalScope fields;
  private final MachineNames names;
  private final Function<ExpressionTree, Optional<TypeElement>> declaredTypeOf;

  /** The code being produced by the current public call. */
  private Code out;

  /** The number of arguments of the call whose method name is being qualified, or -1. */
  private int pendingArity;

  NameQualifier(
      FiberedMethod method,
      Reporter reporter,
      LocalScope fields,
      MachineNames names,
      Function<ExpressionTree, Optional<TypeElement>> declaredTypeOf) {
    this.method = method;
    this.reporter = reporter;
    this.fields = fields;
    this.names = names;
    this.declaredTypeOf = declaredTypeOf;
  }

  /**
   * A simple name as the machine must write it; {@code arity} is the argument count when it names
   * a called method.
   */
  Code identifier(IdentifierTree tree, Position position, int arity) {
    out = new Code();
    pendingArity = arity;
    identifierInto(tree, position);
    return out;
  }

  /** {@code X.this} (the receiver, when X is the host) or {@code X.super} (rejected). */
  Code qualifiedThis(MemberSelectTree tree) {
    out = new Code();
    String qualifier = tree.getExpression().toString();
    if (tree.getIdentifier().contentEquals("super")) {
      unsupported(tree, Messages.superReference());
      return out;
    }
    Optional<TypeElement> type = method.resolver().type(qualifier);
    if (type.isPresent() && type.get().equals(method.host()) && names.self() != null) {
      text(names.self());
    } else {
      unsupported(tree, Messages.qualifiedThis(qualifier));
    }
    return out;
  }

  /**
   * What follows {@code q.name} once printed: nothing, or {@code ()} for a record component read
   * through its implicit accessor; reports a member the machine cannot reach.
   */
  Code afterMember(Tree tree, ExpressionTree qualifier, String name, boolean isMethod, int arity) {
    out = new Code();
    pendingArity = arity;
    afterMemberInto(tree, qualifier, name, isMethod);
    return out;
  }

  /**
   * A type as JavaPoet sees it, for declarations of machine fields: names resolved as in the
   * host, so JavaPoet can import or qualify them. A name that does not resolve (a class generated
   * in this round, say) is kept as written, which the copied imports resolve.
   */
  TypeName typeName(Tree tree) {
    switch (tree.getKind()) {
      case PRIMITIVE_TYPE:
        return primitive(((PrimitiveTypeTree) tree).getPrimitiveTypeKind());
      case ARRAY_TYPE:
        return ArrayTypeName.of(typeName(((ArrayTypeTree) tree).getType()));
      case PARAMETERIZED_TYPE:
        {
          ParameterizedTypeTree type = (ParameterizedTypeTree) tree;
          TypeName raw = typeName(type.getType());
          TypeName[] args =
              type.getTypeArguments().stream().map(this::typeName).toArray(TypeName[]::new);
          return raw instanceof ClassName
              ? ParameterizedTypeName.get((ClassName) raw, args)
              : raw;
        }
      case UNBOUNDED_WILDCARD:
        return WildcardTypeName.subtypeOf(Object.class);
      case EXTENDS_WILDCARD:
        return WildcardTypeName.subtypeOf(typeName(((WildcardTree) tree).getBound()));
      case SUPER_WILDCARD:
        return WildcardTypeName.supertypeOf(typeName(((WildcardTree) tree).getBound()));
      case ANNOTATED_TYPE:
        return typeName(((AnnotatedTypeTree) tree).getUnderlyingType());
      case IDENTIFIER:
      case MEMBER_SELECT:
        {
          String written = tree.toString();
          LocalType local = fields.type(written);
          if (local != null) {
            return local.typeName();
          }
          Optional<TypeElement> type = method.resolver().type(written);
          if (type.isEmpty()) {
            return written.contains(".") ? ClassName.bestGuess(written) : ClassName.get("", written);
          }
          if (type.get().getModifiers().contains(Modifier.PRIVATE)) {
            report(
                tree,
                Messages.privateMember(type.get().getSimpleName().toString(), enclosingName(type.get())));
          }
          return ClassName.get(type.get());
        }
      default:
        report(tree, Messages.unsupportedConstruct(JavaPrinter.describe(tree)));
        return ClassName.OBJECT;
    }
  }

  static TypeName primitive(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> TypeName.BOOLEAN;
      case BYTE -> TypeName.BYTE;
      case SHORT -> TypeName.SHORT;
      case INT -> TypeName.INT;
      case LONG -> TypeName.LONG;
      case CHAR -> TypeName.CHAR;
      case FLOAT -> TypeName.FLOAT;
      case DOUBLE -> TypeName.DOUBLE;
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }

  private void identifierInto(IdentifierTree tree, Position position) {
    String name = tree.getName().toString();
    if (name.equals("this")) {
      text(names.self() != null ? names.self() : "this");
      return;
    }
    if (name.equals("super")) {
      unsupported(tree, Messages.superReference());
      return;
    }
    if (position == Position.EXPRESSION) {
      String field = fields.field(name);
      if (field != null) {
        text(field);
        return;
      }
    }
    Resolver resolver = method.resolver();
    switch (position) {
      case METHOD -> {
        if (!member(tree, name, true)) {
          staticImport(name, Resolver::isMethod);
        }
      }
      case EXPRESSION -> {
        if (!member(tree, name, false)) {
          Optional<Resolver.Members> type = resolver.members(name, Resolver::isType);
          if (type.isPresent()) {
            memberType(tree, (TypeElement) type.get().elements().get(0), false);
          } else {
            staticImport(name, Resolver::isField);
          }
        }
      }
      case TYPE, NEW_CLASS -> {
        Optional<Resolver.Members> type = resolver.members(name, Resolver::isType);
        if (type.isPresent()) {
          memberType(tree, (TypeElement) type.get().elements().get(0), position == Position.NEW_CLASS);
        } else {
          text(name);
        }
      }
    }
  }

  /** Prints an unqualified field or method of the host or an enclosing type, qualified. */
  private boolean member(IdentifierTree tree, String name, boolean isMethod) {
    Predicate<Element> kind = isMethod ? Resolver::isMethod : Resolver::isField;
    Optional<Resolver.Members> found = method.resolver().members(name, kind);
    if (found.isEmpty()) {
      return false;
    }
    TypeElement owner = found.get().owner();
    if (!isMethod
        && isRecordComponent(owner, name)
        && owner.equals(method.host())
        && names.self() != null) {
      text(names.self() + "." + name + "()"); // the component's field is private; its accessor is not
      return true;
    }
    if (!accessible(tree, name, found.get().elements(), isMethod ? pendingArity : -1)) {
      return true;
    }
    boolean allStatic = true;
    for (Element e : found.get().elements()) {
      allStatic &= e.getModifiers().contains(Modifier.STATIC);
    }
    if (allStatic) {
      out.type(ClassName.get(owner));
      text("." + name);
    } else if (owner.equals(method.host()) && names.self() != null) {
      text(names.self() + "." + name);
    } else if (owner.equals(method.host())) {
      // A static method reaching a mixed static/instance group: only the static ones apply.
      out.type(ClassName.get(owner));
      text("." + name);
    } else {
      unsupported(
          tree, Messages.outerInstanceMember(name, method.host().getSimpleName().toString()));
    }
    return true;
  }

  /**
   * Reports a member that the host can use but the generated class cannot: a private member of
   * the host's own nest, or a protected member the host inherits from another package. (Members
   * the host cannot use either are javac's to report, on the original.) Method candidates are
   * narrowed by arity first. Returns whether none was reported.
   */
  private boolean accessible(Tree tree, String name, List<? extends Element> members, int arity) {
    for (Element e : members) {
      if (arity >= 0 && e instanceof ExecutableElement && !arityFits((ExecutableElement) e, arity)) {
        continue;
      }
      String declaredIn = e.getEnclosingElement().getSimpleName().toString();
      if (e.getModifiers().contains(Modifier.PRIVATE) && inHostNest(e)) {
        unsupported(tree, Messages.privateMember(name, declaredIn));
        return false;
      }
      if (e.getModifiers().contains(Modifier.PROTECTED)
          && !method.resolver().visibleFromGeneratedCode(e)
          && method.resolver().inheritsFrom(e.getEnclosingElement())) {
        unsupported(tree, Messages.inaccessibleMember(name, declaredIn));
        return false;
      }
    }
    return true;
  }

  private static boolean arityFits(ExecutableElement m, int arity) {
    int params = m.getParameters().size();
    return params == arity || (m.isVarArgs() && arity >= params - 1);
  }

  private boolean inHostNest(Element member) {
    return topLevel(member).equals(topLevel(method.host()));
  }

  private static Element topLevel(Element e) {
    Element top = e;
    while (top.getEnclosingElement() instanceof TypeElement) {
      top = top.getEnclosingElement();
    }
    return top.getKind().isClass() || top.getKind().isInterface() ? top : top.getEnclosingElement();
  }

  /**
   * Whether {@code name}, read as a field of {@code type}, is a record component whose accessor
   * is the implicit one (returns the field as it is), so reading the accessor is the same.
   */
  private boolean isRecordComponent(TypeElement type, String name) {
    if (!type.getKind().name().equals("RECORD")
        || method.resolver().hasExplicitAccessor(type, name)) {
      return false;
    }
    for (Element component : type.getRecordComponents()) {
      if (component.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  private void memberType(IdentifierTree tree, TypeElement type, boolean created) {
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      unsupported(tree, Messages.privateMember(type.getSimpleName().toString(), enclosingName(type)));
      return;
    }
    if (created
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)
        && type.getEnclosingElement() instanceof TypeElement
        && type.getEnclosingElement().getKind().isClass()) {
      unsupported(tree, Messages.innerClassCreation(type.getSimpleName().toString()));
      return;
    }
    out.type(ClassName.get(type));
  }

  private static String enclosingName(TypeElement type) {
    return type.getEnclosingElement().getSimpleName().toString();
  }

  private void staticImport(String name, Predicate<Element> kind) {
    Optional<TypeElement> owner = method.resolver().staticImportOwner(name, kind);
    if (owner.isPresent()) {
      out.type(ClassName.get(owner.get()));
      text(".");
    }
    text(name);
  }

  /**
   * {@code q.name}: checks that the generated class may use the member, where the source says
   * what {@code q} is; a record component read as a field becomes its accessor.
   */
  private void afterMemberInto(Tree tree, ExpressionTree qualifier, String name, boolean isMethod) {
    Optional<TypeElement> type = declaredTypeOf.apply(qualifier);
    if (type.isEmpty()) {
      return;
    }
    Predicate<Element> kind = isMethod ? Resolver::isMethod : Resolver::isField;
    if (!isMethod && isRecordComponent(type.get(), name)) {
      text("()");
      return;
    }
    List<Element> members = method.resolver().membersOf(type.get(), name, kind);
    accessible(tree, name, members, isMethod ? pendingArity : -1);
  }


  private void text(String s) {
    out.text(s);
  }

  private void unsupported(Tree tree, String message) {
    report(tree, message);
    text("/* unsupported */");
  }

  private void report(Tree tree, String message) {
    reporter.error(tree, method.file().unit(), message);
  }
}
