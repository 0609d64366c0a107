package dev.fibered.processor.lower;

import com.palantir.javapoet.ClassName;

/** Class names used by lowered code. */
final class ClassNames {
  static final ClassName VOID = ClassName.get(Void.class);
  static final ClassName ITERATOR = ClassName.get("java.util", "Iterator");
  static final ClassName THROWABLE = ClassName.get("java.lang", "Throwable");

  private ClassNames() {}
}
