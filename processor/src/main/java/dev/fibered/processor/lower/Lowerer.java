package dev.fibered.processor.lower;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import dev.fibered.processor.model.FiberedMethod;
import dev.fibered.processor.model.FibersNames;
import dev.fibered.processor.model.Resolver;
import dev.fibered.processor.model.SwitchPoint;
import dev.fibered.processor.model.SwitchPointFinder;
import dev.fibered.processor.validate.Messages;
import dev.fibered.processor.validate.Reporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Lowers one method body into the states of a machine.
 *
 * <p>A statement with no switch point and no loop is copied whole into the current state (its
 * inner locals stay Java locals). Everything else is taken apart: conditions become conditional
 * jumps, loops get a scheduling check on their back-edge (the default policy), switch points end
 * a state and the code after them starts the state they resume in. A local declared at the level
 * of a lowered block becomes a field when it is named at or after the next statement that can
 * suspend (it may live across states), and stays a Java local otherwise; constant {@code final}
 * locals become {@code static final} fields. Labels are resolved, and states numbered, by {@link
 * StateGraph#build()} at the end.
 */
public final class Lowerer implements Jumps, JavaPrinter.Captures {
  private static final String CHECK = "check()";
  private static final String YIELD_DUE = "yieldDue()";

  private final FiberedMethod method;
  private final CheckPolicy policy;
  private final SwitchPointFinder finder;
  private final Reporter reporter;
  private final Elements elements;
  private final Namer namer;
  private final MachineNames names;
  private final LocalScope scope = new LocalScope();
  private final StateGraph graph = new StateGraph();
  private final JavaPrinter printer;
  private final Spiller spiller;
  private final TypeName returnType;
  private final List<MachineModel.Field> locals = new ArrayList<>();
  private final List<String> parameterFields = new ArrayList<>();
  private final java.util.Set<String> constants = new java.util.HashSet<>();
  private final Deque<Enclosing> targets = new ArrayDeque<>();

  /** How many loops copied as Java loops enclose the code being lowered. */
  private int javaLoops;

  /** Whether a jump out of a Java loop needs the label of {@code resume}'s loop. */
  private boolean labelledDispatch;

  /** Where a return through finally blocks ends up, once one needs it. */
  private Label returnPoint;

  /** The field holding the value such a return returns; null for a void method. */
  private String returnedValue;
  private final Map<Tree, Boolean> suspends = new IdentityHashMap<>();

  /** The declared types of the locals kept in Java, by their Java name; null for {@code var}. */
  private final Map<String, TypeName> javaLocalTypes = new java.util.HashMap<>();

  private final LocalTypeHoister localTypes;

  private Lowerer(
      FiberedMethod method,
      CheckPolicy policy,
      SwitchPointFinder finder,
      Reporter reporter,
      Elements elements,
      String className) {
    this.method = method;
    this.policy = policy;
    this.finder = finder;
    this.reporter = reporter;
    this.elements = elements;
    this.namer = new Namer(method.file().identifiers());
    namer.reserve("SUSPEND"); // inherited from Machine: a field of that name would hide it
    namer.reserve("CALL");
    namer.reserve(MachineNames.SOURCE_LINES); // the generated file's line table, in scope here
    avoidPackageHeads(method.tree(), method.resolver(), namer);
    for (VariableTree p : method.tree().getParameters()) {
      String name = p.getName().toString();
      String field = namer.forLocal(name);
      scope.declare(name, field);
      parameterFields.add(field);
    }
    this.names =
        new MachineNames(
            namer.internal("state"),
            method.isStatic() ? null : namer.internal("self"),
            namer.internal("result"),
            namer.internal("SOURCE"),
            namer.internal("thrown"),
            namer.internal("dispatch"));
    this.returnType = TypeName.get(method.element().getReturnType());
    this.printer =
        new JavaPrinter(method, reporter, scope, names, this, this, finder::receiverType);
    graph.declarationsBefore(printer::takeSnapshots);
    this.localTypes =
        new LocalTypeHoister(method, reporter, printer, scope, namer, this, javaLocalTypes, className);
    this.spiller = new Spiller(this, printer, graph, scope, method);
  }

  /** Keeps hoisted locals from taking the name of a package the body names in full. */
  private static void avoidPackageHeads(Tree body, Resolver resolver, Namer namer) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        ExpressionTree head = node;
        while (head instanceof MemberSelectTree) {
          head = ((MemberSelectTree) head).getExpression();
        }
        if (head instanceof IdentifierTree
            && node.getExpression() instanceof MemberSelectTree
            && resolver.type(node.toString()).isPresent()) {
          namer.avoidForLocals(((IdentifierTree) head).getName().toString());
        }
        return super.visitMemberSelect(node, unused);
      }
    }.scan(body, null);
  }

  /**
   * Lowers {@code method}, or returns empty if it reported an error.
   *
   * @param policy where scheduling checks go
   * @param className the name for the machine class, unique in the generated file
   * @param signature the factories' view of the method
   */
  public static Optional<MachineModel> lower(
      FiberedMethod method,
      CheckPolicy policy,
      SwitchPointFinder finder,
      Reporter reporter,
      Elements elements,
      String className,
      MachineModel.Signature signature) {
    int errorsBefore = reporter.errorCount();
    Lowerer lowerer = new Lowerer(method, policy, finder, reporter, elements, className);
    List<State> states = lowerer.lowerBody();
    if (reporter.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new MachineModel(
            signature,
            className,
            lowerer.names,
            lowerer.parameterFields,
            lowerer.locals,
            states,
            lowerer.labelledDispatch,
            lowerer.localTypes.memberTypes(),
            lowerer.localTypes.memberTypeNames()));
  }

  private List<State> lowerBody() {
    Label entry = graph.newLabel();
    Label body = graph.newLabel();
    graph.at((int) method.file().line(method.tree().getBody()));
    bind(entry, method.tree().getBody(), "entry: ");
    // The method-entry check resumes after itself: resuming at the check would switch again at
    // once when the slice is tiny, and the fiber would never get past its entry.
    if (policy.checksEntryAndLoops()) {
      graph.add(new Op.SuspendIf(CHECK, body));
    }
    bind(body, method.tree().getBody(), "body: ");
    statement(method.tree().getBody());
    if (graph.reachable()) {
      graph.add(new Op.Statements(new Code().text("return null;"), true));
    }
    if (returnPoint != null) {
      bind(returnPoint, method.tree().getBody(), "return: ");
      String value = returnedValue == null ? "null" : returnedValue;
      graph.add(new Op.Statements(new Code().text("return " + value + ";"), true));
    }
    return graph.build();
  }

  // ---------------------------------------------------------------- statements

  /** A statement on its own (a loop's or an if's body): the policy may check before it. */
  private void statement(StatementTree tree) {
    policyCheckBefore(tree, 0);
    lowerOne(tree);
  }

  private void lowerOne(StatementTree tree) {
    int outer = graph.line();
    graph.at((int) method.file().line(tree));
    lowerStatement(tree);
    graph.at(outer); // what the enclosing statement adds next (a back-edge, say) is its own
  }

  /** The check the policy puts before the {@code index}-th statement of a block, if any. */
  private void policyCheckBefore(StatementTree tree, int index) {
    if (graph.reachable() && policy.checksBefore(tree, index, this::callsPlainMethod)) {
      Label next = graph.newLabel();
      int outer = graph.line();
      graph.at((int) method.file().line(tree));
      graph.add(new Op.SuspendIf(CHECK, next));
      bind(next, tree, "");
      graph.at(outer);
    }
  }

  /**
   * Whether a statement can start a new state: it has a switch point or a checked loop, the policy
   * checks before it, or the policy checks inside it.
   */
  private boolean boundary(StatementTree tree, int index) {
    return suspends(tree)
        || policy.checksBefore(tree, index, this::callsPlainMethod)
        || policy.checksInside(tree, this::callsPlainMethod);
  }

  /** Whether a statement calls a method, not in a lambda or class body, and is no switch point. */
  private boolean callsPlainMethod(Tree tree) {
    if (suspends(tree)) {
      return false;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        if (found[0] || node == null) {
          return null;
        }
        switch (node.getKind()) {
          case LAMBDA_EXPRESSION, CLASS, INTERFACE, ENUM, RECORD -> {
            return null;
          }
          case METHOD_INVOCATION -> {
            found[0] = true;
            return null;
          }
          default -> {
            return super.scan(node, unused);
          }
        }
      }
    }.scan(tree, null);
    return found[0];
  }

  private void lowerStatement(StatementTree tree) {
    if (tree instanceof ClassTree) {
      Code frame =
          localTypes.hoist(
              (ClassTree) tree,
              (type, comment) -> {
                String field = namer.internal(frameFieldName(((ClassTree) tree).getSimpleName().toString()));
                locals.add(new MachineModel.Field(field, type, comment, null));
                return field;
              });
      if (frame != null) {
        graph.add(new Op.Statements(frame, false));
      }
      return;
    }
    if (!suspends(tree) && !policy.checksInside(tree, this::callsPlainMethod)) {
      copy(tree);
      return;
    }
    switch (tree.getKind()) {
      case BLOCK -> block(((BlockTree) tree).getStatements());
      case VARIABLE -> declarationWithSwitchPoint((VariableTree) tree);
      case EXPRESSION_STATEMENT -> expressionStatement((ExpressionStatementTree) tree);
      case RETURN -> returnStatement((ReturnTree) tree);
      case IF -> ifStatement((IfTree) tree);
      case WHILE_LOOP -> whileLoop((WhileLoopTree) tree, Set.of());
      case DO_WHILE_LOOP -> doWhileLoop((DoWhileLoopTree) tree, Set.of());
      case FOR_LOOP -> forLoop((ForLoopTree) tree, Set.of());
      case ENHANCED_FOR_LOOP -> forEachLoop((EnhancedForLoopTree) tree, Set.of());
      case LABELED_STATEMENT -> labeled((LabeledStatementTree) tree);
      case THROW -> {
        if (spiller.prepare(((ThrowTree) tree).getExpression())) {
          copy(tree);
        }
      }
      case TRY -> {
        TryTree t = (TryTree) tree;
        if (isNoSwitchGuard(t)) {
          reportFirstSwitchPoint(tree, Messages.switchPointInNoSwitch());
        } else {
          tryStatement(t);
        }
      }
      case SWITCH -> switchStatement((SwitchTree) tree);
      case YIELD -> {
        ExpressionTree value = ((YieldTree) tree).getValue();
        if (spiller.prepare(value)) {
          graph.add(new Op.Statements(yieldWith(printer.expression(value), value), true));
        }
      }
      case SYNCHRONIZED -> reportFirstSwitchPoint(tree, Messages.switchPointInSynchronized());
      default -> reportFirstSwitchPoint(tree, Messages.switchPointInExpression());
    }
  }

  /**
   * A lowered block. Once the rest of a block has no switch point and no loop, it is copied as one
   * Java block: its locals then never cross a state boundary and stay Java locals ({@code var}
   * included), in a block of their own so that they cannot clash with another block's.
   */
  private void block(List<? extends StatementTree> statements) {
    scope.push();
    for (int i = 0; i < statements.size(); i++) {
      List<? extends StatementTree> rest = statements.subList(i, statements.size());
      if (noBoundary(statements, i) && rest.stream().anyMatch(s -> s instanceof VariableTree)) {
        boolean ends = !Completion.canCompleteNormally(rest.get(rest.size() - 1));
        graph.add(new Op.Statements(copied(rest, ends, () -> printer.statements(rest)), ends));
        break;
      }
      StatementTree s = statements.get(i);
      policyCheckBefore(s, i);
      if (s instanceof VariableTree
          && !suspends(s)
          && !usedAcrossSwitchPoint((VariableTree) s, statements, i)) {
        keepAsJavaLocal((VariableTree) s);
      } else {
        lowerOne(s);
      }
    }
    scope.pop();
  }

  /** Whether no statement of the block from {@code from} on can start a new state. */
  private boolean noBoundary(List<? extends StatementTree> statements, int from) {
    for (int i = from; i < statements.size(); i++) {
      if (boundary(statements.get(i), i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code local}, the {@code at}-th statement of a block, is named at or after the first
   * later statement that can start a new state. If not, all its uses run in the state it is
   * declared in.
   */
  private boolean usedAcrossSwitchPoint(
      VariableTree local, List<? extends StatementTree> statements, int at) {
    String name = local.getName().toString();
    boolean[] used = {false};
    boolean suspended = false;
    for (int i = at + 1; i < statements.size(); i++) {
      StatementTree s = statements.get(i);
      suspended |= boundary(s, i);
      if (suspended) {
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitIdentifier(IdentifierTree node, Void unused) {
            used[0] |= node.getName().contentEquals(name);
            return null;
          }
        }.scan(s, null);
      }
    }
    return used[0];
  }

  /** A local that never crosses a state boundary: declared as a Java local in its state. */
  private void keepAsJavaLocal(VariableTree local) {
    String name = local.getName().toString();
    // Renamed if need be: two such locals of sibling blocks may end up in one case.
    String javaName = namer.forLocal(name);
    Code declaration = new Code();
    if (local.getModifiers().getFlags().contains(Modifier.FINAL)) {
      declaration.text("final ");
    }
    declaration.append(local.getType() == null ? new Code().text("var") : printer.type(local.getType()));
    declaration.text(" " + javaName);
    if (local.getInitializer() != null) {
      declaration.text(" = ").append(initializer(local));
    }
    graph.add(new Op.Statements(declaration.text(";"), false));
    scope.declare(name, javaName);
    javaLocalTypes.put(javaName, local.getType() == null ? null : printer.typeName(local.getType()));
  }

  /** {@code Tagged} gets its frame in {@code taggedScope}. */
  private static String frameFieldName(String type) {
    return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "Scope";
  }

  /** A statement without switch points or loops: copied whole into the current state. */
  private void copy(StatementTree tree) {
    if (tree instanceof VariableTree) {
      VariableTree local = (VariableTree) tree;
      if (isConstantVariable(local)) {
        hoistConstant(local);
        return;
      }
      String field = hoist(local);
      if (local.getInitializer() != null && field != null) {
        graph.add(new Op.Statements(store(field, initializer(local), local.getInitializer()), false));
      }
      return;
    }
    if (tree instanceof ExpressionStatementTree
        && ((ExpressionStatementTree) tree).getExpression() instanceof AssignmentTree) {
      AssignmentTree assign = (AssignmentTree) ((ExpressionStatementTree) tree).getExpression();
      String field = assign.getVariable() instanceof IdentifierTree
          ? scope.field(((IdentifierTree) assign.getVariable()).getName().toString())
          : null;
      if (field != null && isMachineField(field) && hasSwitchWithHandlers(assign.getExpression())) {
        graph.add(new Op.Statements(store(field, printer.expression(assign.getExpression()), assign.getExpression()), false));
        return;
      }
    }
    boolean ends = !Completion.canCompleteNormally(tree);
    graph.add(new Op.Statements(copied(List.of(tree), ends, () -> printer.statement(tree)), ends));
  }

  /**
   * Copied code. When it holds a Java {@code try} with a finally block or resources, a jump out of
   * it must not change the state before Java has run that finally block or closed those resources:
   * they may throw, and the exception belongs to this state's lowered try, not to the target's.
   * Such a jump sets a local and breaks out of a labelled block around the code; the state changes
   * after it.
   */
  private Code copied(List<? extends Tree> trees, boolean ends, java.util.function.Supplier<Code> print) {
    if (trees.stream().noneMatch(Lowerer::hasJavaCleanup)) {
      return print.get();
    }
    DeferredJump outer = deferredJump;
    DeferredJump jump = new DeferredJump(namer.internal("jump"), namer.internal("escape"));
    deferredJump = jump;
    Code body;
    try {
      body = print.get();
    } finally {
      deferredJump = outer;
    }
    if (jump.uses == 0) {
      return body;
    }
    String go = names.state() + " = " + jump.variable() + ";\n" + nextState() + ";";
    Code code = new Code().text("int " + jump.variable() + " = -1;\n" + jump.escape() + ": {\n  ");
    code.append(body.indented("  "));
    if (!ends) {
      // Falling off the end means no jump is under way: one that a failing finally block or
      // close() overtook, and a catch then took the exception, is cancelled, as in Java.
      code.text("\n  " + jump.variable() + " = -1;");
    }
    code.text("\n}\n");
    // Past the block only by a jump when the code cannot complete normally.
    return code.text(ends ? go : "if (" + jump.variable() + " >= 0) {\n  " + go.replace("\n", "\n  ") + "\n}");
  }

  /** A jump out of copied code held back until its Java cleanup has run; see {@link #copied}. */
  private static final class DeferredJump {
    private final String variable;
    private final String escape;
    private int uses;

    DeferredJump(String variable, String escape) {
      this.variable = variable;
      this.escape = escape;
    }

    String variable() {
      return variable;
    }

    String escape() {
      return escape;
    }
  }

  private DeferredJump deferredJump;

  /** Whether {@code tree} holds a Java try with a finally block or resources (not in a lambda). */
  private static boolean hasJavaCleanup(Tree tree) {
    boolean[] found = {false};
    new OwnCodeScanner<Void, Void>() {
      @Override
      public Void visitTry(TryTree node, Void unused) {
        found[0] |= node.getFinallyBlock() != null || !node.getResources().isEmpty();
        return super.visitTry(node, unused);
      }
    }.scan(tree, null);
    return found[0];
  }

  /**
   * A {@code final} local of primitive or String type whose initializer is a constant expression
   * (JLS 4.12.4): it must stay a constant ({@code case} labels, narrowing, interned strings), so it
   * becomes a {@code static final} field with the same initializer, not a plain field.
   */
  private boolean isConstantVariable(VariableTree local) {
    if (!local.getModifiers().getFlags().contains(Modifier.FINAL)
        || local.getType() == null
        || local.getInitializer() == null) {
      return false;
    }
    Tree type = local.getType();
    boolean constantType =
        type instanceof PrimitiveTypeTree
            || (type instanceof IdentifierTree
                && method.resolver().type(type.toString())
                    .map(t -> t.getQualifiedName().contentEquals("java.lang.String"))
                    .orElse(false));
    return constantType && isConstantExpression(local.getInitializer());
  }

  private boolean isConstantExpression(ExpressionTree tree) {
    if (tree instanceof LiteralTree) {
      return tree.getKind() != Tree.Kind.NULL_LITERAL;
    }
    if (tree instanceof ParenthesizedTree) {
      return isConstantExpression(((ParenthesizedTree) tree).getExpression());
    }
    if (tree instanceof UnaryTree) {
      Tree.Kind kind = tree.getKind();
      return kind != Tree.Kind.PREFIX_INCREMENT
          && kind != Tree.Kind.PREFIX_DECREMENT
          && kind != Tree.Kind.POSTFIX_INCREMENT
          && kind != Tree.Kind.POSTFIX_DECREMENT
          && isConstantExpression(((UnaryTree) tree).getExpression());
    }
    if (tree instanceof BinaryTree) {
      return isConstantExpression(((BinaryTree) tree).getLeftOperand())
          && isConstantExpression(((BinaryTree) tree).getRightOperand());
    }
    if (tree instanceof ConditionalExpressionTree) {
      ConditionalExpressionTree c = (ConditionalExpressionTree) tree;
      return isConstantExpression(c.getCondition())
          && isConstantExpression(c.getTrueExpression())
          && isConstantExpression(c.getFalseExpression());
    }
    if (tree instanceof IdentifierTree) {
      String name = ((IdentifierTree) tree).getName().toString();
      String field = scope.field(name);
      if (field != null) {
        return constants.contains(field);
      }
      return isConstantField(name);
    }
    return false;
  }

  /** Whether {@code name} is a constant field the body can see (a compile-time constant). */
  boolean isConstantField(String name) {
    return method.resolver()
        .members(name, Resolver::isField)
        .map(m -> ((VariableElement) m.elements().get(0)).getConstantValue() != null)
        .orElse(false);
  }

  private void hoistConstant(VariableTree local) {
    constants.add(declareField(local, "constant ", printer.expression(local.getInitializer())));
  }

  /** Declares a field for a local that lives across states; returns its name. */
  private String hoist(VariableTree local) {
    if (local.getType() == null) {
      reporter.error(local, method.file().unit(), Messages.varLocal());
      return null;
    }
    return declareField(local, "local ", null);
  }

  private String declareField(VariableTree local, String what, Code constantValue) {
    String name = local.getName().toString();
    String field = namer.forLocal(name);
    locals.add(
        new MachineModel.Field(
            field,
            printer.typeName(local.getType()),
            what + name + ", line " + method.file().line(local),
            constantValue));
    scope.declare(name, field);
    return field;
  }

  /**
   * {@code field = value;}. A switch expression holding a try or synchronized block goes through a
   * Java local first: JDK 17's javac writes bytecode the JVM rejects when such a switch is
   * evaluated with the machine, the field's owner, already on the operand stack.
   */
  Code store(String field, Code value, Tree source) {
    if (!hasSwitchWithHandlers(source)) {
      return new Code().text(field + " = ").append(value).text(";");
    }
    String local = namer.internal("value");
    return new Code()
        .text("{ ")
        .type(machineFieldType(field))
        .text(" " + local + " = ")
        .append(value)
        .text("; " + field + " = " + local + "; }");
  }

  /** Whether {@code tree} holds a switch expression with a try or synchronized block inside. */
  private static boolean hasSwitchWithHandlers(Tree tree) {
    boolean[] found = {false};
    new OwnCodeScanner<Void, Boolean>() {
      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Boolean inSwitch) {
        return super.visitSwitchExpression(node, true);
      }

      @Override
      public Void visitTry(TryTree node, Boolean inSwitch) {
        found[0] |= Boolean.TRUE.equals(inSwitch);
        return super.visitTry(node, inSwitch);
      }

      @Override
      public Void visitSynchronized(com.sun.source.tree.SynchronizedTree node, Boolean inSwitch) {
        found[0] |= Boolean.TRUE.equals(inSwitch);
        return super.visitSynchronized(node, inSwitch);
      }
    }.scan(tree, false);
    return found[0];
  }

  /** A local's initializer; a bare array initializer {@code {1, 2}} gets its type spelled out. */
  private Code initializer(VariableTree local) {
    ExpressionTree init = local.getInitializer();
    if (init instanceof NewArrayTree && ((NewArrayTree) init).getType() == null) {
      return new Code().text("new ").append(printer.type(local.getType())).text(" ")
          .append(printer.expression(init));
    }
    return printer.expression(init);
  }

  private void declarationWithSwitchPoint(VariableTree local) {
    Optional<SwitchPoint> call = wholeSwitchPoint(local.getInitializer());
    if (call.isEmpty()) {
      if (spiller.prepare(local.getInitializer())) {
        String field = hoist(local);
        if (field != null) {
          graph.add(
              new Op.Statements(
                  new Code().text(field + " = ").append(initializer(local)).text(";"), false));
        }
      }
      return;
    }
    String field = hoist(local);
    if (field != null) {
      switchPoint(call.get(), local, Sink.assign(new Code().text(field), "="));
    }
  }

  private void expressionStatement(ExpressionStatementTree tree) {
    expression(tree.getExpression(), tree);
  }

  /** An expression with a switch point, evaluated for its effect, as {@code statement}. */
  private void expression(ExpressionTree expr, Tree tree) {
    Optional<SwitchPoint> whole = wholeSwitchPoint(expr);
    if (whole.isPresent()) {
      switchPoint(whole.get(), tree, Sink.DISCARD);
      return;
    }
    if (expr instanceof AssignmentTree) {
      AssignmentTree assign = (AssignmentTree) expr;
      Optional<SwitchPoint> rhs = wholeSwitchPoint(assign.getExpression());
      if (rhs.isPresent() && isPlainVariable(assign.getVariable())) {
        switchPoint(rhs.get(), tree, Sink.assign(printer.expression(assign.getVariable()), "="));
        return;
      }
    }
    if (expr instanceof CompoundAssignmentTree) {
      CompoundAssignmentTree assign = (CompoundAssignmentTree) expr;
      Optional<SwitchPoint> rhs = wholeSwitchPoint(assign.getExpression());
      // Java reads the variable before the call; that order holds only for a local, which the
      // call cannot change.
      // A callee's type variable is inferred from an assignment's target, never in a compound.
      boolean inferred =
          rhs.isPresent()
              && rhs.get() instanceof SwitchPoint.FiberedCall
              && mentionsTypeVariable(((SwitchPoint.FiberedCall) rhs.get()).callee().getReturnType());
      if (rhs.isPresent() && isLocal(assign.getVariable()) && !inferred) {
        String op = Operators.of(assign.getKind());
        switchPoint(rhs.get(), tree, Sink.assign(printer.expression(assign.getVariable()), op));
        return;
      }
    }
    if (expr instanceof CompoundAssignmentTree
        && !isLocal(((CompoundAssignmentTree) expr).getVariable())
        && suspends(((CompoundAssignmentTree) expr).getExpression())) {
      Code store = spiller.compoundAssignment((CompoundAssignmentTree) expr);
      if (store != null) {
        graph.add(new Op.Statements(store, false));
      }
      return;
    }
    if (spiller.prepare(expr)) {
      graph.add(new Op.Statements(printer.expression(expr).text(";"), false));
    }
  }

  private void returnStatement(ReturnTree tree) {
    Optional<SwitchPoint> call = wholeSwitchPoint(tree.getExpression());
    if (call.isEmpty()) {
      if (spiller.prepare(tree.getExpression())) {
        graph.add(new Op.Statements(returnWith(printer.expression(tree.getExpression())), true));
      }
      return;
    }
    switchPoint(call.get(), tree, Sink.RETURN);
  }

  private void ifStatement(IfTree tree) {
    Code condition = condition(tree.getCondition());
    Label otherwise = graph.newLabel();
    Label end = graph.newLabel();
    graph.add(new Op.JumpIf(negate(condition), tree.getElseStatement() == null ? end : otherwise));
    statement(tree.getThenStatement());
    if (tree.getElseStatement() != null) {
      if (graph.reachable()) {
        graph.add(new Op.Jump(end));
      }
      bind(otherwise, tree.getElseStatement(), "else: ");
      statement(tree.getElseStatement());
    }
    bind(end, tree, "after: ");
  }

  private void labeled(LabeledStatementTree tree) {
    // "a: b: for (...)": both labels name the loop.
    Set<String> label = new HashSet<>();
    StatementTree body = tree;
    while (body instanceof LabeledStatementTree) {
      label.add(((LabeledStatementTree) body).getLabel().toString());
      body = ((LabeledStatementTree) body).getStatement();
    }
    switch (body.getKind()) {
      case WHILE_LOOP -> whileLoop((WhileLoopTree) body, label);
      case DO_WHILE_LOOP -> doWhileLoop((DoWhileLoopTree) body, label);
      case FOR_LOOP -> forLoop((ForLoopTree) body, label);
      case ENHANCED_FOR_LOOP -> forEachLoop((EnhancedForLoopTree) body, label);
      default -> {
        Label exit = graph.newLabel();
        targets.push(new JumpTarget(label, false, exit, null));
        statement(body);
        targets.pop();
        bind(exit, tree, "after: ");
      }
    }
  }

  // ---------------------------------------------------------------- switch

  /**
   * A switch with a switch point in it: a Java switch on the selector goes to the state of the
   * matching case; each case's statements follow, falling through into the next case unless they
   * jump, and an unlabelled {@code break} goes to the exit. The locals of a switch block are in
   * scope in every later case, so each one is a field.
   */
  private void switchStatement(SwitchTree tree) {
    if (spiller.prepare(tree.getExpression())) {
      Label exit = graph.newLabel();
      switchCases(tree.getExpression(), tree.getCases(), new JumpTarget(Set.of(), true, exit, null), exit);
      bind(exit, tree, "after: ");
    }
  }

  /**
   * A switch expression with a switch point in it, lowered as a switch statement whose {@code
   * yield}s (and rule expressions) keep the value in {@code value}; its selector's switch points
   * have run. Without a {@code default}, a value no case names (an enum constant added after
   * compilation) fails as Java's switch expression does.
   */
  void switchExpression(SwitchExpressionTree tree, String value) {
    Label done = graph.newLabel();
    switchCases(tree.getExpression(), tree.getCases(), new YieldTarget(value, done), null);
    bind(done, tree, "after: ");
  }

  /**
   * The dispatch on the selector into the state of each case, then the cases; {@code exit} is
   * where a value no case names goes (null: fail, for a switch expression).
   */
  private void switchCases(ExpressionTree selector, List<? extends CaseTree> cases, Enclosing target, Label exit) {
    List<Label> entries = new ArrayList<>();
    cases.forEach(c -> entries.add(graph.newLabel()));
    Code dispatch = printer.switchDispatch(selector, cases, entries);
    if (cases.stream().noneMatch(SwitchPrinter::isDefault)) {
      dispatch.text("\n");
      if (exit != null) {
        dispatch.text(names.state() + " = ").label(exit).text(";\ncontinue;");
      } else {
        dispatch.text("throw new IncompatibleClassChangeError(\"no case of the switch expression matches\");");
      }
    }
    graph.add(new Op.Statements(dispatch, true));
    targets.push(target);
    scope.push();
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      bind(entries.get(i), c, "");
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        caseRule(c.getBody(), target instanceof YieldTarget);
        if (graph.reachable()) {
          graph.add(new Op.Jump(exit != null ? exit : ((YieldTarget) target).done())); // no fall-through
        }
      } else {
        caseStatements(c.getStatements());
      }
    }
    scope.pop();
    targets.pop();
  }

  /** The body of a {@code case ... ->}: an expression (a switch expression's value), a block or a throw. */
  private void caseRule(Tree body, boolean isValue) {
    if (body instanceof StatementTree) {
      statement((StatementTree) body);
    } else if (isValue) {
      ExpressionTree value = (ExpressionTree) body;
      if (spiller.prepare(value)) {
        graph.add(new Op.Statements(yieldWith(printer.expression(value), value), true));
      }
    } else if (suspends(body)) {
      expression((ExpressionTree) body, body);
    } else {
      graph.add(new Op.Statements(printer.expression((ExpressionTree) body).text(";"), false));
    }
  }

  /** The statements of an old-style case; locals become fields, in scope in later cases. */
  private void caseStatements(List<? extends StatementTree> statements) {
    for (int i = 0; i < statements.size(); i++) {
      StatementTree s = statements.get(i);
      policyCheckBefore(s, i);
      if (s instanceof VariableTree && !suspends(s)) {
        copy(s);
      } else {
        lowerOne(s);
      }
    }
  }

  // ---------------------------------------------------------------- try

  /**
   * A try with a switch point in it. Its body's states are covered by the catch clauses, then the
   * finally block; the catch blocks' states by the finally block; everything by the enclosing
   * tries. Each catch and finally block starts a state that {@code enterHandler} moves to, with
   * the exception in a field. Normal completion and jumps out go through the finally block, which
   * then rethrows the exception it caught or goes on to where the jump was going.
   */
  private void tryStatement(TryTree tree) {
    Runnable body =
        tree.getResources().isEmpty()
            ? () -> statement(tree.getBlock())
            : () -> withResources(tree.getResources(), 0, tree.getBlock());
    if (tree.getCatches().isEmpty() && tree.getFinallyBlock() == null) {
      body.run(); // a plain try-with-resources
      return;
    }
    TryRegion outer = graph.region();
    Label after = graph.newLabel();
    FinallyTarget fin = null;
    TryRegion catchesRegion = outer;
    if (tree.getFinallyBlock() != null) {
      fin = newFinally(tree);
      catchesRegion = coveredBy(fin, outer);
      targets.push(fin);
    }
    List<TryRegion.Handler> catches = new ArrayList<>();
    for (CatchTree c : tree.getCatches()) {
      catches.add(catchHandler(c.getParameter()));
    }
    graph.region(new TryRegion(catchesRegion, catches));
    bind(graph.newLabel(), tree, "try: ");
    body.run();
    completeTry(fin, after);
    graph.region(catchesRegion);
    for (int i = 0; i < catches.size(); i++) {
      CatchTree c = tree.getCatches().get(i);
      bind(catches.get(i).target(), c, "catch: ");
      scope.push();
      scope.declare(c.getParameter().getName().toString(), catches.get(i).field());
      statement(c.getBlock());
      scope.pop();
      completeTry(fin, after);
    }
    graph.region(outer);
    if (fin != null) {
      targets.pop();
      bind(fin.entry(), tree.getFinallyBlock(), "finally: ");
      statement(tree.getFinallyBlock());
      if (graph.reachable()) {
        graph.add(new Op.Statements(endOfFinally(fin), true));
      }
    }
    bind(after, tree, "after: ");
  }

  /**
   * The resources of a try from the {@code index}-th on, then its block, as Java's translation of
   * try-with-resources has it: each resource is a finally block of its own that closes it, and
   * adds a failure to close to the exception that is leaving the block, if any, as suppressed.
   */
  private void withResources(List<? extends Tree> resources, int index, BlockTree block) {
    if (index == resources.size()) {
      statement(block);
      return;
    }
    Tree resource = resources.get(index);
    scope.push();
    Code closed;
    if (resource instanceof VariableTree) {
      VariableTree local = (VariableTree) resource;
      String field = hoist(local);
      if (field == null) {
        scope.pop();
        return;
      }
      Optional<SwitchPoint> call = wholeSwitchPoint(local.getInitializer());
      if (call.isPresent()) {
        switchPoint(call.get(), local, Sink.assign(new Code().text(field), "="));
      } else if (spiller.prepare(local.getInitializer())) {
        graph.add(new Op.Statements(new Code().text(field + " = ").append(initializer(local)).text(";"), false));
      }
      closed = new Code().text(field);
    } else {
      closed = printer.expression((ExpressionTree) resource); // an effectively final variable
    }
    TryRegion outer = graph.region();
    Label after = graph.newLabel();
    FinallyTarget fin = newFinally(resource);
    graph.region(coveredBy(fin, outer));
    targets.push(fin);
    bind(graph.newLabel(), resource, "try: ");
    withResources(resources, index + 1, block);
    completeTry(fin, after);
    targets.pop();
    graph.region(outer);
    bind(fin.entry(), resource, "close: ");
    graph.add(new Op.Statements(close(closed, fin), false));
    graph.add(new Op.Statements(endOfFinally(fin), true));
    bind(after, resource, "after: ");
    scope.pop();
  }

  /** Closes a resource, keeping a failure to close as suppressed by the exception leaving, if any. */
  private Code close(Code resource, FinallyTarget fin) {
    String failure = namer.internal("closeFailure");
    return new Code()
        .text("if (").append(resource).text(" != null) {\n")
        .text("  if (" + fin.thrown() + " != null) {\n")
        .text("    try {\n      ").append(resource).text(".close();\n")
        .text("    } catch (Throwable " + failure + ") {\n")
        .text("      " + fin.thrown() + ".addSuppressed(" + failure + ");\n    }\n")
        .text("  } else {\n    ").append(resource).text(".close();\n  }\n}");
  }

  /** The region whose every exception goes to {@code fin}, inside {@code outer}. */
  private static TryRegion coveredBy(FinallyTarget fin, TryRegion outer) {
    return new TryRegion(
        outer,
        List.of(new TryRegion.Handler(List.of(), fin.thrown(), ClassNames.THROWABLE, fin.entry())));
  }

  private FinallyTarget newFinally(Tree tree) {
    String line = ", line " + method.file().line(tree);
    FinallyTarget fin =
        new FinallyTarget(
            graph.newLabel(), namer.internal("finallyNext"), namer.internal("finallyThrown"));
    locals.add(
        new MachineModel.Field(
            fin.next(), TypeName.INT, "where the finally block" + line + " goes on to", null));
    locals.add(
        new MachineModel.Field(
            fin.thrown(), ClassNames.THROWABLE, "what the finally block" + line + " rethrows", null));
    return fin;
  }

  /** The end of a try or catch block that completes normally: on past the try, through its finally. */
  private void completeTry(FinallyTarget fin, Label after) {
    if (!graph.reachable()) {
      return;
    }
    if (fin == null) {
      graph.add(new Op.Jump(after));
    } else {
      graph.add(new Op.Statements(leave(List.of(fin), after), true));
    }
  }

  /** Rethrows what the finally block caught, or goes on to where the jump into it was going. */
  private Code endOfFinally(FinallyTarget fin) {
    return new Code()
        .text("if (" + fin.thrown() + " != null) {\n  throw " + fin.thrown() + ";\n}\n")
        .text(names.state() + " = " + fin.next() + ";\ncontinue;");
  }

  /** A catch clause: its parameter becomes a field, set by {@code enterHandler}. */
  private TryRegion.Handler catchHandler(VariableTree parameter) {
    List<TypeName> caught = new ArrayList<>();
    TypeName fieldType;
    if (parameter.getType() instanceof UnionTypeTree union) {
      for (Tree alternative : union.getTypeAlternatives()) {
        caught.add(printer.typeName(alternative));
      }
      fieldType = commonSuperclass(union.getTypeAlternatives());
    } else {
      fieldType = printer.typeName(parameter.getType());
      caught.add(fieldType);
    }
    String name = parameter.getName().toString();
    String field = namer.forLocal(name);
    locals.add(
        new MachineModel.Field(
            field, fieldType, "exception " + name + ", line " + method.file().line(parameter), null));
    return new TryRegion.Handler(caught, field, fieldType, graph.newLabel());
  }

  /**
   * The type of a multi-catch parameter: the nearest superclass of all its alternatives, whose
   * members Java lets the catch block use.
   */
  private TypeName commonSuperclass(List<? extends Tree> alternatives) {
    List<List<TypeElement>> chains = new ArrayList<>();
    for (Tree alternative : alternatives) {
      Optional<TypeElement> type = method.resolver().type(alternative.toString());
      if (type.isEmpty()) {
        return ClassNames.THROWABLE;
      }
      List<TypeElement> chain = new ArrayList<>();
      for (TypeElement t = type.get(); t != null; t = superclass(t)) {
        chain.add(t);
      }
      chains.add(chain);
    }
    for (TypeElement candidate : chains.get(0)) {
      if (chains.stream().allMatch(c -> c.contains(candidate))) {
        return com.palantir.javapoet.ClassName.get(candidate);
      }
    }
    return ClassNames.THROWABLE;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror s = type.getSuperclass();
    return s.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) s).asElement() : null;
  }

  // ---------------------------------------------------------------- loops

  private void whileLoop(WhileLoopTree tree, Set<String> label) {
    if (asJavaLoop(tree, label, tree.getCondition(), tree.getStatement(), List.of(), false)) {
      return;
    }
    Label head = graph.newLabel();
    Label backEdge = graph.newLabel();
    Label exit = graph.newLabel();
    bind(head, tree, "");
    graph.add(new Op.JumpIf(negate(condition(tree.getCondition())), exit));
    loopBody(tree.getStatement(), label, exit, backEdge);
    bind(backEdge, tree, "back-edge: ");
    backEdgeTo(head);
    bind(exit, tree, "after: ");
  }

  private void doWhileLoop(DoWhileLoopTree tree, Set<String> label) {
    if (asJavaLoop(tree, label, tree.getCondition(), tree.getStatement(), List.of(), true)) {
      return;
    }
    Label body = graph.newLabel();
    Label backEdge = graph.newLabel();
    Label exit = graph.newLabel();
    bind(body, tree, "");
    loopBody(tree.getStatement(), label, exit, backEdge);
    bind(backEdge, tree, "back-edge: ");
    graph.add(new Op.JumpIf(negate(condition(tree.getCondition())), exit));
    backEdgeTo(body);
    bind(exit, tree, "after: ");
  }

  private void forLoop(ForLoopTree tree, Set<String> label) {
    scope.push();
    for (StatementTree init : tree.getInitializer()) {
      statement(init);
    }
    if (asJavaLoop(tree, label, tree.getCondition(), tree.getStatement(), tree.getUpdate(), false)) {
      scope.pop();
      return;
    }
    Label head = graph.newLabel();
    Label backEdge = graph.newLabel();
    Label exit = graph.newLabel();
    bind(head, tree, "");
    if (tree.getCondition() != null) {
      graph.add(new Op.JumpIf(negate(condition(tree.getCondition())), exit));
    }
    loopBody(tree.getStatement(), label, exit, backEdge);
    bind(backEdge, tree, "back-edge: ");
    for (ExpressionStatementTree update : tree.getUpdate()) {
      if (suspends(update)) {
        expressionStatement(update);
      } else {
        copy(update);
      }
    }
    backEdgeTo(head);
    bind(exit, tree, "after: ");
    scope.pop();
  }

  /**
   * A loop whose only switch point is its own back-edge check, copied as a Java loop into one
   * state: each turn runs on without going round {@code resume}'s dispatch, and the check at the
   * end of each turn suspends in that same state, which resumes at the condition, as the lowered
   * loop would. {@code break} and {@code continue} stay Java's ({@code continue} leaves the body's
   * labelled block, on to the update, the condition of a do-while, and the check); jumps further
   * out go through {@code resume}'s labelled loop. Returns false, having done nothing, when the
   * loop does not qualify.
   */
  private boolean asJavaLoop(
      StatementTree loop,
      Set<String> label,
      ExpressionTree condition,
      StatementTree body,
      List<? extends ExpressionStatementTree> update,
      boolean conditionLast) {
    if (suspends(condition)
        || suspends(body)
        || update.stream().anyMatch(this::suspends)
        || policy.checksInside(body, this::callsPlainMethod)
        || policy.checksBefore(body, 0, this::callsPlainMethod)
        || !Completion.canCompleteNormally(body)
        || (condition != null && Patterns.firstBinding(condition) != null)) {
      return false;
    }
    Label head = graph.newLabel();
    Label exit = graph.newLabel();
    bind(head, loop, "");
    JavaLoop java = new JavaLoop(namer.internal("loop"), namer.internal("iteration"));
    // The machine fields the loop names are read into Java locals for its length, which the JIT
    // can keep in registers, and written back however the loop is left (a finally).
    Map<String, String> cached = new java.util.LinkedHashMap<>();
    List<Tree> parts = new ArrayList<>(update);
    parts.add(body);
    if (condition != null) {
      parts.add(condition);
    }
    if (parts.stream().noneMatch(Lowerer::hasLambda)) {
      for (Tree part : parts) {
        for (String name : namesIn(part)) {
          String field = scope.field(name);
          if (field != null && !constants.contains(field) && !cached.containsKey(name)) {
            cached.put(name, field);
          }
        }
      }
    }
    Code load = new Code();
    Code store = new Code();
    scope.push();
    cached.forEach(
        (name, field) -> {
          String local = namer.internal(field);
          load.type(machineFieldType(field)).text(" " + local + " = " + field + ";\n");
          store.text(field + " = " + local + ";\n");
          scope.declare(name, local);
        });
    Code test = new Code().text("if (!(");
    test.append(condition == null ? new Code().text("true") : printer.expression(unparenthesized(condition)));
    test.text(")) {\n  break " + java.loop() + ";\n}\n");
    Code turn = new Code();
    if (!conditionLast) {
      turn.append(test);
    }
    targets.push(new JumpTarget(label, true, exit, graph.newLabel(), java));
    javaLoops++;
    Code copiedBody = copied(List.of(body), false, () -> printer.statement(body));
    turn.text(java.iteration() + ": {\n  ").append(copiedBody.indented("  ")).text("\n}\n");
    javaLoops--;
    targets.pop();
    if (conditionLast) {
      turn.append(test);
    }
    for (ExpressionStatementTree u : update) {
      turn.append(printer.statement(u)).text("\n");
    }
    if (policy.checksEntryAndLoops()) {
      // Resumes in this state, at the top. Naming it keeps the state from being merged into the
      // one before, whose code must not run again.
      turn.text("if (check()) {\n  " + names.state() + " = ").label(head).text(";\n  return SUSPEND;\n}\n");
    }
    scope.pop();
    Code code = new Code().text(java.loop() + ":\nwhile (true) {\n  ").append(turn.indented("  "));
    code.text("}");
    if (!cached.isEmpty()) {
      code =
          new Code()
              .append(load)
              .text("try {\n  ")
              .append(code.indented("  "))
              .text("\n} finally {\n  ")
              .append(store.indented("  "))
              .text("}");
    }
    graph.add(new Op.Statements(code, false));
    bind(exit, loop, "after: ");
    return true;
  }

  /** Whether {@code tree} holds a lambda or an anonymous class body, which capture snapshots. */
  private static boolean hasLambda(Tree tree) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  /** The simple names {@code tree} uses, in order. */
  private static Set<String> namesIn(Tree tree) {
    Set<String> names = new java.util.LinkedHashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        names.add(node.getName().toString());
        return null;
      }
    }.scan(tree, null);
    return names;
  }

  static ExpressionTree unparenthesized(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree;
  }

  /**
   * {@code for (T x : e)}: over an array by index when the source says {@code e} is an array,
   * otherwise through an iterator ({@code Machine.iterate} accepts iterables and arrays of every
   * element type, so a loop variable of reference type needs no knowledge of {@code e}'s type; a
   * primitive one gets each element unboxed, then widened, by {@code Machine.unboxLong} and kin).
   */
  private void forEachLoop(EnhancedForLoopTree tree, Set<String> label) {
    VariableTree variable = tree.getVariable();
    ExpressionTree source = tree.getExpression();
    if (!spiller.prepare(source)) {
      return;
    }
    if (variable.getType() == null) {
      reporter.error(variable, method.file().unit(), Messages.varLocal());
      return;
    }
    Optional<TypeName> arrayType = arrayType(source);
    boolean primitive = variable.getType() instanceof PrimitiveTypeTree;
    if (primitive && arrayType.isEmpty() && !knownIterable(source)) {
      reporter.error(source, method.file().unit(), Messages.forEachType());
      return;
    }
    scope.push();
    Label head = graph.newLabel();
    Label backEdge = graph.newLabel();
    Label exit = graph.newLabel();
    String line = ", line " + method.file().line(tree);
    Code element;
    Code advance;
    if (arrayType.isPresent()) {
      String array = namer.internal("array");
      String index = namer.internal("index");
      locals.add(
          new MachineModel.Field(array, arrayType.get(), "the array of the for-each" + line, null));
      locals.add(new MachineModel.Field(index, TypeName.INT, "its index", null));
      Code init = new Code().text(array + " = ").append(printer.expression(source)).text(";\n");
      graph.add(new Op.Statements(init.text(index + " = 0;"), false));
      bind(head, tree, "");
      graph.add(new Op.JumpIf(new Code().text(index + " >= " + array + ".length"), exit));
      element = new Code().text(array + "[" + index + "]");
      advance = new Code().text(index + "++;");
    } else {
      String iterator = namer.internal("iterator");
      // A primitive variable: the Iterable's element type is not written here, so the element is
      // unboxed and widened by a helper, as Java would (for (long x : List<Integer>)).
      TypeName type =
          ParameterizedTypeName.get(
              ClassNames.ITERATOR,
              primitive
                  ? WildcardTypeName.subtypeOf(Object.class)
                  : WildcardTypeName.subtypeOf(printer.typeName(variable.getType())));
      locals.add(
          new MachineModel.Field(iterator, type, "the iterator of the for-each" + line, null));
      Code init = new Code().text(iterator + " = iterate(").append(printer.expression(source)).text(");");
      graph.add(new Op.Statements(init, false));
      bind(head, tree, "");
      graph.add(new Op.JumpIf(new Code().text("!" + iterator + ".hasNext()"), exit));
      element =
          primitive
              ? new Code().text(unboxHelper((PrimitiveTypeTree) variable.getType()) + "(" + iterator + ".next())")
              : new Code().text(iterator + ".next()");
      advance = null;
    }
    String field = hoist(variable);
    graph.add(new Op.Statements(new Code().text(field + " = ").append(element).text(";"), false));
    loopBody(tree.getStatement(), label, exit, backEdge);
    bind(backEdge, tree, "back-edge: ");
    if (advance != null) {
      graph.add(new Op.Statements(advance, false));
    }
    backEdgeTo(head);
    bind(exit, tree, "after: ");
    scope.pop();
  }

  /** {@code Machine.unboxLong} and its kin: unboxing then widening to the loop variable's type. */
  private static String unboxHelper(PrimitiveTypeTree type) {
    String name = type.getPrimitiveTypeKind().name().toLowerCase(java.util.Locale.ROOT);
    return "unbox" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private void loopBody(StatementTree body, Set<String> label, Label exit, Label backEdge) {
    targets.push(new JumpTarget(label, true, exit, backEdge));
    statement(body);
    targets.pop();
  }

  /** The back-edge check (unless the policy is none), then round again. */
  private void backEdgeTo(Label head) {
    if (graph.reachable()) {
      if (policy.checksEntryAndLoops()) {
        graph.add(new Op.SuspendIf(CHECK, head));
      }
      graph.add(new Op.Jump(head));
    }
  }

  // ---------------------------------------------------------------- switch points

  /** The sink that receives a callee's result. */
  private record Sink(Code target, String operator, boolean isReturn) {
    static final Sink DISCARD = new Sink(null, null, false);
    static final Sink RETURN = new Sink(null, null, true);

    static Sink assign(Code target, String operator) {
      return new Sink(target, operator, false);
    }
  }

  private void switchPoint(SwitchPoint point, Tree statement, Sink sink) {
    if (!spiller.prepareOperands(point.call())) {
      return;
    }
    Label resume = graph.newLabel();
    if (point instanceof SwitchPoint.Yield) {
      graph.add(new Op.SuspendIf(YIELD_DUE, resume));
      bind(resume, statement, "after: ");
    } else if (point instanceof SwitchPoint.YieldNow) {
      graph.add(new Op.Suspend(resume));
      bind(resume, statement, "after: ");
    } else {
      SwitchPoint.FiberedCall call = (SwitchPoint.FiberedCall) point;
      callMachine(call, resume, statement);
      graph.add(resultInto(call.callee(), sink));
    }
  }

  /** {@code CalleeFibers.m$machine(receiver, args)} */
  private Code machineOf(SwitchPoint.FiberedCall call) {
    ExecutableElement callee = call.callee();
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    Code code = new Code().type(FibersNames.fibersClass(elements, owner));
    code.text("." + FibersNames.machineFactory(callee) + "(");
    boolean first = true;
    if (!callee.getModifiers().contains(Modifier.STATIC)) {
      if (call.receiver() != null) {
        code.append(printer.expression(call.receiver()));
      } else if (names.self() != null && method.resolver().hostIsA(owner)) {
        code.text(names.self());
      } else {
        reporter.error(
            call.call(),
            method.file().unit(),
            Messages.outerInstanceMember(
                callee.getSimpleName().toString(), method.host().getSimpleName().toString()));
      }
      first = false;
    }
    for (ExpressionTree arg : call.call().getArguments()) {
      code.text(first ? "" : ", ").append(printer.expression(arg));
      first = false;
    }
    return code.text(")");
  }

  /** Reads the callee's outcome in the state after the call; rethrows its exception. */
  private Op resultInto(ExecutableElement callee, Sink sink) {
    TypeName calleeType = TypeName.get(callee.getReturnType());
    // A type variable of the callee (Fiber<T>.result()) cannot be named here: the target's type
    // decides, as it does for the source call.
    boolean inferred = mentionsTypeVariable(callee.getReturnType());
    Code read =
        calleeType.equals(TypeName.VOID) || inferred
            ? new Code().text("result()")
            : new Code().text("this.<").type(calleeType.box()).text(">result()");
    if (sink.isReturn()) {
      if (returnType.equals(TypeName.VOID)) {
        return new Op.Statements(read.text(";\n").append(returnWith(null)), true);
      }
      return new Op.Statements(returnWith(read), true);
    }
    if (sink.target() == null) {
      return new Op.Statements(read.text(";"), false);
    }
    Code code = new Code().append(sink.target()).text(" " + sink.operator() + " ").append(read);
    return new Op.Statements(code.text(";"), false);
  }

  private static boolean mentionsTypeVariable(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR:
        return true;
      case ARRAY:
        return mentionsTypeVariable(((ArrayType) type).getComponentType());
      case DECLARED:
        return ((DeclaredType) type).getTypeArguments().stream().anyMatch(Lowerer::mentionsTypeVariable);
      case WILDCARD:
        WildcardType w = (WildcardType) type;
        return (w.getExtendsBound() != null && mentionsTypeVariable(w.getExtendsBound()))
            || (w.getSuperBound() != null && mentionsTypeVariable(w.getSuperBound()));
      default:
        return false;
    }
  }

  /** The switch point that {@code expr} is as a whole (parentheses aside), if any. */
  private Optional<SwitchPoint> wholeSwitchPoint(ExpressionTree expr) {
    expr = unparenthesized(expr);
    if (expr instanceof MethodInvocationTree) {
      return finder.classify((MethodInvocationTree) expr);
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- jumps

  /** What encloses the statement being lowered, for the jumps out of it: innermost first. */
  private sealed interface Enclosing permits JumpTarget, FinallyTarget, YieldTarget {}

  /** A lowered switch expression: {@code yield} keeps its value in {@code value}, then goes to {@code done}. */
  private record YieldTarget(String value, Label done) implements Enclosing {}

  /**
   * A loop, a switch or a labelled statement. An unlabelled {@code break} leaves the innermost loop
   * or switch; {@code continue} goes to the back-edge of a loop (null for the others).
   */
  private record JumpTarget(
      Set<String> labels, boolean takesUnlabelledBreak, Label exit, Label backEdge, JavaLoop java)
      implements Enclosing {
    JumpTarget(Set<String> labels, boolean takesUnlabelledBreak, Label exit, Label backEdge) {
      this(labels, takesUnlabelledBreak, exit, backEdge, null);
    }
  }

  /**
   * A loop copied as a Java loop: {@code break} leaves {@code loop}, {@code continue} leaves the
   * body's block {@code iteration} (on to the update, condition and check), as Java would.
   */
  private record JavaLoop(String loop, String iteration) {}

  /**
   * A lowered finally block (or a resource's close): a jump that leaves its try goes there first,
   * having set {@code next} to where it goes on and {@code thrown} to null; an exception goes there
   * with {@code thrown} set, and is rethrown at the end of the block.
   */
  private record FinallyTarget(Label entry, String next, String thrown) implements Enclosing {}

  @Override
  public Code breakTo(String label) {
    return jumpOut(
        t -> label == null ? t.takesUnlabelledBreak() : t.labels().contains(label),
        JumpTarget::exit,
        "break " + label);
  }

  @Override
  public Code continueTo(String label) {
    return jumpOut(
        t -> t.backEdge() != null && (label == null || t.labels().contains(label)),
        JumpTarget::backEdge,
        "continue " + label);
  }

  /** Goes to the innermost target that {@code matches}, through the finally blocks in between. */
  private Code jumpOut(
      java.util.function.Predicate<JumpTarget> matches,
      java.util.function.Function<JumpTarget, Label> where,
      String jump) {
    List<FinallyTarget> crossed = new ArrayList<>();
    for (Enclosing e : targets) {
      if (e instanceof FinallyTarget f) {
        crossed.add(f);
      } else if (e instanceof JumpTarget t && matches.test(t)) {
        if (t.java() != null) { // no lowered finally can stand inside a Java loop
          boolean isBreak = where.apply(t) == t.exit();
          return new Code().text("break " + (isBreak ? t.java().loop() : t.java().iteration()) + ";");
        }
        return leave(crossed, where.apply(t));
      }
    }
    throw new IllegalStateException("no target for " + jump);
  }

  @Override
  public Code yieldWith(Code value, ExpressionTree source) {
    List<FinallyTarget> crossed = new ArrayList<>();
    for (Enclosing e : targets) {
      if (e instanceof FinallyTarget f) {
        crossed.add(f);
      } else if (e instanceof YieldTarget t) {
        return new Code().text("{ ").append(store(t.value(), value, source)).text(" ").append(leave(crossed, t.done())).text(" }");
      }
    }
    throw new IllegalStateException("no switch expression for yield");
  }

  @Override
  public Code returnWith(Code value) {
    List<FinallyTarget> crossed = new ArrayList<>();
    targets.forEach(e -> {
      if (e instanceof FinallyTarget f) {
        crossed.add(f);
      }
    });
    if (crossed.isEmpty()) {
      if (value == null) {
        return new Code().text("return null;");
      }
      // Through a local of the method's type: the value converts to it, then boxes.
      return new Code()
          .text("{ ")
          .type(returnType)
          .text(" " + names.result() + " = ")
          .append(value)
          .text("; return " + names.result() + "; }");
    }
    if (returnPoint == null) {
      returnPoint = graph.newLabel();
      if (!returnType.equals(TypeName.VOID)) {
        returnedValue = namer.internal("returned");
        locals.add(new MachineModel.Field(returnedValue, returnType, "the value being returned through finally blocks", null));
      }
    }
    Code code = new Code().text("{ ");
    if (value != null) {
      code.text(returnedValue + " = ").append(value).text("; ");
    }
    return code.append(leave(crossed, returnPoint)).text(" }");
  }

  /**
   * Goes to {@code target} through the finally blocks {@code crossed} (innermost first): each one
   * goes on to the next, the outermost to the target.
   */
  private Code leave(List<FinallyTarget> crossed, Label target) {
    Code code = new Code().text("{ ");
    Label next = target;
    for (int i = crossed.size() - 1; i >= 0; i--) {
      FinallyTarget f = crossed.get(i);
      code.text(f.next() + " = ").label(next).text("; " + f.thrown() + " = null; ");
      next = f.entry();
    }
    if (deferredJump != null) {
      deferredJump.uses++;
      return code.text(deferredJump.variable() + " = ").label(next).text("; break " + deferredJump.escape() + "; }");
    }
    return code.text(names.state() + " = ").label(next).text("; " + nextState() + "; }");
  }

  /** The statement that goes on to the state just set: out of any Java loop, to resume's loop. */
  private String nextState() {
    if (javaLoops == 0) {
      return "continue";
    }
    labelledDispatch = true;
    return "continue " + names.dispatch();
  }

  // ---------------------------------------------------------------- for lambdas

  @Override
  public boolean isSwitchPoint(MethodInvocationTree call) {
    return finder.classify(call).isPresent();
  }

  @Override
  public boolean isMachineField(String name) {
    return parameterFields.contains(name) || locals.stream().anyMatch(f -> f.name().equals(name));
  }

  @Override
  public TypeName machineFieldType(String field) {
    for (MachineModel.Field f : locals) {
      if (f.name().equals(field)) {
        return f.type();
      }
    }
    List<? extends VariableElement> parameters = method.element().getParameters();
    return TypeName.get(parameters.get(parameterFields.indexOf(field)).asType());
  }

  @Override
  public String freshName(String preferred) {
    return namer.internal(preferred);
  }

  // ---------------------------------------------------------------- for the spiller

  Optional<SwitchPoint> classify(MethodInvocationTree call) {
    return finder.classify(call);
  }

  /** The type a callee's result is kept in, or empty if it mentions a type variable. */
  Optional<TypeName> resultType(ExecutableElement callee) {
    TypeMirror type = callee.getReturnType();
    if (type.getKind() == TypeKind.VOID || mentionsTypeVariable(type)) {
      return Optional.empty();
    }
    return Optional.of(TypeName.get(type));
  }

  /** Calls {@code call}'s machine; the state after it reads the result with {@link #readResult}. */
  void callFromExpression(SwitchPoint.FiberedCall call, Tree where) {
    callMachine(call, graph.newLabel(), where);
  }

  /** Pushes {@code call}'s machine; the fiber comes back in a new state at {@code resume}. */
  private void callMachine(SwitchPoint.FiberedCall call, Label resume, Tree where) {
    graph.add(new Op.Call(machineOf(call), resume));
    bind(resume, where, "after: ");
  }

  Code readResult(ExecutableElement callee) {
    return new Code().text("this.<").type(TypeName.get(callee.getReturnType()).box()).text(">result()");
  }

  /** A new field for a value computed in one state and used in a later one. */
  String temp(TypeName type, String comment) {
    String field = namer.internal("value");
    locals.add(new MachineModel.Field(field, type, comment, null));
    return field;
  }

  Optional<TypeName> declaredTypeOfLocal(String name, Tree usage) {
    return finder.declaredTypeOfLocal(name, usage).map(printer::typeName);
  }

  void reportAt(Tree tree, String message) {
    reporter.error(tree, method.file().unit(), message);
  }

  // ---------------------------------------------------------------- helpers

  /** Whether a tree contains a switch point or a loop (whose back-edge check is one). */
  boolean suspends(Tree tree) {
    if (tree == null) {
      return false;
    }
    Boolean known = suspends.get(tree);
    if (known == null) {
      known = firstSwitchPoint(tree) != null;
      suspends.put(tree, known);
    }
    return known;
  }

  /** The first loop or switch point in {@code tree}, in source order. */
  private Tree firstSwitchPoint(Tree tree) {
    Tree[] first = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        if (first[0] != null || node == null) {
          return null;
        }
        switch (node.getKind()) {
          case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP -> {
            first[0] = node;
            return null;
          }
          case LAMBDA_EXPRESSION, CLASS, INTERFACE, ENUM, RECORD -> {
            return null; // runs as plain Java when called; switch points inside are refused
          }
          case METHOD_INVOCATION -> {
            super.scan(node, unused); // arguments are evaluated first
            if (first[0] == null && finder.classify((MethodInvocationTree) node).isPresent()) {
              first[0] = node;
            }
            return null;
          }
          default -> {
            return super.scan(node, unused);
          }
        }
      }
    }.scan(tree, null);
    return first[0];
  }

  /**
   * Whether a try statement's resources include {@code Fiber.noSwitch()}, declared there or in a
   * local the resource names ({@code try (guard)}).
   */
  private boolean isNoSwitchGuard(TryTree tree) {
    for (Tree resource : tree.getResources()) {
      ExpressionTree guard =
          resource instanceof VariableTree
              ? ((VariableTree) resource).getInitializer()
              : initializerOfLocal((ExpressionTree) resource);
      if (guard != null && finder.isNoSwitchGuard(guard)) {
        return true;
      }
    }
    return false;
  }

  /** The initializer of the method's local that {@code name} is, or null. */
  private ExpressionTree initializerOfLocal(ExpressionTree name) {
    if (!(name instanceof IdentifierTree)) {
      return null;
    }
    ExpressionTree[] found = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (node.getName().contentEquals(((IdentifierTree) name).getName())) {
          found[0] = node.getInitializer();
        }
        return super.visitVariable(node, unused);
      }
    }.scan(method.tree().getBody(), null);
    return found[0];
  }

  private void reportFirstSwitchPoint(Tree tree, String message) {
    Tree culprit = firstSwitchPoint(tree);
    reporter.error(culprit != null ? culprit : tree, method.file().unit(), message);
  }

  private Code condition(ExpressionTree condition) {
    Tree binding = Patterns.firstBinding(condition);
    if (binding != null) {
      reporter.error(binding, method.file().unit(), Messages.patternBinding());
    } else {
      spiller.prepare(condition);
    }
    return printer.expression(unparenthesized(condition));
  }

  private static Code negate(Code condition) {
    return new Code().text("!(").append(condition).text(")");
  }

  /**
   * A variable whose evaluation has no effect, so evaluating it after the call (as the lowering
   * does) is the same as before it (as Java does): a name, {@code this.f} or {@code Type.f}.
   */
  private boolean isPlainVariable(ExpressionTree tree) {
    if (tree instanceof IdentifierTree) {
      return true;
    }
    if (tree instanceof MemberSelectTree) {
      ExpressionTree qualifier = ((MemberSelectTree) tree).getExpression();
      if (qualifier instanceof IdentifierTree
          && ((IdentifierTree) qualifier).getName().contentEquals("this")) {
        return true;
      }
      return scope.field(qualifier.toString()) == null
          && method.resolver().members(qualifier.toString(), Resolver::isField).isEmpty()
          && method.resolver().type(qualifier.toString()).isPresent();
    }
    return false;
  }

  /** Whether {@code tree} names a local (or parameter) of the method. */
  boolean isLocal(ExpressionTree tree) {
    return tree instanceof IdentifierTree
        && scope.field(((IdentifierTree) tree).getName().toString()) != null;
  }

  /** The declared array type of a for-each source, where the source spells it out. */
  private Optional<TypeName> arrayType(ExpressionTree source) {
    if (source instanceof NewArrayTree && ((NewArrayTree) source).getType() != null) {
      NewArrayTree array = (NewArrayTree) source;
      TypeName type = printer.typeName(array.getType());
      for (int i = Math.max(1, array.getDimensions().size()); i > 0; i--) {
        type = ArrayTypeName.of(type);
      }
      return Optional.of(type);
    }
    if (isThisField(source)) {
      return fieldType(((MemberSelectTree) source).getIdentifier().toString())
          .filter(t -> t.getKind() == TypeKind.ARRAY)
          .map(TypeName::get);
    }
    if (!(source instanceof IdentifierTree)) {
      return Optional.empty();
    }
    String name = ((IdentifierTree) source).getName().toString();
    if (scope.field(name) != null) {
      Optional<Tree> type = finder.declaredTypeOfLocal(name, source);
      return type.filter(t -> t.getKind() == Tree.Kind.ARRAY_TYPE).map(printer::typeName);
    }
    return fieldType(name).filter(t -> t.getKind() == TypeKind.ARRAY).map(TypeName::get);
  }

  /** The type of the field {@code name} the body can see, if there is one. */
  Optional<TypeMirror> fieldType(String name) {
    return method.resolver()
        .members(name, Resolver::isField)
        .map(m -> ((VariableElement) m.elements().get(0)).asType());
  }

  private static boolean isThisField(ExpressionTree tree) {
    return tree instanceof MemberSelectTree
        && ((MemberSelectTree) tree).getExpression() instanceof IdentifierTree
        && ((IdentifierTree) ((MemberSelectTree) tree).getExpression()).getName().contentEquals("this");
  }

  private boolean knownIterable(ExpressionTree source) {
    if (isThisField(source)) {
      return fieldType(((MemberSelectTree) source).getIdentifier().toString()).isPresent();
    }
    if (!(source instanceof IdentifierTree)) {
      return false;
    }
    String name = ((IdentifierTree) source).getName().toString();
    if (scope.field(name) != null) {
      return finder.declaredTypeOfLocal(name, source).isPresent();
    }
    return fieldType(name).isPresent();
  }

  /** Starts the state at {@code label}, commented with the source line of {@code tree}. */
  void bind(Label label, Tree tree, String prefix) {
    long line = method.file().line(tree);
    String comment = method.file().fileName() + ":" + line + ": " + prefix + method.file().lineText(line);
    graph.bind(label, comment, (int) line);
  }
}
