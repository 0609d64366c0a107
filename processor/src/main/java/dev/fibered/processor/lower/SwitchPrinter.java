package dev.fibered.processor.lower;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import dev.fibered.processor.model.FiberedMethod;
import dev.fibered.processor.model.Resolver;
import dev.fibered.processor.validate.Messages;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Prints switches for {@link JavaPrinter}: a switch statement or expression copied whole, and the
 * dispatch of a lowered one. Case labels keep enum constants unqualified, as Java requires.
 */
final class SwitchPrinter {
  private final JavaPrinter printer;
  private final FiberedMethod method;
  private final LocalScope fields;
  private final MachineNames names;
  private final Function<ExpressionTree, Optional<TypeElement>> declaredTypeOf;

  /** Whether the switch being printed is on an enum: null if its selector's type is unknown. */
  private Boolean switchOnEnum;

  SwitchPrinter(
      JavaPrinter printer,
      FiberedMethod method,
      LocalScope fields,
      MachineNames names,
      Function<ExpressionTree, Optional<TypeElement>> declaredTypeOf) {
    this.printer = printer;
    this.method = method;
    this.fields = fields;
    this.names = names;
    this.declaredTypeOf = declaredTypeOf;
  }

  /**
   * The dispatch of a lowered switch: a Java switch on the same selector and labels, whose every
   * case goes to the state {@code targets} gives for it. Falls through when no label matches.
   */
  Code dispatch(ExpressionTree selector, List<? extends CaseTree> cases, List<Label> targets) {
    return printer.printed(
        () -> {
          Boolean outerSwitchOnEnum = switchOnEnum;
          switchOnEnum = selectorIsEnum(selector);
          printer.text("switch ");
          printer.expr(selector);
          printer.text(" {");
          printer.indent();
          for (int i = 0; i < cases.size(); i++) {
            printer.newline();
            caseLabel(cases.get(i));
            printer.text(": {");
            printer.indent();
            printer.newline();
            printer.text(names.state() + " = ");
            printer.label(targets.get(i));
            printer.text(";");
            printer.newline();
            printer.text("continue;");
            printer.outdent();
            printer.newline();
            printer.text("}");
          }
          printer.outdent();
          printer.newline();
          printer.text("}");
          switchOnEnum = outerSwitchOnEnum;
        });
  }

  /** Whether a case label may name a switch's own enum constants: null if the type is unknown. */
  private Boolean selectorIsEnum(ExpressionTree selector) {
    return declaredTypeOf
        .apply(selector instanceof ParenthesizedTree ? ((ParenthesizedTree) selector).getExpression() : selector)
        .map(t -> t.getKind() == ElementKind.ENUM)
        .orElse(null);
  }

  /** Whether a case has the {@code default} label, alone or beside constants (Java 21). */
  static boolean isDefault(CaseTree tree) {
    return tree.getExpressions().isEmpty() || hasDefaultLabel(tree);
  }

  void body(ExpressionTree selector, List<? extends CaseTree> cases) {
    Boolean outerSwitchOnEnum = switchOnEnum;
    switchOnEnum = selectorIsEnum(selector);
    printer.text("switch ");
    printer.expr(selector);
    printer.text(" {");
    printer.enterScope();
    printer.indent();
    for (CaseTree c : cases) {
      printer.newline();
      caseLabel(c);
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        printer.text(" -> ");
        Tree body = c.getBody();
        if (body instanceof ExpressionTree) {
          printer.expr(body);
          printer.text(";");
        } else {
          printer.stmt((StatementTree) body);
        }
      } else {
        printer.text(":");
        printer.indent();
        for (StatementTree s : c.getStatements()) {
          printer.newline();
          printer.stmt(s);
        }
        printer.outdent();
      }
    }
    printer.outdent();
    printer.exitScope();
    printer.newline();
    printer.text("}");
    switchOnEnum = outerSwitchOnEnum;
  }

  private void caseLabel(CaseTree tree) {
    if (hasPatternLabel(tree)) {
      printer.unsupported(tree, Messages.unsupportedConstruct("a pattern in a case label"));
      return;
    }
    List<? extends ExpressionTree> constants = tree.getExpressions();
    if (constants.isEmpty()) {
      printer.text("default");
      return;
    }
    printer.text("case ");
    for (int i = 0; i < constants.size(); i++) {
      if (i > 0) {
        printer.text(", ");
      }
      ExpressionTree constant = constants.get(i);
      if (constant instanceof IdentifierTree && isEnumConstantName((IdentifierTree) constant)) {
        printer.text(constant.toString()); // enum labels must stay unqualified before Java 21
      } else {
        printer.expr(constant);
      }
    }
    if (hasDefaultLabel(tree)) {
      printer.text(", default");
    }
  }

  private boolean isEnumConstantName(IdentifierTree id) {
    String name = id.getName().toString();
    if (fields.field(name) != null || printer.isCopiedName(name)) {
      return false;
    }
    if (switchOnEnum != null) {
      return switchOnEnum; // the selector's declared type is known
    }
    return method.resolver()
        .members(name, Resolver::isField)
        .map(m -> m.elements().get(0).getKind() == ElementKind.ENUM_CONSTANT)
        .orElse(true);
  }

  /**
   * Case labels grew patterns in Java 21 ({@code CaseTree.getLabels()}); this processor compiles
   * against the Java 17 API, so it looks for them reflectively when running on a newer javac.
   */
  private static boolean hasPatternLabel(CaseTree tree) {
    for (String kind : labelKinds(tree)) {
      // JDK 21+: PATTERN_CASE_LABEL; JDK 17 (preview API): the pattern trees themselves.
      if (kind.equals("PATTERN_CASE_LABEL") || kind.endsWith("_PATTERN")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDefaultLabel(CaseTree tree) {
    return !tree.getExpressions().isEmpty() && labelKinds(tree).contains("DEFAULT_CASE_LABEL");
  }

  private static List<String> labelKinds(CaseTree tree) {
    try {
      Method getLabels = CaseTree.class.getMethod("getLabels");
      List<?> labels = (List<?>) getLabels.invoke(tree);
      return labels.stream().map(l -> ((Tree) l).getKind().name()).toList();
    } catch (NoSuchMethodException e) {
      return List.of();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
