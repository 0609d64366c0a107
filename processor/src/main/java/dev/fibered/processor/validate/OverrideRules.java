package dev.fibered.processor.validate;

import dev.fibered.processor.model.FibersNames;
import dev.fibered.processor.model.Overrides;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * A method of a class compiled here that overrides a {@code @Fibered} method must be {@code
 * @Fibered} too: a fiber calling the overridden method on that class reaches it by dispatch, and a
 * method that is not a machine could only run there as a plain call, which cannot suspend its
 * fiber or be time-sliced. Lambdas and anonymous classes cannot be marked and are left alone: they
 * run as plain calls (see the runtime's {@code Dispatch}).
 */
public final class OverrideRules {
  private OverrideRules() {}

  /** Reports every such method of {@code type} and of its member types. */
  public static void check(TypeElement type, Overrides overrides, Reporter reporter) {
    if (overrides.inheritsFiberedMethods(type)) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (FibersNames.isFibered(method)) {
          continue;
        }
        List<ExecutableElement> overridden = overrides.fiberedOverridden(method, type);
        if (!overridden.isEmpty()) {
          ExecutableElement first = overridden.get(0);
          Element owner = first.getEnclosingElement();
          reporter.error(
              method, Messages.overrideNotFibered(owner.getSimpleName() + "." + first.getSimpleName()));
        }
      }
    }
    for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
      check(member, overrides, reporter);
    }
  }
}
