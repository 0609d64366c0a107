package dev.fibered.processor.lower;

import com.palantir.javapoet.TypeName;
import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.IntersectionTypeTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.tree.YieldTree;
import dev.fibered.processor.model.FiberedMethod;
import dev.fibered.processor.validate.Messages;
import dev.fibered.processor.validate.Reporter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Prints body trees back as Java that compiles inside the generated machine class.
 *
 * <p>Printing from trees rather than copying source text keeps us independent of end positions,
 * which javac records only when a diagnostic listener is installed (not on the plain command
 * line). Parentheses are trees of their own, so printing children in order keeps the original
 * structure exactly. Names are re-resolved for their new home by {@link NameQualifier}; locals
 * declared inside a copied statement stay as they are. Jumps out of a copied statement become
 * state changes, and {@code return} hands the value back through the machine.
 */
final class JavaPrinter {
  private static final String INDENT = "  ";

  private final FiberedMethod method;
  private final Reporter reporter;
  private final LocalScope fields;
  private final MachineNames names;
  private final Jumps jumps;
  private final Function<ExpressionTree, Optional<TypeElement>> declaredTypeOf;
  private final NameQualifier qualifier;

  /**
   * Subexpressions that an earlier state evaluated (a switch point, or an operand Java evaluates
   * before one), and the code that reads their value now: a machine field.
   */
  private final Map<Tree, Code> evaluatedEarlier = new IdentityHashMap<>();

  /**
   * What lambdas need from the lowering: which calls are switch points (refused in a lambda), and
   * the types and fresh names for the snapshots of the machine fields a lambda captures.
   */
  interface Captures {
    boolean isSwitchPoint(MethodInvocationTree call);

    /** Whether {@code name} is a field of the machine, not a local kept in Java. */
    boolean isMachineField(String name);

    TypeName machineFieldType(String field);

    String freshName(String preferred);
  }

  private final Captures captures;

  /** How deep in lambda bodies the printer is: there, jumps and returns are the lambda's own. */
  private int lambdaDepth;

  /**
   * The machine fields that lambdas printed since the last {@link #takeSnapshots} capture, and the
   * final local each one is copied into: a lambda must see the value the local had when the
   * lambda was created, as Java gives it, not the field's value when it runs.
   */
  private final Map<String, String> snapshots = new java.util.LinkedHashMap<>();

  /** The member names of the class bodies being copied, innermost first. */
  private final Deque<Set<String>> classBodies = new ArrayDeque<>();

  /**
   * Per class body being copied, innermost first: the framed local type its constructors' {@code
   * super(...)} must name the frame of, or {@link #NO_FRAME}.
   */
  private final Deque<LocalType> superFrames = new ArrayDeque<>();

  private static final LocalType NO_FRAME = new LocalType("", null, null, null);

  private final Deque<Integer> savedSwitches = new ArrayDeque<>();

  /**
   * While a local type is printed as a member of the machine: the machine-side names of the locals
   * its body captures, which its frame will hold; else null.
   */
  private Set<String> hoistedCaptures;

  private final ClassBodyPrinter classes;
  private final SwitchPrinter switches;

  /** Locals declared inside the statement being copied: they stay Java locals. */
  private final Deque<Set<String>> copiedLocals = new ArrayDeque<>();

  /** Labels declared inside the statement being copied. */
  private final Set<String> copiedLabels = new HashSet<>();

  /** Switch expressions being copied: a {@code yield} there is Java's, else a lowered one's. */
  private int copiedSwitchExpressions;

  /** Switch statements inside the statement being copied: an unlabelled break stays inside. */
  private int copiedSwitches;

  private Code out;
  private int depth;


  /** The number of arguments of the call whose method name is being printed. */
  private int pendingArity = -1;

  JavaPrinter(
      FiberedMethod method,
      Reporter reporter,
      LocalScope fields,
      MachineNames names,
      Jumps jumps,
      Captures captures,
      Function<ExpressionTree, Optional<TypeElement>> declaredTypeOf) {
    this.captures = captures;
    this.method = method;
    this.reporter = reporter;
    this.fields = fields;
    this.names = names;
    this.jumps = jumps;
    this.declaredTypeOf = declaredTypeOf;
    this.qualifier = new NameQualifier(method, reporter, fields, names, declaredTypeOf);
    this.classes = new ClassBodyPrinter(this, method, fields);
    this.switches = new SwitchPrinter(this, method, fields, names, declaredTypeOf);
  }

