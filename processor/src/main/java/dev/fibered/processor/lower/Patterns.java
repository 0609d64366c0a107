package dev.fibered.processor.lower;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;

/** Where pattern variables ({@code o instanceof T t}) are declared and in scope. */
final class Patterns {
  private Patterns() {}

  /** A pattern whose variable {@code condition} introduces when false (JLS 6.3.1), or null. */
  static Tree introducedWhenFalse(ExpressionTree condition) {
    return introduced(condition, false);
  }

  private static Tree introduced(ExpressionTree e, boolean whenTrue) {
    switch (e.getKind()) {
      case PARENTHESIZED:
        return introduced(((ParenthesizedTree) e).getExpression(), whenTrue);
      case LOGICAL_COMPLEMENT:
        return introduced(((UnaryTree) e).getExpression(), !whenTrue);
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        {
          // && introduces its operands' when-true variables when true, || their when-false ones
          // when false, and neither introduces any the other way round.
          boolean and = e.getKind() == Tree.Kind.CONDITIONAL_AND;
          if (and != whenTrue) {
            return null;
          }
          BinaryTree binary = (BinaryTree) e;
          Tree left = introduced(binary.getLeftOperand(), whenTrue);
          return left != null ? left : introduced(binary.getRightOperand(), whenTrue);
        }
      case INSTANCE_OF:
        return whenTrue ? ((InstanceOfTree) e).getPattern() : null;
      default:
        return null;
    }
  }

  /** The first pattern in {@code tree}, or null. */
  static Tree firstBinding(Tree tree) {
    Tree[] found = {null};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        if (node != null && found[0] == null && node.getKind().name().endsWith("_PATTERN")) {
          found[0] = node;
        }
        return super.scan(node, unused);
      }
    }.scan(tree, null);
    return found[0];
  }
}
