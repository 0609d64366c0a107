package dev.fibered.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.assertError;
import static dev.fibered.processor.Fixtures.compile;
import static dev.fibered.processor.Fixtures.host;
import static dev.fibered.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** One bad method is abandoned; the rest of the round goes on and reports its own errors. */
class ErrorRecoveryTest {
  @Test
  void everyBadMethodInAFileIsReported() {
    JavaFileObject source =
        host(
            """
            private static int secret;

            @Fibered
            static long sum(int n) {
              long s = 0;
              for (int i = 0; i < n; i++) {
                s += i;
              }
              return s;
            }

            @Fibered
            static native int nativeMethod();

            @Fibered
            static int lambda() {
              Supplier<String> s = () -> { Fiber.yield(); return "x"; };
              return s.get().length();
            }

            @Fibered
            static long inExpression(int n) {
              long x = Math.abs(n) + sum(n);
              return x;
            }

            @Fibered
            static int readsSecret() {
              int y = secret;
              return y;
            }

            @Fibered
            static long inSynchronized(int n) {
              long z = 0;
              synchronized (Object.class) {
                z = sum(n);
              }
              return z;
            }
            """);
    Compilation compilation = compile(source);
    assertError(compilation, source, "NativeMethod", "static native int nativeMethod();");
    assertError(compilation, source, "SwitchPointInLambda", "Supplier<String> s = () -> { Fiber.yield(); return \"x\"; };");
    assertError(compilation, source, "SwitchPointInExpression", "long x = Math.abs(n) + sum(n);");
    assertError(compilation, source, "PrivateMember", "int y = secret;");
    assertError(compilation, source, "SwitchPointInSynchronized", "z = sum(n);");
    assertThat(compilation).hadErrorCount(5);
  }

  @Test
  void severalErrorsInOneMethodAreAllReported() {
    JavaFileObject source =
        host(
            """
            private static int secret;

            @Fibered
            static long sum(int n) {
              Fiber.yield();
              return n;
            }

            @Fibered
            static long twoFaults(int n) {
              long a = Math.abs(n) + sum(n);
              long b = n > 0 ? sum(n) : 0;
              int c = secret;
              return a + b + c;
            }
            """);
    Compilation compilation = compile(source);
    assertError(compilation, source, "SwitchPointInExpression", "long a = Math.abs(n) + sum(n);");
    assertError(compilation, source, "SwitchPointInExpression", "long b = n > 0 ? sum(n) : 0;");
    assertError(compilation, source, "PrivateMember", "int c = secret;");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void errorsInSeveralFilesAreAllReported() {
    JavaFileObject first =
        source(
            "p.First",
            """
            package p;

            import dev.fibered.Fibered;

            final class First {
              @Fibered
              static native int first();
            }
            """);
    JavaFileObject second =
        source(
            "p.Second",
            """
            package p;

            import dev.fibered.Fibered;

            class Second {
              @Fibered
              int second() {
                return 2;
              }

              static final class Sub extends Second {
                @Override
                int second() { return 3; }
              }
            }
            """);
    Compilation compilation = compile(first, second);
    assertError(compilation, first, "NativeMethod", "static native int first();");
    assertError(compilation, second, "OverrideNotFibered", "int second() { return 3; }");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void oneBadMethodAndOneGoodMethodReportOnlyTheBadOne() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long good(int n) {
              long s = 0;
              for (int i = 0; i < n; i++) {
                s += i;
              }
              Fiber.yield();
              return s;
            }

            @Fibered
            static int bad() {
              Supplier<String> s = () -> { Fiber.yield(); return "x"; };
              return s.get().length();
            }
            """);
    Compilation compilation = compile(source);
    assertError(compilation, source, "SwitchPointInLambda", "Supplier<String> s = () -> { Fiber.yield(); return \"x\"; };");
    assertThat(compilation).hadErrorCount(1);
    // The good method is still generated; the bad one gets factories that throw, no machine.
    String fibers = sourcesWrittenBy(source).get("p.HostFibers");
    assertThat(fibers).isNotNull();
    assertThat(fibers).contains("static Fiber<Long> good(int n)");
    assertThat(fibers).contains("static Fiber<Integer> bad()");
    assertThat(fibers).contains("static Machine<Integer> bad$machine()");
    assertThat(fibers).contains("Host.bad has a compile error");
    assertThat(fibers).doesNotContain("class BadMachine");
  }

  @Test
  void aFiberedCallerInAnotherFileSeesOnlyTheRealError() {
    JavaFileObject callee =
        host(
            """
            @Fibered
            static int bad() {
              Supplier<String> s = () -> { Fiber.yield(); return "x"; };
              return s.get().length();
            }
            """);
    JavaFileObject caller =
        source(
            "p.Caller",
            """
            package p;

            import dev.fibered.Fibered;

            final class Caller {
              @Fibered
              static int callsBad() {
                int n = Host.bad();
                return n + 1;
              }
            }
            """);
    Compilation compilation = compile(callee, caller);
    assertError(compilation, callee, "SwitchPointInLambda", "Supplier<String> s = () -> { Fiber.yield(); return \"x\"; };");
    // No "cannot find symbol bad$machine" in CallerFibers.java, a file the user cannot edit.
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void goodMethodOrderDoesNotMatter() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int bad() {
              Supplier<String> s = () -> { Fiber.yield(); return "x"; };
              return s.get().length();
            }

            @Fibered
            static long good(int n) {
              Fiber.yieldNow();
              return n;
            }
            """);
    Compilation compilation = compile(source);
    assertError(compilation, source, "SwitchPointInLambda", "Supplier<String> s = () -> { Fiber.yield(); return \"x\"; };");
    assertThat(compilation).hadErrorCount(1);
    assertThat(sourcesWrittenBy(source).get("p.HostFibers"))
        .contains("static Fiber<Long> good(int n)");
  }

  @Test
  void aHostWithOnlyBadMethodsGetsOnlyThrowingFactories() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static int bad() {
              Supplier<String> s = () -> { Fiber.yield(); return "x"; };
              return s.get().length();
            }
            """);
    String fibers = sourcesWrittenBy(source).get("p.HostFibers");
    assertThat(fibers).contains("Host.bad has a compile error");
    assertThat(fibers).doesNotContain("Machine extends");
  }

  /**
   * The source files the processor writes, by class name, even when the compilation fails
   * (compile-testing hides generated files of a failed compilation).
   */
  private static Map<String, String> sourcesWrittenBy(JavaFileObject... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, StringWriter> written = new TreeMap<>();
    StandardJavaFileManager standard =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    JavaFileManager manager =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
            if (kind != JavaFileObject.Kind.SOURCE) {
              return new SimpleJavaFileObject(uri, kind) {
                @Override
                public OutputStream openOutputStream() {
                  return OutputStream.nullOutputStream();
                }
              };
            }
            StringWriter writer = new StringWriter();
            written.put(className, writer);
            return new SimpleJavaFileObject(uri, kind) {
              @Override
              public Writer openWriter() {
                return writer;
              }

              @Override
              public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return writer.toString();
              }
            };
          }
        };
    JavaCompiler.CompilationTask task =
        javac.getTask(null, manager, diagnostics, List.of("-proc:only"), null, List.of(sources));
    task.setProcessors(List.of(new FiberedProcessor()));
    task.call();
    Map<String, String> result = new TreeMap<>();
    written.forEach((name, writer) -> result.put(name, writer.toString()));
    return result;
  }
}