  /**
   * A local type as a member of the machine; adds the machine-side names of the locals it
   * captures to {@code captured}, in the order it names them.
   */
  Code hoistedType(ClassTree tree, Set<String> captured) {
    hoistedCaptures = captured;
    try {
      return capture(() -> classes.declaration(tree));
    } finally {
      hoistedCaptures = null;
    }
  }

  Code expression(ExpressionTree tree) {
    return capture(() -> expr(tree));
  }

  /**
   * The declarations of the snapshots that the code printed since the last call needs, to be put
   * before it in the same state; clears them.
   */
  Code takeSnapshots() {
    Code declarations = new Code();
    snapshots.forEach(
        (field, local) ->
            declarations
                .text("final ")
                .type(captures.machineFieldType(field))
                .text(" " + local + " = " + field + ";\n"));
    snapshots.clear();
    return declarations;
  }

  /** From now on, {@code tree} prints as {@code value}: it was evaluated in an earlier state. */
  void evaluatedEarlier(Tree tree, Code value) {
    evaluatedEarlier.put(tree, value);
  }

  boolean wasEvaluatedEarlier(Tree tree) {
    return evaluatedEarlier.containsKey(tree);
  }

  Code type(Tree tree) {
    return capture(() -> print(tree, Position.TYPE));
  }

  /** A type for a machine field's declaration; see {@link NameQualifier#typeName}. */
  TypeName typeName(Tree tree) {
    return qualifier.typeName(tree);
  }


  /** Statements that contain no switch point, copied as one Java block. */
  Code statements(List<? extends StatementTree> trees) {
    return capture(
        () -> {
          copiedLocals.push(new HashSet<>());
          text("{");
          depth++;
          for (StatementTree s : trees) {
            newline();
            stmt(s);
          }
          depth--;
          newline();
          text("}");
          copiedLocals.pop();
        });
  }

  /** A whole statement that contains no switch point, copied as one piece. */
  Code statement(StatementTree tree) {
    return capture(
        () -> {
          copiedLocals.push(new HashSet<>());
          stmt(tree);
          copiedLocals.pop();
        });
  }

  private Code capture(Runnable printing) {
    Code saved = out;
    int savedDepth = depth;
    out = new Code();
    depth = 0;
    try {
      printing.run();
      return out;
    } finally {
      out = saved;
      depth = savedDepth;
    }
  }

  // ---------------------------------------------------------------- expressions

  void expr(Tree tree) {
    print(tree, Position.EXPRESSION);
  }

