package dev.fibered.processor.model;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.fibered.processor.validate.Messages;
import dev.fibered.processor.validate.Reporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Decides which method calls in a body are switch points: {@code Fiber.yield()}, {@code
 * Fiber.yieldNow()} and calls to {@code @Fibered} methods (recognised by the annotation, which is
 * kept in class files, so library methods count too).
 *
 * <p>Bodies are not attributed during processing, so the callee is found by name: the receiver's
 * declared type (a local, parameter or field as written, a type name, or the host for an
 * unqualified call), then the methods of that name and arity. A call whose receiver type is not
 * written down, with the name of a {@code @Fibered} method, is an error rather than a guess.
 */
public final class SwitchPointFinder {
  private final FiberedMethod method;
  private final Reporter reporter;
  private final Set<String> fiberedNames;
  private final Map<MethodInvocationTree, Optional<SwitchPoint>> cache = new IdentityHashMap<>();

  /** See {@link #localTypes()}; null until {@link #scanClassBodies} ran. */
  private Map<String, ClassTree> localTypes;

  /** For each call inside a local or anonymous class body: those bodies, innermost first. */
  private final Map<MethodInvocationTree, List<ClassBody>> classBodiesAround = new IdentityHashMap<>();

  /** A class body, and an anonymous class's supertype (null for a declared class). */
  private record ClassBody(ClassTree tree, Tree anonymousSupertype) {}

  public SwitchPointFinder(FiberedMethod method, Reporter reporter, Set<String> fiberedNames) {
    this.method = method;
    this.reporter = reporter;
    this.fiberedNames = fiberedNames;
  }

  /** The switch point this call is, if any; reports an error (once) if it cannot tell. */
  public Optional<SwitchPoint> classify(MethodInvocationTree call) {
    return cache.computeIfAbsent(call, this::compute);
  }

