package dev.fibered.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.call;
import static dev.fibered.processor.Fixtures.runFiber;
import static dev.fibered.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual dispatch across jars: a library jar declares an abstract {@code @Fibered} method and a
 * fibered caller; an application compiled against the jar alone overrides it. The caller, loaded
 * from the jar by its own class loader, reaches the application's machines, which only the
 * application's class loader can see.
 */
class CrossJarDispatchTest {
  private static final String SHAPE =
      """
      package lib;

      import dev.fibered.Fiber;
      import dev.fibered.Fibered;

      public abstract class Shape {
        @Fibered
        public abstract int area(int scale);

        @Fibered
        public int describe(int scale) {
          Fiber.yield();
          return 1000 + scale;
        }

        @Fibered
        public static int total(Shape[] shapes, int scale) {
          int sum = 0;
          for (Shape s : shapes) {
            int a = s.area(scale);
            int d = s.describe(scale);
            sum = sum * 31 + a + d;
          }
          return sum;
        }
      }
      """;

  private static final String CIRCLE =
      """
      package app;

      import dev.fibered.Fiber;
      import dev.fibered.Fibered;

      public final class Circle extends lib.Shape {
        final int r;

        public Circle(int r) {
          this.r = r;
        }

        @Fibered
        @Override
        public int area(int scale) {
          Fiber.yield();
          return 3 * r * r * scale;
        }

        @Fibered
        @Override
        public int describe(int scale) {
          Fiber.yieldNow();
          return -scale;
        }
      }
      """;

  private static final String SQUARE =
      """
      package app;

      import dev.fibered.Fiber;
      import dev.fibered.Fibered;

      public class Square extends lib.Shape {
        @Fibered
        @Override
        public int area(int scale) {
          Fiber.yieldNow();
          return 4 * scale;
        }
      }
      """;

  @Test
  void aCallerInTheLibraryJarRunsTheApplicationsOverrides(@TempDir Path dir) throws Exception {
    Compilation library = Fixtures.compileStrict(source("lib.Shape", SHAPE));
    assertThat(library).succeededWithoutWarnings();
    Path jar = jar(library, dir.resolve("lib.jar"));

    List<File> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    classpath.add(jar.toFile());
    Compilation application =
        Compiler.javac()
            .withProcessors(new FiberedProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .withClasspath(classpath)
            .compile(source("app.Circle", CIRCLE), source("app.Square", SQUARE));
    assertThat(application).succeededWithoutWarnings();

    try (URLClassLoader libraryLoader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, CrossJarDispatchTest.class.getClassLoader())) {
      ClassLoader applicationLoader = new CompiledClassLoader(application, libraryLoader);
      Class<?> shape = libraryLoader.loadClass("lib.Shape");
      Object shapes = Array.newInstance(shape, 3);
      Array.set(shapes, 0, applicationLoader.loadClass("app.Circle").getConstructor(int.class).newInstance(2));
      Array.set(shapes, 1, applicationLoader.loadClass("app.Square").getConstructor().newInstance());
      Array.set(shapes, 2, applicationLoader.loadClass("app.Circle").getConstructor(int.class).newInstance(5));

      Object direct = call(shape, "total", null, shapes, 3);
      Object fibered = runFiber(libraryLoader.loadClass("lib.ShapeFibers"), "total", shapes, 3);
      assertEquals(direct, fibered);
      assertEquals(((((36 - 3) * 31) + 12 + 1003) * 31) + 225 - 3, fibered);
    }
  }

  /** The compilation's class files, as a jar. */
  private static Path jar(Compilation compilation, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (JavaFileObject f : compilation.generatedFiles()) {
        if (f.getKind() != JavaFileObject.Kind.CLASS) {
          continue;
        }
        String path = f.toUri().getPath();
        out.putNextEntry(new JarEntry(path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length())));
        try (InputStream in = f.openInputStream()) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return jar;
  }
}