  void print(Tree tree, Position position) {
    Code evaluated = evaluatedEarlier.get(tree);
    if (evaluated != null) {
      out.append(evaluated);
      return;
    }
    switch (tree.getKind()) {
      case IDENTIFIER -> identifier((IdentifierTree) tree, position);
      case MEMBER_SELECT -> memberSelect((MemberSelectTree) tree, position);
      case PARENTHESIZED -> {
        text("(");
        expr(((ParenthesizedTree) tree).getExpression());
        text(")");
      }
      case METHOD_INVOCATION -> invocation((MethodInvocationTree) tree);
      case NEW_CLASS -> newClass((NewClassTree) tree);
      case NEW_ARRAY -> newArray((NewArrayTree) tree);
      case ARRAY_ACCESS -> {
        ArrayAccessTree access = (ArrayAccessTree) tree;
        expr(access.getExpression());
        text("[");
        expr(access.getIndex());
        text("]");
      }
      case ASSIGNMENT -> {
        AssignmentTree assign = (AssignmentTree) tree;
        expr(assign.getVariable());
        text(" = ");
        expr(assign.getExpression());
      }
      case CONDITIONAL_EXPRESSION -> {
        ConditionalExpressionTree cond = (ConditionalExpressionTree) tree;
        expr(cond.getCondition());
        text(" ? ");
        expr(cond.getTrueExpression());
        text(" : ");
        expr(cond.getFalseExpression());
      }
      case TYPE_CAST -> {
        TypeCastTree cast = (TypeCastTree) tree;
        text("(");
        print(cast.getType(), Position.TYPE);
        text(") ");
        expr(cast.getExpression());
      }
      case INSTANCE_OF -> instanceOf((InstanceOfTree) tree);
      case SWITCH_EXPRESSION -> {
        SwitchExpressionTree sw = (SwitchExpressionTree) tree;
        copiedSwitchExpressions++;
        switches.body(sw.getExpression(), sw.getCases());
        copiedSwitchExpressions--;
      }
      case LAMBDA_EXPRESSION -> lambda((LambdaExpressionTree) tree);
      case MEMBER_REFERENCE -> memberReference((MemberReferenceTree) tree);
      case PRIMITIVE_TYPE -> text(
          ((PrimitiveTypeTree) tree).getPrimitiveTypeKind().name().toLowerCase(java.util.Locale.ROOT));
      case ARRAY_TYPE -> {
        print(((ArrayTypeTree) tree).getType(), Position.TYPE);
        text("[]");
      }
      case PARAMETERIZED_TYPE -> {
        ParameterizedTypeTree type = (ParameterizedTypeTree) tree;
        print(type.getType(), Position.TYPE);
        text("<");
        list(type.getTypeArguments(), Position.TYPE);
        text(">");
      }
      case UNBOUNDED_WILDCARD -> text("?");
      case EXTENDS_WILDCARD -> {
        text("? extends ");
        print(((WildcardTree) tree).getBound(), Position.TYPE);
      }
      case SUPER_WILDCARD -> {
        text("? super ");
        print(((WildcardTree) tree).getBound(), Position.TYPE);
      }
      case UNION_TYPE -> separated(((UnionTypeTree) tree).getTypeAlternatives(), " | ");
      case INTERSECTION_TYPE -> separated(((IntersectionTypeTree) tree).getBounds(), " & ");
      case ANNOTATED_TYPE -> {
        AnnotatedTypeTree annotated = (AnnotatedTypeTree) tree;
        for (AnnotationTree a : annotated.getAnnotations()) {
          annotation(a);
          text(" ");
        }
        print(annotated.getUnderlyingType(), Position.TYPE);
      }
      case ANNOTATION, TYPE_ANNOTATION -> annotation((AnnotationTree) tree);
      default -> {
        if (tree instanceof LiteralTree) {
          text(Literals.source((LiteralTree) tree));
        } else if (tree instanceof UnaryTree) {
          unary((UnaryTree) tree);
        } else if (tree instanceof BinaryTree) {
          BinaryTree binary = (BinaryTree) tree;
          expr(binary.getLeftOperand());
          text(" " + Operators.of(tree.getKind()) + " ");
          expr(binary.getRightOperand());
        } else if (tree instanceof CompoundAssignmentTree) {
          CompoundAssignmentTree assign = (CompoundAssignmentTree) tree;
          expr(assign.getVariable());
          text(" " + Operators.of(tree.getKind()) + " ");
          expr(assign.getExpression());
        } else {
          unsupported(tree, Messages.unsupportedConstruct(describe(tree)));
        }
      }
    }
  }

  private void unary(UnaryTree tree) {
    String op = Operators.of(tree.getKind());
    boolean postfix =
        tree.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || tree.getKind() == Tree.Kind.POSTFIX_DECREMENT;
    if (postfix) {
      expr(tree.getExpression());
      text(op);
      return;
    }
    Code operand = expression(tree.getExpression());
    text(op);
    String first = operand.toString();
    if (!first.isEmpty() && (first.charAt(0) == '+' || first.charAt(0) == '-')) {
      text(" "); // "- -x" must not become the decrement operator
    }
    out.append(operand);
  }

  private void identifier(IdentifierTree tree, Position position) {
    String name = tree.getName().toString();
    boolean variable = position == Position.EXPRESSION && fields.field(name) != null;
    if (position == Position.EXPRESSION && isCopiedLocal(name)) {
      text(name);
    } else if (position != Position.TYPE && position != Position.NEW_CLASS && isClassBodyName(name)) {
      text(name);
    } else if (variable) {
      localReference(name);
    } else if (position != Position.METHOD && isCopiedType(name)) {
      text(name);
    } else if (position != Position.METHOD && fields.type(name) != null) {
      text(fields.type(name).written());
    } else {
      out.append(qualifier.identifier(tree, position, pendingArity));
    }
  }

  /**
   * A local of the lowered body, named by its source key: in a hoisted class body, the frame's
   * copy of it; in a lambda or a class body copied in place, a snapshot; else its field or Java
   * local.
   */
  private void localReference(String local) {
    String field = fields.field(local);
    if (hoistedCaptures != null) {
      hoistedCaptures.add(field);
      text(field);
    } else if (lambdaDepth > 0 && captures.isMachineField(field)) {
      text(snapshots.computeIfAbsent(field, f -> captures.freshName(local.startsWith("new ") ? f : local)));
    } else {
      text(field);
    }
  }

