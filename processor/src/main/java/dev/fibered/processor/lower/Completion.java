package dev.fibered.processor.lower;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreeScanner;
import java.util.List;

/**
 * Whether a copied statement can complete normally (JLS 14.22), so that the lowering adds a jump
 * to the next state after it exactly when javac would not call that jump unreachable. Only
 * statements without loops are copied whole, so loops do not appear here.
 */
final class Completion {
  private Completion() {}

  static boolean canCompleteNormally(StatementTree tree) {
    switch (tree.getKind()) {
      case RETURN:
      case THROW:
      case BREAK:
      case CONTINUE:
      case YIELD:
        return false;
      case BLOCK:
        {
          List<? extends StatementTree> statements = ((BlockTree) tree).getStatements();
          return statements.isEmpty()
              || canCompleteNormally(statements.get(statements.size() - 1));
        }
      case IF:
        {
          IfTree ifTree = (IfTree) tree;
          return ifTree.getElseStatement() == null
              || canCompleteNormally(ifTree.getThenStatement())
              || canCompleteNormally(ifTree.getElseStatement());
        }
      case LABELED_STATEMENT:
        {
          LabeledStatementTree labeled = (LabeledStatementTree) tree;
          return canCompleteNormally(labeled.getStatement())
              || breaksOut(labeled.getStatement(), labeled.getLabel().toString());
        }
      case SYNCHRONIZED:
        return canCompleteNormally(((SynchronizedTree) tree).getBlock());
      case TRY:
        {
          TryTree tryTree = (TryTree) tree;
          boolean some = canCompleteNormally(tryTree.getBlock());
          for (CatchTree c : tryTree.getCatches()) {
            some |= canCompleteNormally(c.getBlock());
          }
          return some
              && (tryTree.getFinallyBlock() == null
                  || canCompleteNormally(tryTree.getFinallyBlock()));
        }
      case SWITCH:
        return switchCanComplete((SwitchTree) tree);
      default:
        return true;
    }
  }

  private static boolean switchCanComplete(SwitchTree tree) {
    List<? extends CaseTree> cases = tree.getCases();
    if (cases.isEmpty() || breaksOut(tree, null)) {
      return true;
    }
    boolean hasDefault = false;
    for (CaseTree c : cases) {
      hasDefault |= c.getExpressions().isEmpty();
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof ExpressionTree
            || (body instanceof StatementTree && canCompleteNormally((StatementTree) body))) {
          return true;
        }
      }
    }
    if (!hasDefault) {
      return true;
    }
    CaseTree last = cases.get(cases.size() - 1);
    if (last.getCaseKind() == CaseTree.CaseKind.RULE) {
      return false;
    }
    List<? extends StatementTree> statements = last.getStatements();
    return statements.isEmpty() || canCompleteNormally(statements.get(statements.size() - 1));
  }

  /**
   * Whether a break inside {@code tree} leaves it: {@code break label}, or with a null label an
   * unlabelled break not inside a nested switch.
   */
  private static boolean breaksOut(Tree tree, String label) {
    boolean[] found = {false};
    new TreeScanner<Void, Integer>() {
      @Override
      public Void visitBreak(BreakTree node, Integer nestedSwitches) {
        if (label == null
            ? node.getLabel() == null && nestedSwitches == 0
            : node.getLabel() != null && node.getLabel().contentEquals(label)) {
          found[0] = true;
        }
        return null;
      }

      @Override
      public Void visitSwitch(SwitchTree node, Integer nestedSwitches) {
        scan(node.getExpression(), nestedSwitches);
        scan(node.getCases(), node == tree ? nestedSwitches : nestedSwitches + 1);
        return null;
      }
    }.scan(tree, 0);
    return found[0];
  }
}
