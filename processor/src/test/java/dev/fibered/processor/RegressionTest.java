package dev.fibered.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.assertSingleError;
import static dev.fibered.processor.Fixtures.compile;
import static dev.fibered.processor.Fixtures.compileStrict;
import static dev.fibered.processor.Fixtures.host;
import static dev.fibered.processor.Fixtures.hostClass;
import static dev.fibered.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Processor bugs found by the compile-testing suite, each kept as a test of the correct behaviour
 * once fixed: generated code that did not compile, valid programs rejected, errors missing.
 */
class RegressionTest {
  private static final String SUM =
      """
      @Fibered
      static long sum(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
          s += i;
        }
        return s;
      }

      """;

  /** The invariant these bugs break: a user never gets a diagnostic in a file they cannot edit. */
  private static void assertNoDiagnosticInGeneratedCode(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getSource() != null) {
        assertThat(d.getSource().getName()).doesNotContain("Fibers.java");
      }
    }
  }

  // ------------------------------------------------------------ accessibility of qualified names

  @Test
  void privateFieldThroughThis() {
    JavaFileObject source =
        host(
            """
            private int secret;

            @Fibered
            final int readsThisSecret() {
              int x = this.secret;
              return x;
            }
            """);
    assertSingleError(source, "PrivateMember", "int x = this.secret;");
  }

  @Test
  void privateStaticFieldThroughTypeName() {
    JavaFileObject source =
        host(
            """
            private static int SECRET;

            @Fibered
            static int readsHostSecret() {
              int x = Host.SECRET;
              return x;
            }
            """);
    assertSingleError(source, "PrivateMember", "int x = Host.SECRET;");
  }

  @Test
  void privateMethodThroughThis() {
    JavaFileObject source =
        host(
            """
            private int hidden() {
              return 1;
            }

            @Fibered
            final int callsThisHidden() {
              int x = this.hidden();
              return x;
            }
            """);
    assertSingleError(source, "PrivateMember", "int x = this.hidden();");
  }

  @Test
  void privateFieldOfAnotherInstanceOfTheHost() {
    JavaFileObject source =
        host(
            """
            private int secret;

            @Fibered
            static int readsOtherSecret(Host other) {
              int x = other.secret;
              return x;
            }
            """);
    assertSingleError(source, "PrivateMember", "int x = other.secret;");
  }

  @Test
  void protectedFieldOfSuperclassInAnotherPackageThroughThis() {
    JavaFileObject base =
        source(
            "p.other.Base",
            """
            package p.other;

            public class Base {
              protected int prot;
            }
            """);
    JavaFileObject source =
        hostClass(
            "final class Host extends p.other.Base",
            """
            @Fibered
            final int readsThisProt() {
              int x = this.prot;
              return x;
            }
            """);
    Compilation compilation = compile(base, source);
    assertThat(compilation)
        .hadErrorContaining("[Fibered/InaccessibleMember]")
        .inFile(source)
        .onLineContaining("int x = this.prot;");
    assertThat(compilation).hadErrorCount(1);
  }

  // ------------------------------------------------------------ valid programs rejected

  @Test
  void fiberedResultAssignedToFieldThroughThisOrTypeName() {
    JavaFileObject source =
        host(
            SUM
                + """
                long total;
                static long TOTAL;

                @Fibered
                final void intoThisField() {
                  this.total = sum(3);
                }

                @Fibered
                static void intoStaticField() {
                  Host.TOTAL = sum(3);
                }
                """);
    assertThat(compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void switchWithConstantCaseLabels() {
    JavaFileObject source =
        host(
            """
            enum Color { RED, GREEN }

            @Fibered
            static int switches(int n, Color c, String s) {
              int r = 0;
              switch (n) {
                case 1:
                  r = 1;
                  break;
                default:
                  r = 2;
              }
              switch (c) {
                case RED -> r++;
                default -> r--;
              }
              int k = switch (s) {
                case "a" -> 7;
                default -> 8;
              };
              Fiber.yield();
              return r + k;
            }
            """);
    assertThat(compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void varLocalThatDoesNotLiveAcrossASwitchPoint() {
    JavaFileObject source =
        host(
            SUM
                + """
                @Fibered
                static long varAfterLastSwitchPoint(int n) {
                  long a = sum(n);
                  var doubled = a * 2;
                  return doubled;
                }
                """);
    assertThat(compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void primitiveForEachOverAFieldThroughThis() {
    JavaFileObject source =
        host(
            """
            int[] data = {1, 2, 3};

            @Fibered
            final int sumThisData() {
              int s = 0;
              for (int x : this.data) {
                s += x;
              }
              return s;
            }
            """);
    assertThat(compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void recordComponentUsedByName() {
    JavaFileObject source =
        source(
            "p.Point",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            record Point(int x, int y) {
              @Fibered
              int sum() {
                Fiber.yield();
                return x + y;
              }
            }
            """);
    assertThat(compileStrict(source)).succeededWithoutWarnings();
  }

  // ------------------------------------------------------------ generated code that does not compile

  @Test
  void parameterNamedLikeAnInheritedMachineConstant() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int suspendParameter(int SUSPEND) {
              int copy = SUSPEND;
              Fiber.yield();
              return copy;
            }
            """);
    assertThat(compileStrict(source)).succeededWithoutWarnings();
  }

  @Test
  void qualifiedInnerClassCreation() {
    JavaFileObject source =
        host(
            """
            final class Inner {}

            @Fibered
            static int createsThroughOuter(Host outer) {
              Inner i = outer.new Inner();
              Fiber.yield();
              return i.hashCode();
            }
            """);
    Compilation compilation = compileStrict(source);
    assertNoDiagnosticInGeneratedCode(compilation);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void importedTypeNamedLikeAGeneratedImport() {
    JavaFileObject objects =
        source(
            "p.other.Objects",
            """
            package p.other;

            public final class Objects {
              public static int tag() {
                return 7;
              }
            }
            """);
    JavaFileObject iterator =
        source(
            "p.other.Iterator",
            """
            package p.other;

            public final class Iterator {
              public static int tag() {
                return 8;
              }
            }
            """);
    JavaFileObject source =
        source(
            "p.Tagged",
            """
            package p;

            import dev.fibered.Fibered;
            import java.util.List;
            import p.other.Iterator;
            import p.other.Objects;

            final class Tagged {
              @Fibered
              final int tags(List<String> xs) {
                int s = Objects.tag() + Iterator.tag();
                for (String x : xs) {
                  s += x.length();
                }
                return s;
              }
            }
            """);
    Compilation compilation = compileStrict(objects, iterator, source);
    assertNoDiagnosticInGeneratedCode(compilation);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void samePackageTypeNamedLikeAGeneratedImport() {
    JavaFileObject objects =
        source(
            "p.Objects",
            """
            package p;

            final class Objects {
              static int tag() {
                return 7;
              }
            }
            """);
    JavaFileObject source =
        source(
            "p.Tagged",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Tagged {
              @Fibered
              final int tag() {
                int s = Objects.tag();
                Fiber.yield();
                return s;
              }
            }
            """);
    Compilation compilation = compileStrict(objects, source);
    assertNoDiagnosticInGeneratedCode(compilation);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void labelReusedAfterACopiedLabelledBlock() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int labels(int n) {
              int s = 0;
              done:
              {
                if (n > 0) {
                  break done;
                }
                s = 1;
              }
              done:
              for (int i = 0; i < n; i++) {
                if (i > 3) {
                  break done;
                }
                s += i;
              }
              return s;
            }
            """);
    Compilation compilation = compileStrict(source);
    assertNoDiagnosticInGeneratedCode(compilation);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void auxiliaryTopLevelHost() {
    JavaFileObject source =
        source(
            "p.Main",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Main {}

            final class Helper {
              @Fibered
              final int work() {
                Fiber.yield();
                return 1;
              }
            }
            """);
    Compilation compilation = compileStrict(source);
    // Either compile cleanly or say, on the host, what to change; never warn in generated code.
    assertNoDiagnosticInGeneratedCode(compilation);
  }

  // ------------------------------------------------------------ errors that are wrong or missing

  @Test
  void privateTypeOfHoistedLocalReportsInternalError() {
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
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("[Fibered/PrivateMember]");
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      assertThat(d.getMessage(null)).doesNotContain("[Fibered/InternalError]");
    }
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void fiberedMethodInLocalClass() {
    JavaFileObject source =
        host(
            """
            static Object make() {
              final class Local {
                @Fibered
                final int inLocalClass() {
                  Fiber.yield();
                  return 1;
                }
              }
              return new Local();
            }
            """);
    assertSingleError(source, "InaccessibleHost", "final int inLocalClass() {");
  }

  @Test
  void fiberedMethodInAnonymousClass() {
    JavaFileObject source =
        host(
            """
            static Object make() {
              return new Object() {
                @Fibered
                final int inAnonymousClass() {
                  Fiber.yield();
                  return 2;
                }
              };
            }
            """);
    assertSingleError(source, "InaccessibleHost", "final int inAnonymousClass() {");
  }

  // Findings of the first code review.

  @Test
  void staticAndInstanceMethodsWhoseFactoriesWouldClash() {
    JavaFileObject source =
        hostClass(
            "final class Host",
            """
            @Fibered
            final int add(int x) {
              Fiber.yield();
              return x;
            }

            @Fibered
            static int add(Host h, int x) {
              Fiber.yield();
              return x + 1;
            }
            """);
    assertSingleError(source, "FactoryClash", "static int add(Host h, int x) {");
  }

  @Test
  void patternVariableInScopeAfterACopiedIf() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int length(Object o) {
              Fiber.yield();
              if (!(o instanceof String s)) {
                return -1;
              }
              return s.length();
            }
            """);
    assertSingleError(source, "PatternBinding", "if (!(o instanceof String s)) {");
  }

  @Test
  void implicitCallOfTheOuterInstancesFiberedMethod() {
    JavaFileObject source =
        host(
            """
            @Fibered
            final int work() {
              Fiber.yield();
              return 1;
            }

            final class Inner {
              @Fibered
              final int viaOuter() {
                int r = work();
                return r;
              }
            }
            """);
    assertSingleError(source, "OuterInstanceMember", "int r = work();");
  }

  @Test
  void recordWithAnExplicitAccessorIsNotReadThroughIt() {
    JavaFileObject source =
        source(
            "p.R",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            record R(int x) {
              public int x() {
                return x * 10;
              }

              @Fibered
              int sum() {
                Fiber.yield();
                return x;
              }
            }
            """);
    assertSingleError(source, "PrivateMember", "return x;");
  }
}
