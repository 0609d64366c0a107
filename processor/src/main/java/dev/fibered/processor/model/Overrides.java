package dev.fibered.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the {@code @Fibered} methods of supertypes that a method overrides. A type's supertypes,
 * and their own {@code @Fibered} instance methods, are looked up once and kept.
 */
public final class Overrides {
  private final Elements elements;
  private final Types types;
  private final Map<TypeElement, List<ExecutableElement>> inheritable = new HashMap<>();
  private final Map<TypeElement, Set<TypeElement>> supertypes = new HashMap<>();

  public Overrides(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The {@code @Fibered} methods of {@code host}'s supertypes that {@code method} overrides. */
  public List<ExecutableElement> fiberedOverridden(ExecutableElement method, TypeElement host) {
    if (method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)) {
      return List.of();
    }
    List<ExecutableElement> found = new ArrayList<>();
    for (TypeElement supertype : supertypes(host)) {
      for (ExecutableElement candidate : fiberedInstanceMethods(supertype)) {
        if (candidate.getSimpleName().equals(method.getSimpleName())
            && elements.overrides(method, candidate, host)) {
          found.add(candidate);
        }
      }
    }
    return found;
  }

  /** Whether any supertype of {@code host} declares a {@code @Fibered} instance method. */
  public boolean inheritsFiberedMethods(TypeElement host) {
    for (TypeElement supertype : supertypes(host)) {
      if (!fiberedInstanceMethods(supertype).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private List<ExecutableElement> fiberedInstanceMethods(TypeElement type) {
    return inheritable.computeIfAbsent(
        type,
        t -> {
          List<ExecutableElement> methods = new ArrayList<>();
          for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
            if (!m.getModifiers().contains(Modifier.STATIC)
                && !m.getModifiers().contains(Modifier.PRIVATE)
                && FibersNames.isFibered(m)) {
              methods.add(m);
            }
          }
          return methods;
        });
  }

  /** Every proper supertype of {@code type}, classes and interfaces, each once. */
  private Set<TypeElement> supertypes(TypeElement type) {
    return supertypes.computeIfAbsent(
        type,
        t -> {
          Set<TypeElement> all = new LinkedHashSet<>();
          collect(t.asType(), all);
          all.remove(t);
          return all;
        });
  }

  private void collect(TypeMirror type, Set<TypeElement> into) {
    for (TypeMirror s : types.directSupertypes(type)) {
      if (s instanceof DeclaredType) {
        Element e = ((DeclaredType) s).asElement();
        if (e instanceof TypeElement && into.add((TypeElement) e)) {
          collect(s, into);
        }
      }
    }
  }
}
