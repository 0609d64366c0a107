package dev.fibered.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.assertError;
import static dev.fibered.processor.Fixtures.assertSingleError;
import static dev.fibered.processor.Fixtures.compile;
import static dev.fibered.processor.Fixtures.host;
import static dev.fibered.processor.Fixtures.hostClass;
import static dev.fibered.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about constructs in a {@code @Fibered} body that the generated machine, another
 * class, cannot express (lower/JavaPrinter and its helpers): each on the offending line.
 */
class BodyDiagnosticsTest {
  @Test
  void switchPointInsideALambda() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int yieldsInLambda() {
              Supplier<String> s = () -> { Fiber.yield(); return "x"; };
              return s.get().length();
            }
            """);
    assertSingleError(
        source, "SwitchPointInLambda", "Supplier<String> s = () -> { Fiber.yield(); return \"x\"; };");
  }

  @Test
  void lambdasAndMethodReferencesThatCaptureLocalsCompileCleanly() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int size(String s) {
              return s.length();
            }

            @Fibered
            static int usesLambdas(java.util.List<String> words) {
              Supplier<String> s = String::new;
              int k = size("ab");
              Fiber.yield();
              java.util.function.IntSupplier captured = () -> k * 2;
              return s.get().length() + captured.getAsInt() + words.stream().mapToInt(w -> w.length() + k).sum();
            }
            """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  /** Local types are hoisted into the machine (semantics: functional LocalClassesTest). */
  @Test
  void localTypesCompileCleanly() {
    JavaFileObject source =
        host(
            """
            interface Shape { int area(); }

            @Fibered
            static String declaresLocalTypes(int n) {
              record Point(int x, int y) {
                Point {
                  if (x < 0) throw new IllegalArgumentException();
                }
              }
              enum Color { RED, GREEN { @Override public String toString() { return "g"; } } }
              interface Named { String name(); }
              StringBuilder out = new StringBuilder();
              for (int i = 0; i < n; i++) {
                int k = i;
                Fiber.yield();
                class Square implements Shape, Named {
                  final int side = k;
                  @Override public int area() { return side * side; }
                  @Override public String name() { return "sq" + k; }
                }
                class Big extends Square {
                  Big() { super(); }
                  @Override public int area() { return 2 * super.area(); }
                }
                Shape s = new Square();
                Shape t = new Big() {};
                out.append(s.area()).append(t.area());
              }
              Object o = new Object() {
                class Inner { int v = 3; }
                @Override public String toString() { return "" + new Inner().v; }
              };
              Point p = new Point(1, 2);
              Fiber.yield();
              return out + " " + p + Color.GREEN + o;
            }

            @Fibered
            static <T extends Comparable<T>> boolean generic(T a, T b) {
              class Box {
                final T value;
                Box(T value) { this.value = value; }
              }
              Box x = new Box(a);
              Fiber.yield();
              return x.value.compareTo(new Box(b).value) < 0;
            }
            """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  /** Inside a class body, a method name means the body's own (or inherited) method, as in Java. */
  @Test
  void aClassBodysOwnMethodHidesTheHostsFiberedMethod() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int work() {
              Fiber.yield();
              return 1;
            }

            private static int secret;

            @Fibered
            static int hides() {
              abstract class Base {
                int secret = 4;
                int work() { return 2 + this.secret; }
              }
              class Derived extends Base {
                int run() { return work() + this.work(); }
              }
              Supplier<Integer> s = new Supplier<Integer>() {
                int work() { return 3; }
                @Override public Integer get() { return work(); }
              };
              int w = work();
              return w + new Derived().run() + s.get();
            }
            """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void switchPointInALocalClass() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int work() {
              Fiber.yield();
              return 1;
            }

            @Fibered
            static int suspendsInside() {
              class Worker {
                int run() {
                  return work();
                }
              }
              return new Worker().run();
            }
            """);
    assertSingleError(source, "SwitchPointInClassBody", "return work();");
  }

