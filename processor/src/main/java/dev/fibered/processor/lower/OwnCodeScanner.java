package dev.fibered.processor.lower;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreeScanner;

/**
 * Scans the code a statement runs itself: not the bodies of the lambdas and classes in it, which
 * run as plain Java whenever they are called (a creation's arguments are still scanned).
 */
abstract class OwnCodeScanner<R, P> extends TreeScanner<R, P> {
  @Override
  public R visitLambdaExpression(LambdaExpressionTree node, P p) {
    return null;
  }

  @Override
  public R visitClass(ClassTree node, P p) {
    return null;
  }
}
