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
  /** Abstract, interface and overridable methods, and overrides (semantics: functional DispatchTest). */
  @Test
  void abstractInterfaceAndOverridableMethodsCompileCleanly() {
    JavaFileObject source =
        hostClass(
            "abstract class Host",
            """
            @Fibered
            abstract int noBody(int n);

            @Fibered
            int mayBeOverridden(List<String> words) {
              Fiber.yield();
              int size = words.size();
              return size + noBody(1);
            }

            interface Api<T> {
              @Fibered
              T call(T value, int... more);

              @Fibered
              default T twice(T value) {
                T once = call(value);
                return call(once, 1, 2);
              }
            }

            static final class Impl extends Host implements Api<String> {
              @Fibered
              @Override
              int noBody(int n) {
                return n;
              }

              @Fibered
              @Override
              public String call(String value, int... more) {
                Fiber.yieldNow();
                return value + more.length;
              }
            }

            static Api<Integer> lambda() {
              return (value, more) -> value; // a plain implementation: no error
            }
            """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void overrideThatIsNotFibered() {
    JavaFileObject source =
        hostClass(
            "class Host",
            """
            @Fibered
            int work(int n) {
              return n;
            }

            static class Sub extends Host {
              @Override
              int work(int count) {
                return -count;
              }
            }
            """);
    assertSingleError(source, "OverrideNotFibered", "int work(int count) {");
  }

  @Test
  void implementationOfAFiberedInterfaceMethodThatIsNotFibered() {
    JavaFileObject source =
        hostClass(
            "final class Host",
            """
            interface Api {
              @Fibered
              int call(int n);
            }

            static final class Impl implements Api {
              public int call(int n) {
                return n;
              }
            }
            """);
    assertSingleError(source, "OverrideNotFibered", "public int call(int n) {");
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

  /** Generic methods and instance methods of generic classes (semantics: functional GenericsTest). */
  @Test
  void genericMethodsAndGenericHostsCompileCleanly() {
    JavaFileObject source =
        hostClass(
            "final class Host<T extends Comparable<T>>",
            """
            T value;

            @Fibered
            static <U> U identity(U u) {
              Fiber.yield();
              return u;
            }

            @Fibered
            final <U extends Number> T larger(T other, List<U> weights) {
              U first = identity(weights.get(0));
              Fiber.yield();
              return first.intValue() > 0 && value.compareTo(other) > 0 ? value : other;
            }
            """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void innerClassOfAGenericClass() {
    JavaFileObject source =
        hostClass(
            "final class Host<T>",
            """
            final class Inner {
              @Fibered
              final int size() {
                return 1;
              }
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