  /** The holder instance of a hoisted local type that captures locals, as code here names it. */
  void frameReference(LocalType type) {
    localReference(type.frameLocal());
  }

  /** A hoisted local type with a frame, when code outside its own body names it; else null. */
  LocalType framedType(Tree typeTree) {
    Tree base = typeTree instanceof ParameterizedTypeTree ? ((ParameterizedTypeTree) typeTree).getType() : typeTree;
    if (!(base instanceof IdentifierTree)) {
      return null;
    }
    String name = ((IdentifierTree) base).getName().toString();
    LocalType type = isCopiedType(name) ? null : fields.type(name);
    return type != null && type.frameLocal() != null ? type : null;
  }

  private void memberSelect(MemberSelectTree tree, Position position) {
    String name = tree.getIdentifier().toString();
    if (name.equals("this") || name.equals("super")) {
      if (tree.getExpression() instanceof IdentifierTree && isCopiedType(tree.getExpression().toString())) {
        text(tree.getExpression() + "." + name); // a local type's own, printed where it means the same
      } else {
        out.append(qualifier.qualifiedThis(tree));
      }
      return;
    }
    boolean typePosition = position == Position.TYPE || position == Position.NEW_CLASS;
    print(tree.getExpression(), typePosition ? Position.TYPE : Position.EXPRESSION);
    text("." + name);
    boolean ownMember = !classBodies.isEmpty()
        && tree.getExpression() instanceof IdentifierTree
        && isClassBodyName(tree.getExpression().toString()); // this.x, super.x: the class body's
    if (!typePosition && !ownMember) {
      out.append(
          qualifier.afterMember(
              tree, tree.getExpression(), name, position == Position.METHOD, pendingArity));
    }
  }

  /**
   * A lambda, copied with its body. The machine fields it names are read into final locals when
   * the lambda is created ({@link #takeSnapshots}); its own jumps and returns stay Java's.
   */
  private void lambda(LambdaExpressionTree tree) {
    copiedLocals.push(new HashSet<>());
    List<? extends VariableTree> parameters = tree.getParameters();
    boolean typed = parameters.stream().anyMatch(p -> p.getType() != null);
    text("(");
    for (int i = 0; i < parameters.size(); i++) {
      text(i > 0 ? ", " : "");
      VariableTree p = parameters.get(i);
      if (typed) {
        localDeclaration(p);
      } else {
        text(p.getName().toString());
        declareCopiedLocal(p.getName().toString());
      }
    }
    text(") -> ");
    lambdaDepth++;
    int savedSwitches = copiedSwitches;
    copiedSwitches = 0;
    if (tree.getBody() instanceof BlockTree) {
      block((BlockTree) tree.getBody());
    } else {
      expr(tree.getBody());
    }
    copiedSwitches = savedSwitches;
    lambdaDepth--;
    copiedLocals.pop();
  }

  /** {@code q::m}: the qualifier is evaluated when the reference is created, as in Java. */
  private void memberReference(MemberReferenceTree tree) {
    if (tree.getMode() == MemberReferenceTree.ReferenceMode.NEW
        && framedType(tree.getQualifierExpression()) != null) {
      report(tree, Messages.framedConstructorReference(framedType(tree.getQualifierExpression()).name()));
    }
    print(tree.getQualifierExpression(), Position.EXPRESSION);
    text("::" + (tree.getMode() == MemberReferenceTree.ReferenceMode.NEW ? "new" : tree.getName()));
  }

  private void invocation(MethodInvocationTree tree) {
    if (lambdaDepth > 0 && captures.isSwitchPoint(tree)) {
      report(tree, classBodies.isEmpty() ? Messages.switchPointInLambda() : Messages.switchPointInClassBody());
    }
    ExpressionTree select = tree.getMethodSelect();
    pendingArity = tree.getArguments().size();
    if (select instanceof MemberSelectTree && !tree.getTypeArguments().isEmpty()) {
      MemberSelectTree member = (MemberSelectTree) select;
      expr(member.getExpression());
      text(".<");
      list(tree.getTypeArguments(), Position.TYPE);
      text(">" + member.getIdentifier());
    } else {
      if (isSuperConstructorCall(tree) && superFrame() != null) {
        frameReference(superFrame()); // the superclass is an inner class of its frame
        text(".");
      }
      print(select, Position.METHOD);
    }
    text("(");
    list(tree.getArguments(), Position.EXPRESSION);
    text(")");
  }

