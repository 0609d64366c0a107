package dev.fibered.processor.lower;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.YieldTree;
import dev.fibered.processor.model.FiberedMethod;
import dev.fibered.processor.model.Resolver;
import dev.fibered.processor.model.SwitchPoint;
import dev.fibered.processor.validate.Messages;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the switch points out of an expression, keeping Java's left-to-right evaluation order.
 *
 * <p>{@link #prepare} adds, to the state being built, the code that evaluates every switch point
 * inside an expression, each in a state of its own, and keeps each result in a field of the
 * machine. An operand that Java evaluates before a later switch point is evaluated (and kept in a
 * field) before it, unless its value cannot change meanwhile: a literal, a local or parameter,
 * {@code this}, a constant. {@code &&} and {@code ||} keep their short-circuit: the right operand's
 * switch points run only when Java would evaluate it. Afterwards the printer prints the expression
 * with those fields in place of the subexpressions they hold.
 *
 * <p>Where an operand must be kept but its type cannot be told from the source (it is neither a
 * switch point, a field nor a local), {@code [Fibered/SwitchPointInExpression]} asks for a local.
 */
final class Spiller {
  private final Lowerer lowerer;
  private final JavaPrinter printer;
  private final StateGraph graph;
  private final LocalScope scope;
  private final FiberedMethod method;

  /** The types of the values kept in fields, by the subexpression each one stands for. */
  private final Map<Tree, TypeName> keptTypes = new IdentityHashMap<>();

  Spiller(Lowerer lowerer, JavaPrinter printer, StateGraph graph, LocalScope scope, FiberedMethod method) {
    this.lowerer = lowerer;
    this.printer = printer;
    this.graph = graph;
    this.scope = scope;
    this.method = method;
  }

  /**
   * Evaluates the switch points in {@code expr} and what Java evaluates before them; returns false
   * after reporting an expression it cannot take apart.
   */
  boolean prepare(ExpressionTree expr) {
    if (!lowerer.suspends(expr) || printer.wasEvaluatedEarlier(expr)) {
      return true;
    }
    switch (expr.getKind()) {
      case PARENTHESIZED:
        return prepare(((ParenthesizedTree) expr).getExpression());
      case TYPE_CAST:
        return prepare(((TypeCastTree) expr).getExpression());
      case MEMBER_SELECT:
        return prepare(((MemberSelectTree) expr).getExpression());
      case INSTANCE_OF:
        return prepare(((InstanceOfTree) expr).getExpression());
      case UNARY_MINUS:
      case UNARY_PLUS:
      case LOGICAL_COMPLEMENT:
      case BITWISE_COMPLEMENT:
        return prepare(((UnaryTree) expr).getExpression());
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        return shortCircuit((BinaryTree) expr);
      case CONDITIONAL_EXPRESSION:
        return conditional((ConditionalExpressionTree) expr);
      case SWITCH_EXPRESSION:
        return switchExpression((SwitchExpressionTree) expr);
      case ARRAY_ACCESS:
        ArrayAccessTree access = (ArrayAccessTree) expr;
        return inOrder(List.of(access.getExpression(), access.getIndex()));
      case NEW_CLASS:
        NewClassTree creation = (NewClassTree) expr;
        return creation.getClassBody() == null ? inOrder(creation.getArguments()) : fail(expr);
      case NEW_ARRAY:
        NewArrayTree array = (NewArrayTree) expr;
        List<ExpressionTree> parts = new ArrayList<>(array.getDimensions());
        if (array.getInitializers() != null) {
          parts.addAll(array.getInitializers());
        }
        return inOrder(parts);
      case ASSIGNMENT:
        return assignment((AssignmentTree) expr);
      case METHOD_INVOCATION:
        return invocation((MethodInvocationTree) expr);
      default:
        if (expr instanceof CompoundAssignmentTree) {
          return nestedCompoundAssignment((CompoundAssignmentTree) expr);
        }
        if (isIncrement(expr)) {
          // a[i()]++: the array and index are kept in order; the read and the store follow at once.
          return prepare(((UnaryTree) expr).getExpression());
        }
        if (expr instanceof BinaryTree) {
          BinaryTree binary = (BinaryTree) expr;
          return inOrder(List.of(binary.getLeftOperand(), binary.getRightOperand()));
        }
        return fail(expr);
    }
  }

  /** Evaluates the switch points in a call's receiver and arguments, in order. */
  boolean prepareOperands(MethodInvocationTree call) {
    List<ExpressionTree> operands = new ArrayList<>();
    ExpressionTree receiver = receiver(call, lowerer.classify(call));
    if (receiver != null) {
      operands.add(receiver);
    }
    operands.addAll(call.getArguments());
    return inOrder(operands);
  }

  /**
   * {@code v op= e} where {@code e} holds a switch point and {@code v} is a field or an array
   * element: Java evaluates {@code v}'s parts, reads {@code v}, then evaluates {@code e}, then
   * stores. Returns the statement {@code v = (T) (old op e)}, with the parts and the old value
   * kept in fields, or null after reporting a variable whose type the source does not tell.
   */
  Code compoundAssignment(CompoundAssignmentTree compound) {
    CompoundParts parts = compoundParts(compound);
    return parts == null ? null : parts.target().text(" = ").append(parts.newValue()).text(";");
  }

  /**
   * A compound assignment inside a larger expression. The variable is read first: a local keeps
   * its value across the switch points on the right; a field or array element is read into a
   * field before them, and the new value is kept too, as the expression's value. With no switch
   * point on the right, only the variable's parts need to run first.
   */
  private boolean nestedCompoundAssignment(CompoundAssignmentTree compound) {
    if (!lowerer.suspends(compound.getExpression())) {
      return prepare(compound.getVariable());
    }
    if (lowerer.isLocal(compound.getVariable())) {
      return prepare(compound.getExpression());
    }
    CompoundParts parts = compoundParts(compound);
    if (parts == null) {
      return false;
    }
    String value = lowerer.temp(parts.type(), "the value of a compound assignment, line " + method.file().line(compound));
    graph.add(assign(value, parts.newValue(), compound));
    graph.add(new Op.Statements(parts.target().text(" = " + value + ";"), false));
    printer.evaluatedEarlier(compound, new Code().text(value));
    keptTypes.put(compound, parts.type());
    return true;
  }

  private static boolean isIncrement(ExpressionTree expr) {
    switch (expr.getKind()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT:
        return true;
      default:
        return false;
    }
  }

  /**
   * The variable of {@code v op= e} as printed once its parts are kept, and its new value {@code
   * (T) (old op (e))} once its old value is kept and {@code e}'s switch points have run.
   */
  private record CompoundParts(Code target, Code newValue, TypeName type) {}

  private CompoundParts compoundParts(CompoundAssignmentTree compound) {
    ExpressionTree variable = Lowerer.unparenthesized(compound.getVariable());
    Optional<TypeName> type = typeOf(variable);
    if (type.isEmpty()) {
      lowerer.reportAt(variable, Messages.operandBeforeSwitchPoint(variable.toString()));
      return null;
    }
    List<ExpressionTree> parts = new ArrayList<>();
    if (variable instanceof ArrayAccessTree) {
      parts.add(((ArrayAccessTree) variable).getExpression());
      parts.add(((ArrayAccessTree) variable).getIndex());
    } else if (variable instanceof MemberSelectTree
        && !isTypeName(((MemberSelectTree) variable).getExpression())) {
      parts.add(((MemberSelectTree) variable).getExpression());
    }
    for (ExpressionTree part : parts) {
      if (!prepare(part)) {
        return null;
      }
      if (!isStable(part)) {
        Optional<TypeName> partType = typeOf(part);
        if (partType.isEmpty()) {
          lowerer.reportAt(part, Messages.operandBeforeSwitchPoint(part.toString()));
          return null;
        }
        keep(part, partType.get(), printer.expression(part));
      }
    }
    Code target = printer.expression(variable);
    String old = lowerer.temp(type.get(), "the old value of a compound assignment, line " + method.file().line(compound));
    graph.add(assign(old, target, compound.getVariable()));
    if (!prepare(compound.getExpression())) {
      return null;
    }
    String operator = Operators.of(compound.getKind());
    Code newValue =
        new Code()
            .text("(")
            .type(type.get())
            .text(") (" + old + " " + operator.substring(0, operator.length() - 1) + " (")
            .append(printer.expression(compound.getExpression()))
            .text("))");
    return new CompoundParts(target, newValue, type.get());
  }

  /** A call: its receiver and arguments in order, then, for a {@code @Fibered} callee, the call. */
  private boolean invocation(MethodInvocationTree call) {
    Optional<SwitchPoint> point = lowerer.classify(call);
    if (!prepareOperands(call)) {
      return false;
    }
    if (point.isEmpty()) {
      return true;
    }
    if (!(point.get() instanceof SwitchPoint.FiberedCall)) {
      return fail(call); // Fiber.yield() has no value: it stands only as a statement
    }
    SwitchPoint.FiberedCall fibered = (SwitchPoint.FiberedCall) point.get();
    Optional<TypeName> type = lowerer.resultType(fibered.callee());
    if (type.isEmpty()) {
      return fail(call);
    }
    lowerer.callFromExpression(fibered, call);
    keep(call, type.get(), lowerer.readResult(fibered.callee()));
    return true;
  }

  /** The receiver expression a call evaluates first, or null for none (a type, or implicit). */
  private ExpressionTree receiver(MethodInvocationTree call, Optional<SwitchPoint> point) {
    if (point.isPresent() && point.get() instanceof SwitchPoint.FiberedCall) {
      return ((SwitchPoint.FiberedCall) point.get()).receiver();
    }
    if (!(call.getMethodSelect() instanceof MemberSelectTree)) {
      return null;
    }
    ExpressionTree qualifier = ((MemberSelectTree) call.getMethodSelect()).getExpression();
    return isTypeName(qualifier) ? null : qualifier;
  }

  private boolean isTypeName(ExpressionTree tree) {
    String written = tree.toString();
    if (tree instanceof IdentifierTree && (scope.field(written) != null || isField(written))) {
      return false;
    }
    return (tree instanceof IdentifierTree || tree instanceof MemberSelectTree)
        && !lowerer.suspends(tree)
        && method.resolver().type(written).isPresent();
  }

  /** {@code v = e}, {@code a[i] = e}, {@code x.f = e}: the variable's parts first, then the value. */
  private boolean assignment(AssignmentTree assign) {
    ExpressionTree variable = assign.getVariable();
    List<ExpressionTree> operands = new ArrayList<>();
    if (variable instanceof ArrayAccessTree) {
      operands.add(((ArrayAccessTree) variable).getExpression());
      operands.add(((ArrayAccessTree) variable).getIndex());
    } else if (variable instanceof MemberSelectTree) {
      ExpressionTree qualifier = ((MemberSelectTree) variable).getExpression();
      if (!isTypeName(qualifier)) {
        operands.add(qualifier);
      }
    } else if (!(variable instanceof IdentifierTree)) {
      return fail(assign);
    }
    operands.add(assign.getExpression());
    return inOrder(operands);
  }

  /** {@code a && b}, {@code a || b}: b's switch points run only when Java evaluates b. */
  private boolean shortCircuit(BinaryTree tree) {
    boolean and = tree.getKind() == Tree.Kind.CONDITIONAL_AND;
    if (!prepare(tree.getLeftOperand())) {
      return false;
    }
    String value = lowerer.temp(TypeName.BOOLEAN, "the value of " + (and ? "&&" : "||"));
    graph.add(assign(value, printer.expression(tree.getLeftOperand()), tree.getLeftOperand()));
    Label done = graph.newLabel();
    graph.add(new Op.JumpIf(new Code().text(and ? "!" + value : value), done));
    if (!prepare(tree.getRightOperand())) {
      return false;
    }
    graph.add(assign(value, printer.expression(tree.getRightOperand()), tree.getRightOperand()));
    lowerer.bind(done, tree, "after: ");
    printer.evaluatedEarlier(tree, new Code().text(value));
    keptTypes.put(tree, TypeName.BOOLEAN);
    return true;
  }

  /** {@code c ? a : b}: only the chosen branch's switch points run; its type must be known. */
  private boolean conditional(ConditionalExpressionTree tree) {
    Optional<TypeName> type = typeOf(tree.getTrueExpression());
    if (type.isEmpty() || !type.equals(typeOf(tree.getFalseExpression()))) {
      return fail(tree);
    }
    if (!prepare(tree.getCondition())) {
      return false;
    }
    String value = lowerer.temp(type.get(), "the value of ?:");
    Label otherwise = graph.newLabel();
    Label done = graph.newLabel();
    graph.add(
        new Op.JumpIf(new Code().text("!(").append(printer.expression(tree.getCondition())).text(")"), otherwise));
    if (!prepare(tree.getTrueExpression())) {
      return false;
    }
    graph.add(assign(value, printer.expression(tree.getTrueExpression()), tree.getTrueExpression()));
    graph.add(new Op.Jump(done));
    lowerer.bind(otherwise, tree, "else: ");
    if (!prepare(tree.getFalseExpression())) {
      return false;
    }
    graph.add(assign(value, printer.expression(tree.getFalseExpression()), tree.getFalseExpression()));
    lowerer.bind(done, tree, "after: ");
    printer.evaluatedEarlier(tree, new Code().text(value));
    keptTypes.put(tree, type.get());
    return true;
  }

  /**
   * A switch expression: its selector's switch points run, then the chosen case's, as statements
   * whose {@code yield} keeps the value in a field. The type of every value must be known: one
   * type, or numeric types, which promote as Java's switch expression does.
   */
  private boolean switchExpression(SwitchExpressionTree tree) {
    ValueTypes values = valueTypes(tree);
    if (values.type() == null) {
      lowerer.reportAt(values.untyped(), Messages.switchExpressionValueType(values.untyped().toString()));
      return false;
    }
    Optional<TypeName> type = Optional.of(values.type());
    if (!prepare(tree.getExpression())) {
      return false;
    }
    String value = lowerer.temp(type.get(), "the value of a switch expression, line " + method.file().line(tree));
    lowerer.switchExpression(tree, value);
    printer.evaluatedEarlier(tree, new Code().text(value));
    keptTypes.put(tree, type.get());
    return true;
  }

  /** The type of a switch expression: of all its values, or their numeric promotion. */
  private Optional<TypeName> switchType(SwitchExpressionTree tree) {
    return Optional.ofNullable(valueTypes(tree).type());
  }

  /**
   * A switch expression's type, or (type null) the first value whose type is unknown or fits none
   * of the earlier ones' (the switch itself when no case yields a value).
   */
  private record ValueTypes(TypeName type, ExpressionTree untyped) {}

  private ValueTypes valueTypes(SwitchExpressionTree tree) {
    Optional<TypeName> type = Optional.empty();
    for (ExpressionTree value : yieldedValues(tree)) {
      Optional<TypeName> t = typeOf(value);
      type = t.isEmpty() || type.isEmpty() || type.equals(t) ? t : promoted(type.get(), t.get());
      if (type.isEmpty()) {
        return new ValueTypes(null, value);
      }
    }
    return new ValueTypes(type.orElse(null), type.isPresent() ? null : tree);
  }

  /** The values a switch expression can take: its rules' expressions and its own yields. */
  private static List<ExpressionTree> yieldedValues(SwitchExpressionTree tree) {
    List<ExpressionTree> values = new ArrayList<>();
    OwnCodeScanner<Void, Void> yields =
        new OwnCodeScanner<>() {
          @Override
          public Void visitYield(YieldTree node, Void unused) {
            values.add(node.getValue());
            return null;
          }

          @Override
          public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
            return null; // a nested switch expression's yields are its own
          }

        };
    for (CaseTree c : tree.getCases()) {
      if (c.getCaseKind() == CaseTree.CaseKind.RULE && c.getBody() instanceof ExpressionTree) {
        values.add((ExpressionTree) c.getBody());
      } else if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        yields.scan(c.getBody(), null);
      } else {
        yields.scan(c.getStatements(), null);
      }
    }
    return values;
  }

  /**
   * Operands Java evaluates left to right: each one's switch points run in turn, and an operand
   * that a later switch point could change is kept first.
   */
  private boolean inOrder(List<? extends ExpressionTree> operands) {
    for (int i = 0; i < operands.size(); i++) {
      ExpressionTree operand = operands.get(i);
      boolean switchLater = false;
      for (int j = i + 1; j < operands.size(); j++) {
        switchLater |= lowerer.suspends(operands.get(j));
      }
      if (!prepare(operand)) {
        return false;
      }
      if (switchLater && !isStable(operand)) {
        Optional<TypeName> type = typeOf(operand);
        if (type.isEmpty()) {
          lowerer.reportAt(operand, Messages.operandBeforeSwitchPoint(operand.toString()));
          return false;
        }
        keep(operand, type.get(), printer.expression(operand));
      }
    }
    return true;
  }

  /** Evaluates {@code value} into a new field now; {@code tree} prints as that field from now on. */
  private void keep(Tree tree, TypeName type, Code value) {
    String field = lowerer.temp(type, "a value computed before a switch point, line " + method.file().line(tree));
    graph.add(assign(field, value, tree));
    printer.evaluatedEarlier(tree, new Code().text(field));
    keptTypes.put(tree, type);
  }

  /** {@code field = value;} for the value of {@code source}; see {@link Lowerer#store}. */
  private Op assign(String field, Code value, Tree source) {
    return new Op.Statements(lowerer.store(field, value, source), false);
  }

  /** Whether evaluating {@code tree} later gives the same value, with no effect: no need to keep it. */
  private boolean isStable(ExpressionTree tree) {
    if (printer.wasEvaluatedEarlier(tree)
        || tree instanceof LiteralTree
        || tree.getKind() == Tree.Kind.LAMBDA_EXPRESSION) {
      return true; // a lambda's captured locals keep their values until it is created
    }
    if (tree instanceof MemberReferenceTree) {
      ExpressionTree qualifier = ((MemberReferenceTree) tree).getQualifierExpression();
      return isTypeName(qualifier) || isStable(qualifier);
    }
    if (tree instanceof ParenthesizedTree) {
      return isStable(((ParenthesizedTree) tree).getExpression());
    }
    if (tree instanceof IdentifierTree) {
      String name = ((IdentifierTree) tree).getName().toString();
      return name.equals("this") || scope.field(name) != null || lowerer.isConstantField(name);
    }
    return false;
  }

  private boolean isField(String name) {
    return method.resolver().members(name, Resolver::isField).isPresent();
  }

  /**
   * The static type of an operand where the source tells it: a kept value, a field, a local, a
   * literal, a {@code @Fibered} call, a cast, an element of a local array, and the operators over
   * those (string concatenation, numeric promotion, comparisons).
   */
  private Optional<TypeName> typeOf(ExpressionTree tree) {
    TypeName kept = keptTypes.get(tree);
    if (kept != null) {
      return Optional.of(kept);
    }
    if (tree instanceof BinaryTree) {
      return binaryType((BinaryTree) tree);
    }
    if (tree instanceof UnaryTree) {
      Optional<TypeName> operand = typeOf(((UnaryTree) tree).getExpression());
      return tree.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
          ? Optional.of(TypeName.BOOLEAN)
          : operand.flatMap(t -> promoted(t, TypeName.INT));
    }
    if (tree instanceof TypeCastTree) {
      return Optional.of(printer.typeName(((TypeCastTree) tree).getType()));
    }
    if (tree instanceof ArrayAccessTree) {
      return typeOf(((ArrayAccessTree) tree).getExpression())
          .filter(t -> t instanceof ArrayTypeName)
          .map(t -> ((ArrayTypeName) t).componentType());
    }
    if (tree instanceof ParenthesizedTree) {
      return typeOf(((ParenthesizedTree) tree).getExpression());
    }
    if (tree instanceof SwitchExpressionTree) {
      return switchType((SwitchExpressionTree) tree);
    }
    if (tree instanceof LiteralTree) {
      Object value = ((LiteralTree) tree).getValue();
      if (value == null) {
        return Optional.empty();
      }
      TypeName type = TypeName.get(value.getClass());
      return Optional.of(type.isBoxedPrimitive() ? type.unbox() : type);
    }
    if (tree instanceof MethodInvocationTree) {
      return lowerer.classify((MethodInvocationTree) tree)
          .filter(p -> p instanceof SwitchPoint.FiberedCall)
          .flatMap(p -> lowerer.resultType(((SwitchPoint.FiberedCall) p).callee()));
    }
    if (tree instanceof IdentifierTree) {
      String name = ((IdentifierTree) tree).getName().toString();
      Optional<TypeName> local = lowerer.declaredTypeOfLocal(name, tree);
      if (local.isPresent() || scope.field(name) != null) {
        return local;
      }
      return lowerer.fieldType(name).map(TypeName::get);
    }
    if (tree instanceof MemberSelectTree) {
      MemberSelectTree select = (MemberSelectTree) tree;
      ExpressionTree qualifier = select.getExpression();
      String field = select.getIdentifier().toString();
      if (qualifier instanceof IdentifierTree && ((IdentifierTree) qualifier).getName().contentEquals("this")) {
        return lowerer.fieldType(field).map(TypeName::get);
      }
      if (isTypeName(qualifier)) {
        return method.resolver()
            .type(qualifier.toString())
            .map(t -> method.resolver().membersOf(t, field, Resolver::isField))
            .filter(f -> !f.isEmpty())
            .map(f -> TypeName.get(f.get(0).asType()));
      }
    }
    return Optional.empty();
  }

  private Optional<TypeName> binaryType(BinaryTree tree) {
    switch (tree.getKind()) {
      case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO,
          CONDITIONAL_AND, CONDITIONAL_OR:
        return Optional.of(TypeName.BOOLEAN);
      default:
        break;
    }
    Optional<TypeName> left = typeOf(tree.getLeftOperand());
    Optional<TypeName> right = typeOf(tree.getRightOperand());
    TypeName string = TypeName.get(String.class);
    if (tree.getKind() == Tree.Kind.PLUS
        && (left.filter(string::equals).isPresent() || right.filter(string::equals).isPresent())) {
      return Optional.of(string);
    }
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    switch (tree.getKind()) {
      case LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT:
        return promoted(left.get(), TypeName.INT);
      case AND, OR, XOR:
        if (left.get().equals(TypeName.BOOLEAN) && right.get().equals(TypeName.BOOLEAN)) {
          return left;
        }
        return promoted(left.get(), right.get());
      default:
        return promoted(left.get(), right.get());
    }
  }

  /** Binary numeric promotion (JLS 5.6), of primitives and their boxes; empty otherwise. */
  private static Optional<TypeName> promoted(TypeName a, TypeName b) {
    TypeName x = a.isBoxedPrimitive() ? a.unbox() : a;
    TypeName y = b.isBoxedPrimitive() ? b.unbox() : b;
    List<TypeName> widest =
        List.of(TypeName.DOUBLE, TypeName.FLOAT, TypeName.LONG, TypeName.INT, TypeName.CHAR, TypeName.SHORT, TypeName.BYTE);
    if (!widest.contains(x) || !widest.contains(y)) {
      return Optional.empty();
    }
    for (TypeName t : widest.subList(0, 3)) {
      if (x.equals(t) || y.equals(t)) {
        return Optional.of(t);
      }
    }
    return Optional.of(TypeName.INT);
  }

  private boolean fail(Tree tree) {
    lowerer.reportAt(tree, Messages.switchPointInExpression());
    return false;
  }
}
