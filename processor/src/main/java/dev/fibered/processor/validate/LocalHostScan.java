package dev.fibered.processor.validate;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreeScanner;

/**
 * Finds {@code @Fibered} methods in local and anonymous classes. javac never hands those classes
 * to annotation processors, so without this scan such a method would be silently ignored.
 */
public final class LocalHostScan {
  private LocalHostScan() {}

  public static void check(CompilationUnitTree unit, Reporter reporter) {
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitBlock(BlockTree node, Boolean local) {
        return super.visitBlock(node, true); // a class declared in any block is local
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Boolean local) {
        return super.visitLambdaExpression(node, true);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Boolean local) {
        scan(node.getEnclosingExpression(), local);
        scan(node.getArguments(), local);
        scan(node.getClassBody(), true);
        return null;
      }

      @Override
      public Void visitMethod(MethodTree node, Boolean local) {
        if (local) {
          for (AnnotationTree a : node.getModifiers().getAnnotations()) {
            String name = a.getAnnotationType().toString();
            if (name.equals("Fibered") || name.equals("dev.fibered.Fibered")) {
              reporter.error(node, unit, Messages.localHost());
            }
          }
        }
        return super.visitMethod(node, local);
      }
    }.scan(unit, false);
  }
}