  static boolean isSuperConstructorCall(MethodInvocationTree tree) {
    return tree.getMethodSelect() instanceof IdentifierTree
        && ((IdentifierTree) tree.getMethodSelect()).getName().contentEquals("super");
  }

  private void newClass(NewClassTree tree) {
    LocalType framed = tree.getEnclosingExpression() == null ? framedType(tree.getIdentifier()) : null;
    if (tree.getEnclosingExpression() != null) {
      expr(tree.getEnclosingExpression());
      text(".");
    } else if (framed != null) {
      frameReference(framed); // an inner class of its frame, which holds what it captures
      text(".");
    }
    text("new ");
    if (!tree.getTypeArguments().isEmpty()) {
      text("<");
      list(tree.getTypeArguments(), Position.TYPE);
      text(">");
    }
    if (framed != null) {
      Tree identifier = tree.getIdentifier();
      text(framed.name());
      if (identifier instanceof ParameterizedTypeTree) {
        text("<");
        list(((ParameterizedTypeTree) identifier).getTypeArguments(), Position.TYPE);
        text(">");
      }
    } else if (tree.getEnclosingExpression() == null) {
      print(tree.getIdentifier(), Position.NEW_CLASS);
    } else {
      text(tree.getIdentifier().toString()); // named relative to the enclosing instance's type
    }
    text("(");
    list(tree.getArguments(), Position.EXPRESSION);
    text(")");
    if (tree.getClassBody() != null) {
      text(" ");
      classes.anonymousBody(tree);
    }
  }

  private void newArray(NewArrayTree tree) {
    if (tree.getType() != null) {
      Tree base = tree.getType();
      int extraDims = 0;
      while (base instanceof ArrayTypeTree && !tree.getDimensions().isEmpty()) {
        base = ((ArrayTypeTree) base).getType();
        extraDims++;
      }
      text("new ");
      print(base, Position.TYPE);
      for (ExpressionTree dim : tree.getDimensions()) {
        text("[");
        expr(dim);
        text("]");
      }
      text("[]".repeat(extraDims));
      if (tree.getDimensions().isEmpty()) {
        text("[]");
      }
    }
    if (tree.getInitializers() != null) {
      text(tree.getType() != null ? " {" : "{");
      list(tree.getInitializers(), Position.EXPRESSION);
      text("}");
    }
  }

  private void instanceOf(InstanceOfTree tree) {
    expr(tree.getExpression());
    text(" instanceof ");
    Tree pattern = tree.getPattern();
    if (pattern == null) {
      print(tree.getType(), Position.TYPE);
    } else if (pattern.getKind().name().equals("BINDING_PATTERN")) {
      VariableTree binding = ((com.sun.source.tree.BindingPatternTree) pattern).getVariable();
      modifiers(binding.getModifiers());
      print(binding.getType(), Position.TYPE);
      text(" " + binding.getName());
      declareCopiedLocal(binding.getName().toString());
    } else {
      unsupported(tree, Messages.unsupportedConstruct("this kind of pattern"));
    }
  }

  void annotation(AnnotationTree tree) {
    text("@");
    print(tree.getAnnotationType(), Position.TYPE);
    if (!tree.getArguments().isEmpty()) {
      text("(");
      list(tree.getArguments(), Position.EXPRESSION);
      text(")");
    }
  }

  void list(List<? extends Tree> trees, Position position) {
    for (int i = 0; i < trees.size(); i++) {
      if (i > 0) {
        text(", ");
      }
      print(trees.get(i), position);
    }
  }

  private void separated(List<? extends Tree> trees, String separator) {
    for (int i = 0; i < trees.size(); i++) {
      if (i > 0) {
        text(separator);
      }
      print(trees.get(i), Position.TYPE);
    }
  }

  // ---------------------------------------------------------------- statements

  void stmt(StatementTree tree) {
    out.line(method.file().line(tree));
    if (tree.getKind() == Tree.Kind.VARIABLE) {
      statementKind(tree); // declares its name in the enclosing frame
      return;
    }
    if (tree instanceof ClassTree) {
      declareCopiedType(((ClassTree) tree).getSimpleName().toString());
      classes.declaration((ClassTree) tree); // a local type whose whole scope is copied: in place
      return;
    }
    // Pattern variables of a statement's expressions live at most as long as the statement.
    copiedLocals.push(new HashSet<>());
    statementKind(tree);
    copiedLocals.pop();
  }

