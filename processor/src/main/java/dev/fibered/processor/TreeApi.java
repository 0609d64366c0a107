package dev.fibered.processor;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's Compiler Tree API behind the wrappers build tools put around the processing
 * environment. Gradle's incremental processing hands isolating processors its own {@code
 * ProcessingEnvironment} that delegates to javac's, Kotlin's kapt does the same, and IDEs use
 * proxies; {@code Trees.instance} refuses all of them. Their delegate sits in a field (of the
 * wrapper, or of the proxy's handler), so each layer is looked through in turn.
 *
 * <p>Only {@code Trees} comes from the unwrapped environment: the processor keeps using the
 * wrapper's {@code Filer} and {@code Messager}, so the build tool still sees every generated file
 * and its originating element.
 */
final class TreeApi {
  /** Wrappers nest rarely, and never deeply; the bound stops a cycle of delegates. */
  private static final int MAX_LAYERS = 8;

  private TreeApi() {}

  /**
   * Returns the trees of {@code env} or of an environment it wraps.
   *
   * @throws IllegalArgumentException what {@code Trees.instance(env)} threw, when no layer is
   *     javac's
   */
  static Trees of(ProcessingEnvironment env) {
    IllegalArgumentException refusal = null;
    ProcessingEnvironment layer = env;
    for (int i = 0; i < MAX_LAYERS && layer != null; i++) {
      try {
        return Trees.instance(layer);
      } catch (IllegalArgumentException e) {
        if (refusal == null) {
          refusal = e;
        }
      }
      layer = delegateOf(layer);
    }
    throw refusal;
  }

  /** The environment {@code wrapper} delegates to, or null if none can be read. */
  private static ProcessingEnvironment delegateOf(ProcessingEnvironment wrapper) {
    Object holder =
        Proxy.isProxyClass(wrapper.getClass()) ? Proxy.getInvocationHandler(wrapper) : wrapper;
    for (Class<?> c = holder.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        Object value = read(field, holder);
        if (value instanceof ProcessingEnvironment && value != wrapper) {
          return (ProcessingEnvironment) value;
        }
      }
    }
    return null;
  }

  private static Object read(Field field, Object holder) {
    try {
      field.setAccessible(true);
      return field.get(holder);
    } catch (RuntimeException | IllegalAccessException e) {
      return null; // a field of a module that does not open it: not the wrapper's delegate
    }
  }
}
