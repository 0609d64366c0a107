package dev.fibered.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The names of generated classes and methods: the contract between caller and callee files. */
public final class FibersNames {
  public static final String FIBERED = "dev.fibered.Fibered";
  public static final String FIBER = "dev.fibered.Fiber";
  public static final ClassName FIBER_CLASS = ClassName.get("dev.fibered", "Fiber");
  public static final ClassName MACHINE_CLASS = ClassName.get("dev.fibered", "Machine");
  public static final ClassName SOURCE_MAP_CLASS = ClassName.get("dev.fibered", "SourceMap");

  private FibersNames() {}

  /** {@code Foo} gives {@code FooFibers}; nested {@code Outer.Inner} gives {@code Outer_InnerFibers}. */
  public static ClassName fibersClass(Elements elements, TypeElement host) {
    PackageElement pkg = elements.getPackageOf(host);
    StringBuilder simple = new StringBuilder(host.getSimpleName());
    for (Element e = host.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      simple.insert(0, e.getSimpleName() + "_");
    }
    return ClassName.get(pkg.getQualifiedName().toString(), simple + "Fibers");
  }

  /**
   * The generated static method that returns an unstarted machine for a method, which fibered
   * callers push onto their own fiber. The {@code $} keeps it apart from the user's own names.
   */
  public static String machineFactory(ExecutableElement method) {
    return method.getSimpleName() + "$machine";
  }

  public static boolean isFibered(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(
            m ->
                ((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(FIBERED));
  }
}
