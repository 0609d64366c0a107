package dev.fibered.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.tools.JavaFileObject;

/** Shared helpers: compile sources with the processor, build host classes, read generated files. */
final class Fixtures {
  private Fixtures() {}

  /** Compiles with the processor and javac's default options. */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new FiberedProcessor()).compile(sources);
  }

  /** Compiles as a strict user build would: every lint on, warnings are errors. */
  static Compilation compileStrict(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new FiberedProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  /** {@link #compileStrict}, for the given {@code --release}. */
  static Compilation compileStrictAt(int release, JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new FiberedProcessor())
        .withOptions("--release", String.valueOf(release), "-Xlint:all", "-Werror")
        .compile(sources);
  }

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /**
   * {@code p.Host}, a final class whose body is {@code members}, with the imports the diagnostic
   * tests need.
   */
  static JavaFileObject host(String members) {
    return hostClass("final class Host", members);
  }

  /** {@code p.Host} with the given declaration line ({@code "abstract class Host<T>"}, say). */
  static JavaFileObject hostClass(String declaration, String members) {
    String text =
        "package p;\n"
            + "\n"
            + "import dev.fibered.Fiber;\n"
            + "import dev.fibered.Fibered;\n"
            + "import java.util.List;\n"
            + "import java.util.function.Supplier;\n"
            + "\n"
            + declaration
            + " {\n"
            + members.indent(2)
            + "}\n";
    return source("p.Host", text);
  }

  /**
   * Asserts that compiling {@code source} fails with exactly one error, {@code [Fibered/id]}, on
   * the one line of {@code source} that contains {@code line}.
   */
  static Compilation assertSingleError(JavaFileObject source, String id, String line) {
    Compilation compilation = compile(source);
    assertError(compilation, source, id, line);
    assertThat(compilation).hadErrorCount(1);
    return compilation;
  }

  /** Asserts an error {@code [Fibered/id]} on the one line of {@code source} containing {@code line}. */
  static void assertError(Compilation compilation, JavaFileObject source, String id, String line) {
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[Fibered/" + id + "]")
        .inFile(source)
        .onLineContaining(line);
  }

  /** The text of a generated source file. */
  static String generated(Compilation compilation, String qualifiedName) {
    Optional<JavaFileObject> file = compilation.generatedSourceFile(qualifiedName);
    if (file.isEmpty()) {
      throw new AssertionError(
          "no generated source " + qualifiedName + "; generated: " + compilation.generatedSourceFiles());
    }
    try {
      return file.get().getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compares generated text with {@code goldens/<name>}. Run the tests with {@code
   * -Dfibered.updateGoldens=true} to rewrite the goldens in src/test/resources from the current
   * output instead; review the diff before committing it.
   */
  static void assertMatchesGolden(String actual, String name) {
    if (Boolean.getBoolean("fibered.updateGoldens")) {
      try {
        Files.writeString(Path.of("src/test/resources/goldens", name), actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    Truth.assertWithMessage("generated code differs from goldens/%s", name)
        .that(actual)
        .isEqualTo(resource("goldens/" + name));
  }

  /** A test resource as UTF-8 text, such as {@code goldens/JobsFibers.java}. */
  static String resource(String path) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- running compiled code

  /**
   * Runs a generated factory's fiber to completion and returns its result. The slice is the
   * smallest there is, so every scheduling check switches and every resume path is taken.
   */
  static Object runFiber(Class<?> fibers, String factory, Object... args) throws Exception {
    Fiber<?> fiber = (Fiber<?>) call(fibers, factory, null, args);
    Scheduler scheduler = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    scheduler.spawn(fiber);
    scheduler.run();
    return fiber.result();
  }

  /** Calls the method of that name and arity, whatever its access. */
  static Object call(Class<?> type, String name, Object receiver, Object... args) throws Exception {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        method.setAccessible(true);
        return method.invoke(receiver, args);
      }
    }
    throw new AssertionError("no method " + name + " in " + type);
  }

  static Object newInstance(Class<?> type) throws Exception {
    Constructor<?> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  static Object field(Object target, String name) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
  }
}