  /** Every switch point inside {@code tree}, in source order. */
  public List<SwitchPoint> within(Tree tree) {
    List<SwitchPoint> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        super.visitMethodInvocation(node, unused);
        classify(node).ifPresent(found::add);
        return null;
      }
    }.scan(tree, null);
    return found;
  }

  private Optional<SwitchPoint> compute(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    String name;
    ExpressionTree receiver;
    if (select instanceof IdentifierTree) {
      name = ((IdentifierTree) select).getName().toString();
      receiver = null;
    } else if (select instanceof MemberSelectTree) {
      name = ((MemberSelectTree) select).getIdentifier().toString();
      receiver = ((MemberSelectTree) select).getExpression();
    } else {
      return Optional.empty();
    }
    Resolver resolver = method.resolver();
    List<Element> candidates;
    if (receiver == null) {
      if (isStaticallyImportedYieldNow(call)) {
        return Optional.of(new SwitchPoint.YieldNow(call));
      }
      candidates = unqualifiedCandidates(name);
    } else {
      Optional<TypeElement> type = receiverType(receiver);
      if (type.isEmpty()) {
        if (fiberedNames.contains(name) && !isUnresolvedTypeName(receiver) && !hasLocalType(receiver)) {
          reporter.error(call, method.file().unit(), Messages.unknownReceiver(name));
        }
        return Optional.empty();
      }
      if (type.get().getQualifiedName().contentEquals(FibersNames.FIBER)) {
        Optional<SwitchPoint> intrinsic = intrinsic(call, name);
        if (intrinsic.isPresent()) {
          return intrinsic;
        }
      }
      candidates = resolver.methodsOf(type.get(), name);
    }
    int arity = call.getArguments().size();
    List<ExecutableElement> applicable = new ArrayList<>();
    boolean anyFibered = false;
    for (Element e : candidates) {
      ExecutableElement m = (ExecutableElement) e;
      int params = m.getParameters().size();
      if (params == arity || (m.isVarArgs() && arity >= params - 1)) {
        applicable.add(m);
        anyFibered |= FibersNames.isFibered(m);
      }
    }
    if (!anyFibered || ((receiver == null || isThis(receiver)) && namesClassBodyMethod(call, name))) {
      return Optional.empty();
    }
    if (applicable.size() > 1) {
      reporter.error(call, method.file().unit(), Messages.ambiguousOverload(name));
      return Optional.empty();
    }
    ExecutableElement callee = applicable.get(0);
    boolean implicitReceiver = receiver == null || isThis(receiver);
    ExpressionTree explicitReceiver =
        callee.getModifiers().contains(Modifier.STATIC) || implicitReceiver ? null : receiver;
    return Optional.of(new SwitchPoint.FiberedCall(call, callee, explicitReceiver));
  }

  private List<Element> unqualifiedCandidates(String name) {
    Resolver resolver = method.resolver();
    Optional<Resolver.Members> members = resolver.members(name, Resolver::isMethod);
    if (members.isPresent()) {
      return members.get().elements();
    }
    Optional<TypeElement> owner = resolver.staticImportOwner(name, Resolver::isMethod);
    if (owner.isEmpty()) {
      return List.of();
    }
    List<Element> statics = new ArrayList<>();
    for (Element e : resolver.methodsOf(owner.get(), name)) {
      if (e.getModifiers().contains(Modifier.STATIC)) {
        statics.add(e);
      }
    }
    return statics;
  }

  private static Optional<SwitchPoint> intrinsic(MethodInvocationTree call, String name) {
    if (!call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    if (name.equals("yield")) {
      return Optional.of(new SwitchPoint.Yield(call));
    }
    if (name.equals("yieldNow")) {
      return Optional.of(new SwitchPoint.YieldNow(call));
    }
    return Optional.empty();
  }

  /**
   * Whether {@code expression} is {@code Fiber.noSwitch()} (qualified, or statically imported):
   * the resource of a block that must not switch.
   */
  public boolean isNoSwitchGuard(ExpressionTree expression) {
    if (!(expression instanceof MethodInvocationTree)) {
      return false;
    }
    MethodInvocationTree call = (MethodInvocationTree) expression;
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree) {
      MemberSelectTree member = (MemberSelectTree) select;
      return member.getIdentifier().contentEquals("noSwitch")
          && receiverType(member.getExpression())
              .filter(t -> t.getQualifiedName().contentEquals(FibersNames.FIBER))
              .isPresent();
    }
    return select instanceof IdentifierTree
        && isStaticallyImportedFromFiber(
            ((IdentifierTree) select).getName().toString(), "noSwitch");
  }

  /** Whether an unqualified call is {@code yieldNow()} statically imported from Fiber. */
  public boolean isStaticallyImportedYieldNow(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof IdentifierTree
        && call.getArguments().isEmpty()
        && isStaticallyImportedFromFiber(
            ((IdentifierTree) call.getMethodSelect()).getName().toString(), "yieldNow");
  }

  /** Whether an unqualified method {@code name} is Fiber's {@code wanted}, statically imported. */
  private boolean isStaticallyImportedFromFiber(String name, String wanted) {
    return name.equals(wanted)
        && method.resolver().members(name, Resolver::isMethod).isEmpty()
        && method
            .resolver()
            .staticImportOwner(name, Resolver::isMethod)
            .filter(t -> t.getQualifiedName().contentEquals(FibersNames.FIBER))
            .isPresent();
  }

  /**
   * A name that is neither a variable nor a known type: a class that does not exist yet, such as
   * a {@code FooFibers} generated in this round. It has no {@code @Fibered} methods to lower.
   */
  private boolean isUnresolvedTypeName(ExpressionTree receiver) {
    ExpressionTree head = receiver;
    while (head instanceof MemberSelectTree) {
      head = ((MemberSelectTree) head).getExpression();
    }
    if (!(head instanceof IdentifierTree)) {
      return false;
    }
    String name = ((IdentifierTree) head).getName().toString();
    return localDeclaredType(name, receiver) == null
        && method.resolver().members(name, Resolver::isField).isEmpty()
        && method.resolver().staticImportOwner(name, Resolver::isField).isEmpty()
        && method.resolver().type(receiver.toString()).isEmpty();
  }

  /**
   * Whether the receiver's type, as the source writes it, is a local type of the body: its
   * methods are never {@code @Fibered} (the annotation is refused on local classes).
   */
  private boolean hasLocalType(ExpressionTree receiver) {
    if (receiver instanceof NewClassTree) {
      return namesLocalType(((NewClassTree) receiver).getIdentifier());
    }
    if (receiver instanceof IdentifierTree) {
      Optional<Tree> type = localDeclaredType(((IdentifierTree) receiver).getName().toString(), receiver);
      return type != null && type.isPresent() && namesLocalType(type.get());
    }
    return false;
  }

  /**
   * Whether an unqualified call (or one on {@code this}) names a method of a local or anonymous
   * class body around it (its own or inherited), which hides the host's method of that name
   * there, as in Java; {@code this} there is the class body's.
   */
  private boolean namesClassBodyMethod(MethodInvocationTree call, String name) {
    scanClassBodies();
    for (ClassBody body : classBodiesAround.getOrDefault(call, List.of())) {
      if (hasMethod(body.tree(), body.anonymousSupertype(), name, new HashSet<>())) {
        return true;
      }
    }
    return false;
  }

  private boolean hasMethod(ClassTree body, Tree anonymousSupertype, String name, Set<ClassTree> seen) {
    if (!seen.add(body)) {
      return false;
    }
    for (Tree member : body.getMembers()) {
      if (member instanceof MethodTree && ((MethodTree) member).getName().contentEquals(name)) {
        return true;
      }
    }
    List<Tree> supertypes = new ArrayList<>(body.getImplementsClause());
    if (body.getExtendsClause() != null) {
      supertypes.add(body.getExtendsClause());
    }
    if (anonymousSupertype != null) {
      supertypes.add(anonymousSupertype);
    }
    for (Tree supertype : supertypes) {
      Tree base = supertype instanceof ParameterizedTypeTree ? ((ParameterizedTypeTree) supertype).getType() : supertype;
      ClassTree local = localTypes().get(base.toString());
      if (local != null
          ? hasMethod(local, null, name, seen)
          : method.resolver().type(base.toString()).map(t -> !method.resolver().methodsOf(t, name).isEmpty()).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private boolean namesLocalType(Tree type) {
    Tree base = type instanceof ParameterizedTypeTree ? ((ParameterizedTypeTree) type).getType() : type;
    return base instanceof IdentifierTree && localTypes().containsKey(base.toString());
  }

  /** The types declared in the body, by name (the last of a name wins). */
  private Map<String, ClassTree> localTypes() {
    scanClassBodies();
    return localTypes;
  }

  /**
   * One pass over the body, when first needed: the local types it declares, and for each call
   * inside a class body the bodies around it.
   */
  private void scanClassBodies() {
    if (localTypes != null) {
      return;
    }
    localTypes = new java.util.HashMap<>();
    Deque<ClassBody> around = new ArrayDeque<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        localTypes.put(node.getSimpleName().toString(), node);
        return within(new ClassBody(node, null), () -> super.visitClass(node, unused));
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        scan(node.getEnclosingExpression(), unused);
        scan(node.getIdentifier(), unused);
        scan(node.getTypeArguments(), unused);
        scan(node.getArguments(), unused);
        if (node.getClassBody() == null) {
          return null;
        }
        ClassBody body = new ClassBody(node.getClassBody(), node.getIdentifier());
        return within(body, () -> scan(node.getClassBody().getMembers(), unused));
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (!around.isEmpty()) {
          classBodiesAround.put(node, List.copyOf(around));
        }
        return super.visitMethodInvocation(node, unused);
      }

      private Void within(ClassBody body, java.util.function.Supplier<Void> scanning) {
        around.push(body);
        try {
          return scanning.get();
        } finally {
          around.pop();
        }
      }
    }.scan(method.tree().getBody(), null);
  }

  private static boolean isThis(ExpressionTree receiver) {
    return receiver instanceof IdentifierTree
        && ((IdentifierTree) receiver).getName().contentEquals("this");
  }

  /** The declared type of a receiver expression, where the source spells it out. */
  public Optional<TypeElement> receiverType(ExpressionTree receiver) {
    Resolver resolver = method.resolver();
    if (receiver instanceof ParenthesizedTree) {
      return receiverType(((ParenthesizedTree) receiver).getExpression());
    }
    if (receiver instanceof TypeCastTree) {
      return typeOfTypeTree(((TypeCastTree) receiver).getType());
    }
    if (receiver instanceof NewClassTree && ((NewClassTree) receiver).getEnclosingExpression() == null) {
      // An anonymous class's calls dispatch from its supertype's, and run its methods plainly.
      return typeOfTypeTree(((NewClassTree) receiver).getIdentifier());
    }
    if (receiver instanceof IdentifierTree) {
      String name = ((IdentifierTree) receiver).getName().toString();
      if (name.equals("this")) {
        return Optional.of(method.host());
      }
      if (name.equals("super")) {
        return Optional.empty();
      }
      Optional<Tree> local = localDeclaredType(name, receiver);
      if (local != null) {
        return local.flatMap(this::typeOfTypeTree);
      }
      Optional<Resolver.Members> field = resolver.members(name, Resolver::isField);
      if (field.isPresent()) {
        return declaredTypeElement(((VariableElement) field.get().elements().get(0)).asType());
      }
      return resolver.type(name);
    }
    if (receiver instanceof MemberSelectTree) {
      MemberSelectTree select = (MemberSelectTree) receiver;
      if (isThis(select.getExpression())) {
        return method.resolver()
            .members(select.getIdentifier().toString(), Resolver::isField)
            .flatMap(m -> declaredTypeElement(m.elements().get(0).asType()));
      }
      return resolver.type(receiver.toString());
    }
    return Optional.empty();
  }

  /**
   * The declared type tree of the local or parameter {@code name} in scope at {@code usage}, if the
   * source gives one.
   */
  public Optional<Tree> declaredTypeOfLocal(String name, Tree usage) {
    Optional<Tree> type = localDeclaredType(name, usage);
    return type == null ? Optional.empty() : type;
  }

  /**
   * The declared type tree of a local or parameter named {@code name}: null if there is no such
   * local; empty if it uses {@code var}, or if the declaration in scope at {@code usage} cannot
   * be told and the declarations of that name disagree.
   */
  private Optional<Tree> localDeclaredType(String name, Tree usage) {
    for (VariableTree param : method.tree().getParameters()) {
      if (param.getName().contentEquals(name)) {
        return Optional.of(param.getType());
      }
    }
    List<VariableTree> locals = method.localsByName().get(name);
    if (locals == null) {
      return null;
    }
    VariableTree inScope = usage == null ? null : inScopeAt(name, usage);
    if (inScope != null) {
      return Optional.ofNullable(inScope.getType());
    }
    String first = null;
    for (VariableTree local : locals) {
      if (local.getType() == null) {
        return Optional.empty();
      }
      String written = local.getType().toString();
      if (first != null && !first.equals(written)) {
        return Optional.empty();
      }
      first = written;
    }
    return Optional.of(locals.get(0).getType());
  }

  /**
   * The declaration of local {@code name} whose scope holds {@code usage}: walks out from the
   * usage through the enclosing blocks, loops, catch clauses and resources (JLS 6.3).
   */
  private VariableTree inScopeAt(String name, Tree usage) {
    TreePath path = TreePath.getPath(method.file().unit(), usage);
    if (path == null) {
      return null;
    }
    Tree child = usage;
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      List<? extends Tree> declarations = List.of();
      if (t instanceof BlockTree) {
        List<? extends StatementTree> statements = ((BlockTree) t).getStatements();
        int end = statements.indexOf(child);
        declarations = statements.subList(0, end < 0 ? 0 : end);
      } else if (t instanceof ForLoopTree) {
        declarations = ((ForLoopTree) t).getInitializer();
      } else if (t instanceof EnhancedForLoopTree
          && child != ((EnhancedForLoopTree) t).getExpression()) {
        declarations = List.of(((EnhancedForLoopTree) t).getVariable());
      } else if (t instanceof CatchTree) {
        declarations = List.of(((CatchTree) t).getParameter());
      } else if (t instanceof TryTree) {
        declarations = ((TryTree) t).getResources();
      } else if (t instanceof ClassTree) {
        return null;
      }
      VariableTree found = null;
      for (Tree d : declarations) {
        if (d instanceof VariableTree && ((VariableTree) d).getName().contentEquals(name)) {
          found = (VariableTree) d;
        }
      }
      if (found != null) {
        return found;
      }
      child = t;
    }
    return null;
  }

  private Optional<TypeElement> typeOfTypeTree(Tree type) {
    if (type instanceof ParameterizedTypeTree) {
      type = ((ParameterizedTypeTree) type).getType();
    }
    if (type instanceof ArrayTypeTree
        || type.getKind() == Tree.Kind.PRIMITIVE_TYPE
        || namesLocalType(type)) { // a local type hides a member or imported type of its name
      return Optional.empty();
    }
    if (type instanceof IdentifierTree || type instanceof MemberSelectTree) {
      return method.resolver().type(type.toString());
    }
    return Optional.empty();
  }

  private static Optional<TypeElement> declaredTypeElement(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      return Optional.of((TypeElement) ((DeclaredType) type).asElement());
    }
    return Optional.empty();
  }
}
