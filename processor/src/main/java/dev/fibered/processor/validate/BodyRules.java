package dev.fibered.processor.validate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreeScanner;

/**
 * The constructs a body may not contain at all in this version, reported on each occurrence.
 * Rules that depend on where switch points are (try, switch, synchronized, expressions) are
 * checked while lowering, which knows them.
 */
public final class BodyRules {
  private BodyRules() {}

  /** Reports every offending construct; returns true if the body may be lowered. */
  public static boolean check(MethodTree method, CompilationUnitTree unit, Reporter reporter) {
    int before = reporter.errorCount();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        reporter.error(node, unit, Messages.localClass());
        return null;
      }

      /** An anonymous class is copied; a class declared inside its body is refused as local. */
      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        scan(node.getEnclosingExpression(), null);
        scan(node.getIdentifier(), null);
        scan(node.getTypeArguments(), null);
        scan(node.getArguments(), null);
        if (node.getClassBody() != null) {
          scan(node.getClassBody().getMembers(), null);
        }
        return null;
      }
    }.scan(method.getBody(), null);
    return reporter.errorCount() == before;
  }
}
