package dev.fibered.processor.validate;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The rules a {@code @Fibered} method's declaration must follow, checked before its body. */
public final class SignatureRules {
  private SignatureRules() {}

  /** Reports every broken rule on the method; returns true if it may be lowered. */
  public static boolean check(ExecutableElement method, Reporter reporter) {
    int before = reporter.errorCount();
    TypeElement host = (TypeElement) method.getEnclosingElement();
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    if (method.getModifiers().contains(Modifier.NATIVE)) {
      reporter.error(method, Messages.nativeMethod());
    }
    if (!isStatic && outerHasTypeParameters(host)) {
      reporter.error(method, Messages.genericHost(host.getSimpleName().toString()));
    }
    if (!reachable(host)) {
      reporter.error(method, Messages.inaccessibleHost(host.toString()));
    }
    List<TypeMirror> types = new ArrayList<>();
    types.add(method.getReturnType());
    for (VariableElement p : method.getParameters()) {
      types.add(p.asType());
    }
    for (TypeMirror type : types) {
      Element privateType = privateType(type);
      if (privateType != null) {
        reporter.error(
            method,
            Messages.privateMember(
                privateType.getSimpleName().toString(),
                privateType.getEnclosingElement().getSimpleName().toString()));
      }
    }
    return reporter.errorCount() == before;
  }

  /**
   * Whether an inner (non-static) host sits in a generic type whose parameters it may use: the
   * machine, a static nested class, could not name them. The host's own parameters are fine.
   */
  private static boolean outerHasTypeParameters(TypeElement type) {
    if (type.getModifiers().contains(Modifier.STATIC) || type.getKind().isInterface()) {
      return false;
    }
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!((TypeElement) e).getTypeParameters().isEmpty()) {
        return true;
      }
      if (e.getModifiers().contains(Modifier.STATIC) || e.getKind().isInterface()) {
        return false; // a static nested type cannot use its outer type's parameters
      }
    }
    return false;
  }

  /** Whether a top-level class in the host's package can name the host. */
  private static boolean reachable(TypeElement host) {
    for (Element e = host; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement t = (TypeElement) e;
      if (t.getNestingKind() == NestingKind.LOCAL
          || t.getNestingKind() == NestingKind.ANONYMOUS
          || t.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a subclass or an implementing class may override the instance method. */
  public static boolean overridable(ExecutableElement method, TypeElement host) {
    if (method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)
        || method.getModifiers().contains(Modifier.FINAL)) {
      return false;
    }
    // javac marks records, and enums whose constants have no bodies, final (JDK 17 and later).
    return host.getKind().isInterface() || !host.getModifiers().contains(Modifier.FINAL);
  }

  private static Element privateType(TypeMirror type) {
    while (type.getKind() == TypeKind.ARRAY) {
      type = ((javax.lang.model.type.ArrayType) type).getComponentType();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    for (Element e = declared.asElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return e;
      }
    }
    for (TypeMirror arg : declared.getTypeArguments()) {
      Element inner = privateType(arg);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }
}