  @Test
  void constructorReferenceToALocalClassThatCaptures() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int makes(int n) {
              int k = n + 1;
              class Counter {
                int value = k;
              }
              Fiber.yield();
              Supplier<Counter> make = Counter::new;
              return make.get().value;
            }
            """);
    assertSingleError(source, "LocalClass", "Supplier<Counter> make = Counter::new;");
  }

  @Test
  void localClassCapturingAVarLocal() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int captures(int n) {
              var k = n + 1;
              class Counter {
                int value = k;
              }
              Fiber.yield();
              return new Counter().value;
            }
            """);
    assertSingleError(source, "VarLocal", "class Counter {");
  }

  /** Anonymous classes are copied (semantics: functional AnonymousClassesTest). */
  @Test
  void anonymousClassCompilesCleanly() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int createsAnonymousClass(int n) {
              int k = n + 1;
              Fiber.yield();
              Supplier<Integer> s = new Supplier<>() {
                int calls;

                @Override
                public Integer get() {
                  calls++;
                  return k + calls + hashCode();
                }
              };
              return s.get();
            }
            """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void switchPointInAnonymousClass() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int work() {
              Fiber.yield();
              return 1;
            }

            @Fibered
            static int suspendsInside() {
              Supplier<Integer> s = new Supplier<>() {
                @Override
                public Integer get() {
                  return work();
                }
              };
              return s.get();
            }
            """);
    assertSingleError(source, "SwitchPointInClassBody", "return work();");
  }

  @Test
  void superReference() {
    JavaFileObject source =
        host(
            """
            @Fibered
            final int callsSuper() {
              int h = super.hashCode();
              return h;
            }
            """);
    assertSingleError(source, "SuperReference", "int h = super.hashCode();");
  }

  @Test
  void qualifiedThisOfEnclosingClass() {
    JavaFileObject source =
        host(
            """
            int field;

            final class Inner {
              @Fibered
              final int readsOuter() {
                Host outer = Host.this;
                return outer.field;
              }
            }
            """);
    assertSingleError(source, "QualifiedThis", "Host outer = Host.this;");
  }

  @Test
  void privateField() {
    JavaFileObject source =
        host(
            """
            private int secret;

            @Fibered
            final int readsPrivateField() {
              int x = secret;
              return x;
            }
            """);
    assertSingleError(source, "PrivateMember", "int x = secret;");
  }

  @Test
  void privateStaticField() {
    JavaFileObject source =
        host(
            """
            private static int SECRET;

            @Fibered
            static int readsPrivateStaticField() {
              int x = SECRET;
              return x;
            }
            """);
    assertSingleError(source, "PrivateMember", "int x = SECRET;");
  }

  @Test
  void privateMethod() {
    JavaFileObject source =
        host(
            """
            private static int hidden() {
              return 1;
            }

            @Fibered
            static int callsPrivateMethod() {
              int x = hidden();
              return x;
            }
            """);
    assertSingleError(source, "PrivateMember", "int x = hidden();");
  }

  @Test
  void privateNestedType() {
    JavaFileObject source =
        host(
            """
            private static final class Nested {
              static int X = 1;
            }

            @Fibered
            static int readsPrivateNestedType() {
              int x = Nested.X;
              return x;
            }
            """);
    assertSingleError(source, "PrivateMember", "int x = Nested.X;");
  }

  @Test
  void privateNestedTypeOfHoistedLocal() {
    JavaFileObject source =
        host(
            """
            private static final class Nested {}

            @Fibered
            static int hoistsLocalOfPrivateType() {
              Nested n = null;
              Fiber.yield();
              return n == null ? 0 : 1;
            }
            """);
    // Only the error itself here: the processor also reports an InternalError today, see
    // RegressionTest.privateTypeOfHoistedLocalReportsInternalError.
    assertError(compile(source), source, "PrivateMember", "Nested n = null;");
  }

  private static final String BASE =
      """
      package p.other;

      public class Base {
        protected int prot;
        protected static int PROT;

        protected int protMethod() {
          return 1;
        }
      }
      """;

  @Test
  void inaccessibleProtectedFieldFromAnotherPackage() {
    JavaFileObject base = source("p.other.Base", BASE);
    JavaFileObject source =
        hostClass(
            "final class Host extends p.other.Base",
            """
            @Fibered
            final int readsInheritedProtectedField() {
              int x = prot;
              return x;
            }
            """);
    Compilation compilation = compile(base, source);
    assertError(compilation, source, "InaccessibleMember", "int x = prot;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void inaccessibleProtectedStaticFieldFromAnotherPackage() {
    JavaFileObject base = source("p.other.Base", BASE);
    JavaFileObject source =
        hostClass(
            "final class Host extends p.other.Base",
            """
            @Fibered
            static int readsInheritedProtectedStaticField() {
              int x = PROT;
              return x;
            }
            """);
    Compilation compilation = compile(base, source);
    assertError(compilation, source, "InaccessibleMember", "int x = PROT;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void inaccessibleProtectedMethodFromAnotherPackage() {
    JavaFileObject base = source("p.other.Base", BASE);
    JavaFileObject source =
        hostClass(
            "final class Host extends p.other.Base",
            """
            @Fibered
            final int callsInheritedProtectedMethod() {
              int x = protMethod();
              return x;
            }
            """);
    Compilation compilation = compile(base, source);
    assertError(compilation, source, "InaccessibleMember", "int x = protMethod();");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void outerInstanceMember() {
    JavaFileObject source =
        host(
            """
            int outerField;

            final class Inner {
              @Fibered
              final int readsOuterField() {
                int x = outerField;
                return x;
              }
            }
            """);
    assertSingleError(source, "OuterInstanceMember", "int x = outerField;");
  }

  @Test
  void outerInstanceMethod() {
    JavaFileObject source =
        host(
            """
            int outerMethod() {
              return 1;
            }

            final class Inner {
              @Fibered
              final int callsOuterMethod() {
                int x = outerMethod();
                return x;
              }
            }
            """);
    assertSingleError(source, "OuterInstanceMember", "int x = outerMethod();");
  }

  @Test
  void innerClassCreation() {
    JavaFileObject source =
        host(
            """
            final class Inner {}

            @Fibered
            static int createsInner() {
              Object i = new Inner();
              return i.hashCode();
            }
            """);
    assertSingleError(source, "InnerClassCreation", "Object i = new Inner();");
  }

  @Test
  void varLocalLivingAcrossSwitchPoint() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long varAcrossYield(int n) {
              var count = n * 2;
              Fiber.yield();
              return count;
            }
            """);
    assertSingleError(source, "VarLocal", "var count = n * 2;");
  }

  @Test
  void varLoopVariableOfLoweredForEach() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long varInForEach(List<String> xs) {
              long s = 0;
              for (var x : xs) {
                s += x.length();
              }
              return s;
            }
            """);
    assertSingleError(source, "VarLocal", "for (var x : xs) {");
  }

  @Test
  void varLocalInsideCopiedStatementIsFine() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long varInCopiedBlock(int n) {
              Fiber.yield();
              if (n > 0) {
                var doubled = n * 2;
                return doubled;
              }
              return 0;
            }
            """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void patternBindingGuardingSwitchPoint() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long pattern(Object o) {
              if (o instanceof Integer i) {
                Fiber.yield();
                return i;
              }
              return 0;
            }
            """);
    assertSingleError(source, "PatternBinding", "if (o instanceof Integer i) {");
  }

  @Test
  void patternBindingInCopiedStatementIsFine() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long patternNoSwitchPoint(Object o) {
              Fiber.yield();
              if (o instanceof String s && !s.isEmpty()) {
                return s.length();
              }
              return 0;
            }
            """);
    assertThat(Fixtures.compileStrict(source)).succeededWithoutWarnings();
  }
}