  private void statementKind(StatementTree tree) {
    switch (tree.getKind()) {
      case BLOCK -> block((BlockTree) tree);
      case VARIABLE -> {
        localDeclaration((VariableTree) tree);
        text(";");
      }
      case EXPRESSION_STATEMENT -> {
        expr(((ExpressionStatementTree) tree).getExpression());
        text(";");
      }
      case IF -> ifStatement((IfTree) tree);
      case SWITCH -> {
        SwitchTree sw = (SwitchTree) tree;
        copiedSwitches++;
        switches.body(sw.getExpression(), sw.getCases());
        copiedSwitches--;
      }
      case TRY -> tryStatement((TryTree) tree);
      case SYNCHRONIZED -> {
        SynchronizedTree sync = (SynchronizedTree) tree;
        text("synchronized ");
        expr(sync.getExpression());
        text(" ");
        block(sync.getBlock());
      }
      case THROW -> {
        text("throw ");
        expr(((ThrowTree) tree).getExpression());
        text(";");
      }
      case RETURN -> returnStatement((ReturnTree) tree);
      case BREAK -> breakStatement((BreakTree) tree);
      case CONTINUE -> {
        ContinueTree cont = (ContinueTree) tree;
        if (lambdaDepth > 0) {
          text(cont.getLabel() == null ? "continue;" : "continue " + cont.getLabel() + ";");
        } else {
          out.append(jumps.continueTo(cont.getLabel() == null ? null : cont.getLabel().toString()));
        }
      }
      case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP -> {
        if (lambdaDepth > 0) {
          loopInLambda(tree);
        } else {
          unsupported(tree, Messages.unsupportedConstruct(describe(tree)));
        }
      }
      case YIELD -> {
        if (copiedSwitchExpressions > 0) {
          text("yield ");
          expr(((YieldTree) tree).getValue());
          text(";");
        } else {
          ExpressionTree value = ((YieldTree) tree).getValue();
          out.append(jumps.yieldWith(expression(value), value));
        }
      }
      case LABELED_STATEMENT -> {
        LabeledStatementTree labeled = (LabeledStatementTree) tree;
        String label = labeled.getLabel().toString();
        copiedLabels.add(label);
        text(label + ": ");
        stmt(labeled.getStatement());
        copiedLabels.remove(label);
      }
      case EMPTY_STATEMENT -> text(";");
      case ASSERT -> {
        AssertTree assertion = (AssertTree) tree;
        text("assert ");
        expr(assertion.getCondition());
        if (assertion.getDetail() != null) {
          text(" : ");
          expr(assertion.getDetail());
        }
        text(";");
      }
      default -> unsupported(tree, Messages.unsupportedConstruct(describe(tree)));
    }
  }

  /**
   * A loop inside a lambda body, copied as it is: the lambda runs as plain Java, wherever it is
   * called, so its loops carry no scheduling check.
   */
  private void loopInLambda(StatementTree tree) {
    copiedLocals.push(new HashSet<>());
    switch (tree.getKind()) {
      case WHILE_LOOP -> {
        WhileLoopTree loop = (WhileLoopTree) tree;
        text("while ");
        expr(loop.getCondition());
        text(" ");
        blockLike(loop.getStatement());
      }
      case DO_WHILE_LOOP -> {
        DoWhileLoopTree loop = (DoWhileLoopTree) tree;
        text("do ");
        blockLike(loop.getStatement());
        text(" while ");
        expr(loop.getCondition());
        text(";");
      }
      case FOR_LOOP -> {
        ForLoopTree loop = (ForLoopTree) tree;
        text("for (");
        for (int i = 0; i < loop.getInitializer().size(); i++) {
          StatementTree init = loop.getInitializer().get(i);
          if (init instanceof VariableTree) {
            if (i == 0) {
              localDeclaration((VariableTree) init);
            } else {
              VariableTree v = (VariableTree) init;
              text(", " + v.getName());
              declareCopiedLocal(v.getName().toString());
              if (v.getInitializer() != null) {
                text(" = ");
                expr(v.getInitializer());
              }
            }
          } else {
            text(i > 0 ? ", " : "");
            expr(((ExpressionStatementTree) init).getExpression());
          }
        }
        text("; ");
        if (loop.getCondition() != null) {
          expr(loop.getCondition());
        }
        text("; ");
        for (int i = 0; i < loop.getUpdate().size(); i++) {
          text(i > 0 ? ", " : "");
          expr(loop.getUpdate().get(i).getExpression());
        }
        text(") ");
        blockLike(loop.getStatement());
      }
      default -> {
        EnhancedForLoopTree loop = (EnhancedForLoopTree) tree;
        text("for (");
        localDeclaration(loop.getVariable());
        text(" : ");
        expr(loop.getExpression());
        text(") ");
        blockLike(loop.getStatement());
      }
    }
    copiedLocals.pop();
  }

