package dev.fibered.processor.validate;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors on the element or tree that caused them, and remembers whether any was
 * reported, so that one bad method is abandoned while the rest of the round goes on.
 */
public final class Reporter {
  private final Messager messager;
  private final Trees trees;
  private int errors;

  public Reporter(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  public void error(Element element, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /** Reports on a tree of a method body, so the error points at the offending line. */
  public void error(Tree tree, CompilationUnitTree unit, String message) {
    errors++;
    trees.printMessage(Diagnostic.Kind.ERROR, message, tree, unit);
  }

  /** Returns the number of errors reported so far; compare before and after a step. */
  public int errorCount() {
    return errors;
  }
}
