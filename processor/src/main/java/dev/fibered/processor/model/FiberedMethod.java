package dev.fibered.processor.model;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Fibered} method as the later stages see it: the element, its body tree, where it
 * lives, and every local variable declaration in the body by name (used to find a receiver's
 * declared type without attributing the body).
 */
public record FiberedMethod(
    ExecutableElement element,
    MethodTree tree,
    TypeElement host,
    SourceFile file,
    Resolver resolver,
    Map<String, List<VariableTree>> localsByName) {

  public boolean isStatic() {
    return element.getModifiers().contains(Modifier.STATIC);
  }

  public String name() {
    return element.getSimpleName().toString();
  }

  /** {@code Host.method}, the default fiber name. */
  public String displayName() {
    return host.getSimpleName() + "." + name();
  }
}
