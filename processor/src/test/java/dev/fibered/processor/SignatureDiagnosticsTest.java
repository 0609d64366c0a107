package dev.fibered.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.assertSingleError;
import static dev.fibered.processor.Fixtures.compileStrict;
import static dev.fibered.processor.Fixtures.host;
import static dev.fibered.processor.Fixtures.hostClass;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about a {@code @Fibered} method's declaration (validate/SignatureRules): each is
 * reported once, on the method, with its stable id.
 */
class SignatureDiagnosticsTest {
  @Test
  void abstractMethod() {
    JavaFileObject source =
        hostClass(
            "abstract class Host",
            """
            @Fibered
            abstract int noBody();
            """);
    assertSingleError(source, "AbstractMethod", "abstract int noBody();");
  }

  @Test
  void abstractInterfaceMethod() {
    JavaFileObject source =
        Fixtures.source(
            "p.Api",
            """
            package p;

            import dev.fibered.Fibered;

            interface Api {
              @Fibered
              int call(int n);
            }
            """);
    assertSingleError(source, "AbstractMethod", "int call(int n);");
  }

  @Test
  void nativeMethod() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static native int nativeWork(int n);
            """);
    assertSingleError(source, "NativeMethod", "static native int nativeWork(int n);");
  }

  @Test
  void genericMethod() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static <U> U identity(U u) {
              return u;
            }
            """);
    assertSingleError(source, "GenericMethod", "static <U> U identity(U u) {");
  }

  @Test
  void genericHost() {
    JavaFileObject source =
        hostClass(
            "final class Host<T>",
            """
            T value;

            @Fibered
            final int size() {
              return value.hashCode();
            }
            """);
    assertSingleError(source, "GenericHost", "final int size() {");
  }

  @Test
  void staticMethodOfGenericHostIsFine() {
    JavaFileObject source =
        hostClass(
            "final class Host<T>",
            """
            @Fibered
            static int size(List<String> xs) {
              Fiber.yield();
              return xs.size();
            }
            """);
    assertThat(compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void inaccessibleHostPrivateNestedClass() {
    JavaFileObject source =
        host(
            """
            private static final class Hidden {
              @Fibered
              static int inHiddenClass() {
                return 1;
              }
            }
            """);
    assertSingleError(source, "InaccessibleHost", "static int inHiddenClass() {");
  }

  @Test
  void inaccessibleHostInsidePrivateClass() {
    JavaFileObject source =
        host(
            """
            private static final class Hidden {
              static final class Visible {
                @Fibered
                static int deepInside() {
                  return 1;
                }
              }
            }
            """);
    assertSingleError(source, "InaccessibleHost", "static int deepInside() {");
  }

  @Test
  void overridableMethod() {
    JavaFileObject source =
        hostClass(
            "class Host",
            """
            @Fibered
            int mayBeOverridden(int n) {
              return n;
            }
            """);
    assertSingleError(source, "OverridableMethod", "int mayBeOverridden(int n) {");
  }

  @Test
  void privateTypeInSignature() {
    JavaFileObject source =
        host(
            """
            private static final class Secret {}

            @Fibered
            static int takesSecret(Secret s) {
              return s.hashCode();
            }
            """);
    assertSingleError(source, "PrivateMember", "static int takesSecret(Secret s) {");
  }

  @Test
  void privateTypeAsTypeArgumentOfReturnType() {
    JavaFileObject source =
        host(
            """
            private static final class Secret {}

            @Fibered
            static List<Secret> returnsSecrets() {
              return List.of();
            }
            """);
    assertSingleError(source, "PrivateMember", "static List<Secret> returnsSecrets() {");
  }
}