  void block(BlockTree tree) {
    if (tree.isStatic()) {
      text("static ");
    }
    text("{");
    blockStatements(tree);
    text("}");
  }

  /** The statements of {@code tree}, between braces the caller prints. */
  void blockStatements(BlockTree tree) {
    copiedLocals.push(new HashSet<>());
    depth++;
    for (StatementTree s : tree.getStatements()) {
      newline();
      stmt(s);
    }
    depth--;
    copiedLocals.pop();
    newline();
  }

  /** A statement that must read as a block: {@code if (c) x();} prints with braces. */
  private void blockLike(StatementTree tree) {
    if (tree instanceof BlockTree) {
      block((BlockTree) tree);
      return;
    }
    text("{");
    copiedLocals.push(new HashSet<>());
    depth++;
    newline();
    stmt(tree);
    depth--;
    copiedLocals.pop();
    newline();
    text("}");
  }

  /** A method's or record's parameter, {@code int... xs} kept as varargs. */
  void parameterDeclaration(VariableTree tree) {
    if (!isVarargs(tree)) {
      localDeclaration(tree);
      return;
    }
    modifiers(tree.getModifiers());
    print(((ArrayTypeTree) tree.getType()).getType(), Position.TYPE);
    text("... " + tree.getName());
    declareCopiedLocal(tree.getName().toString());
  }

  /** The tree API hides the varargs flag; javac's own printing of the declaration shows it. */
  static boolean isVarargs(VariableTree tree) {
    return tree.getType() instanceof ArrayTypeTree
        && tree.getInitializer() == null
        && tree.toString().endsWith("... " + tree.getName());
  }

  void localDeclaration(VariableTree tree) {
    modifiers(tree.getModifiers());
    if (tree.getType() == null) {
      text("var");
    } else {
      print(tree.getType(), Position.TYPE);
    }
    text(" " + tree.getName());
    if (tree.getInitializer() != null) {
      text(" = ");
      expr(tree.getInitializer());
    }
    declareCopiedLocal(tree.getName().toString());
  }

  private void modifiers(ModifiersTree modifiers) {
    for (AnnotationTree a : modifiers.getAnnotations()) {
      annotation(a);
      text(" ");
    }
    if (modifiers.getFlags().contains(Modifier.FINAL)) {
      text("final ");
    }
  }

  private void ifStatement(IfTree tree) {
    if (tree.getElseStatement() == null
        && !Completion.canCompleteNormally(tree.getThenStatement())) {
      Tree binding = Patterns.introducedWhenFalse(tree.getCondition());
      if (binding != null) {
        // "if (!(o instanceof T t)) return;" puts t in scope after the if (JLS 6.3.2.2).
        report(binding, Messages.patternBinding());
      }
    }
    text("if ");
    expr(tree.getCondition());
    text(" ");
    blockLike(tree.getThenStatement());
    StatementTree otherwise = tree.getElseStatement();
    if (otherwise != null) {
      text(" else ");
      if (otherwise instanceof IfTree) {
        stmt(otherwise);
      } else {
        blockLike(otherwise);
      }
    }
  }

  private void tryStatement(TryTree tree) {
    text("try ");
    copiedLocals.push(new HashSet<>());
    if (!tree.getResources().isEmpty()) {
      text("(");
      List<? extends Tree> resources = tree.getResources();
      for (int i = 0; i < resources.size(); i++) {
        if (i > 0) {
          text("; ");
        }
        Tree resource = resources.get(i);
        if (resource instanceof VariableTree) {
          localDeclaration((VariableTree) resource);
        } else {
          expr(resource);
        }
      }
      text(") ");
    }
    block(tree.getBlock());
    copiedLocals.pop();
    for (CatchTree c : tree.getCatches()) {
      text(" catch (");
      copiedLocals.push(new HashSet<>());
      localDeclaration(c.getParameter());
      text(") ");
      block(c.getBlock());
      copiedLocals.pop();
    }
    if (tree.getFinallyBlock() != null) {
      text(" finally ");
      block(tree.getFinallyBlock());
    }
  }

  private void returnStatement(ReturnTree tree) {
    if (lambdaDepth > 0) {
      text("return");
      if (tree.getExpression() != null) {
        text(" ");
        expr(tree.getExpression());
      }
      text(";");
      return;
    }
    out.append(
        jumps.returnWith(tree.getExpression() == null ? null : expression(tree.getExpression())));
  }

  private void breakStatement(BreakTree tree) {
    String label = tree.getLabel() == null ? null : tree.getLabel().toString();
    if (lambdaDepth > 0 || (label == null ? copiedSwitches > 0 : copiedLabels.contains(label))) {
      text(label == null ? "break;" : "break " + label + ";");
    } else {
      out.append(jumps.breakTo(label));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Whether {@code name} means a member of an anonymous class being copied, or its {@code this}. */
  private boolean isClassBodyName(String name) {
    if (classBodies.isEmpty()) {
      return false;
    }
    if (name.equals("this") || name.equals("super")) {
      return true;
    }
    for (Set<String> members : classBodies) {
      if (members.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code name} is a type declared inside the code being copied (a local type printed in
   * place, a class body's own type parameters and member types): it prints as written.
   */
  boolean isCopiedType(String name) {
    return isCopiedLocal(LocalType.copiedKey(name));
  }

  void declareCopiedType(String name) {
    declareCopiedLocal(LocalType.copiedKey(name));
  }

  /**
   * Starts a class body: its own names ({@code members}) and the type names it declares print as
   * written; like a lambda, it runs as plain Java, so its jumps and returns are its own and switch
   * points are refused. {@code superFrame} is the framed local superclass its constructors call,
   * or null.
   */
  void enterClassBody(Set<String> members, Set<String> typeNames, LocalType superFrame) {
    classBodies.push(members);
    superFrames.push(superFrame == null ? NO_FRAME : superFrame);
    copiedLocals.push(new HashSet<>());
    typeNames.forEach(this::declareCopiedType);
    lambdaDepth++;
    savedSwitches.push(copiedSwitches);
    copiedSwitches = 0;
    depth++;
  }

  /** The framed local superclass of the class body being printed, or null. */
  LocalType superFrame() {
    return superFrames.isEmpty() || superFrames.peek() == NO_FRAME ? null : superFrames.peek();
  }

  void exitClassBody() {
    depth--;
    copiedSwitches = savedSwitches.pop();
    lambdaDepth--;
    copiedLocals.pop();
    superFrames.pop();
    classBodies.pop();
  }

  /** A method, constructor or initializer of a class body: its locals and type variables. */
  void enterMember(List<String> typeVariables) {
    copiedLocals.push(new HashSet<>());
    typeVariables.forEach(this::declareCopiedType);
  }

  void exitMember() {
    copiedLocals.pop();
  }

  private boolean isCopiedLocal(String name) {
    for (Set<String> frame : copiedLocals) {
      if (frame.contains(name)) {
        return true;
      }
    }
    return false;
  }

  void declareCopiedLocal(String name) {
    if (!copiedLocals.isEmpty()) {
      copiedLocals.peek().add(name);
    }
  }

  /** Runs {@code printing} into code of its own, at depth 0. */
  Code printed(Runnable printing) {
    return capture(printing);
  }

  /** See {@link SwitchPrinter#dispatch}. */
  Code switchDispatch(ExpressionTree selector, List<? extends CaseTree> cases, List<Label> targets) {
    return switches.dispatch(selector, cases, targets);
  }

  void label(Label label) {
    out.label(label);
  }

  void indent() {
    depth++;
  }

  void outdent() {
    depth--;
  }

  /** A scope of copied locals: a switch body's, say. */
  void enterScope() {
    copiedLocals.push(new HashSet<>());
  }

  void exitScope() {
    copiedLocals.pop();
  }

  boolean isCopiedName(String name) {
    return isCopiedLocal(name);
  }

  void text(String s) {
    out.text(s);
  }

  void newline() {
    out.text("\n" + INDENT.repeat(depth));
  }

  void unsupported(Tree tree, String message) {
    report(tree, message);
    text("/* unsupported */");
  }

  void report(Tree tree, String message) {
    reporter.error(tree, method.file().unit(), message);
  }

  /** A tree's kind in words, for messages: {@code "labeled statement"}. */
  static String describe(Tree tree) {
    return tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
