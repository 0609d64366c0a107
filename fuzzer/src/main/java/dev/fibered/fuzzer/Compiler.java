package dev.fibered.fuzzer;

import dev.fibered.Fiber;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated programs in-process, many per javac task, with the Fibered processor
 * running as it does in a user's build. A program whose compilation ends in an error diagnostic
 * (in its own source or in the {@code Fibers} class generated for it) or in an exception out of
 * javac is a crash; the others are loaded in a fresh class loader.
 */
final class Compiler {
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  /** The outcome of compiling a batch: a loader for the good programs, and the crashes. */
  static final class Batch implements AutoCloseable {
    final URLClassLoader loader;
    final Map<Program, String> crashes;
    private final Path classes;

    Batch(URLClassLoader loader, Map<Program, String> crashes, Path classes) {
      this.loader = loader;
      this.crashes = crashes;
      this.classes = classes;
    }

    @Override
    public void close() {
      try {
        loader.close();
      } catch (IOException e) {
        // the directory goes anyway
      }
      delete(classes);
    }
  }

  private Compiler() {}

  static Batch compile(List<Program> programs) {
    Path out = tempDir("fuzz-classes");
    Map<Program, String> crashes = new LinkedHashMap<>();
    List<Program> pending = new ArrayList<>(programs);
    while (!pending.isEmpty()) {
      Map<Program, String> failed = attempt(pending, out);
      if (failed.isEmpty()) {
        break;
      }
      crashes.putAll(failed);
      pending.removeAll(failed.keySet());
    }
    try {
      URLClassLoader loader =
          new URLClassLoader(new URL[] {out.toUri().toURL()}, Compiler.class.getClassLoader());
      return new Batch(loader, crashes, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether this JDK's javac crashes on the program's plain source alone, without the processor:
   * then a crash with the processor is javac's bug in the user's own code, not Fibered's (JDK 17's
   * javac fails on some switch expressions with a try inside that stand as operands).
   */
  static boolean plainSourceCrashesJavac(Program p) {
    Path out = tempDir("fuzz-plain");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of("-d", out.toString(), "-classpath", classpath(), "-proc:none", "-nowarn", "-Xlint:none");
      boolean ok = JAVAC.getTask(new StringWriter(), files, diagnostics, options, null, List.of(new Source(p))).call();
      return !ok && diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    } catch (RuntimeException | Error e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(out);
    }
  }

  /**
   * One javac task over {@code programs}; returns the programs it failed for (all of them, if it
   * cannot tell which: each is then compiled alone to find out).
   */
  private static Map<Program, String> attempt(List<Program> programs, Path out) {
    Map<Program, String> failed = new LinkedHashMap<>();
    String error = run(programs, out, failed);
    if (error == null) {
      return failed;
    }
    if (programs.size() == 1) {
      failed.put(programs.get(0), error);
      return failed;
    }
    for (Program p : programs) {
      Path dir = tempDir("fuzz-alone");
      String alone = run(List.of(p), dir, new LinkedHashMap<>());
      delete(dir);
      if (alone != null) {
        failed.put(p, alone);
      }
    }
    if (failed.isEmpty()) {
      // Each compiles alone but not together: blame the batch's first program, not none.
      failed.put(programs.get(0), "fails only in a batch: " + error);
    }
    return failed;
  }

  /**
   * Runs javac; returns null on success, or the error text. Errors that name a program's files go
   * into {@code failed}; an error it cannot attribute (or a javac exception) is returned.
   */
  private static String run(List<Program> programs, Path out, Map<Program, String> failed) {
    Path generated = tempDir("fuzz-generated");
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, Program> byName = new LinkedHashMap<>();
    for (Program p : programs) {
      sources.add(new Source(p));
      byName.put(p.name(), p);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    try (StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-d", out.toString(),
              "-s", generated.toString(),
              "-classpath", classpath(),
              "-g",
              "-nowarn",
              "-Xlint:none");
      JavaCompiler.CompilationTask task = JAVAC.getTask(log, files, diagnostics, options, null, sources);
      task.setProcessors(List.of(processor()));
      boolean ok = task.call();
      String unattributed = null;
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) {
          continue;
        }
        String text = format(d);
        Program owner = d.getSource() == null ? null : owner(d.getSource(), byName);
        if (owner == null) {
          unattributed = unattributed == null ? text : unattributed + "\n" + text;
        } else {
          failed.merge(owner, text, (x, y) -> x + "\n" + y);
        }
      }
      if (!ok && failed.isEmpty()) {
        return unattributed != null ? unattributed : "javac failed without a diagnostic\n" + log;
      }
      return unattributed;
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      return "javac threw " + trace;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(generated);
    }
  }

  /**
   * A new FiberedProcessor, made reflectively: a compile-time reference would make javac look for
   * its {@code @AutoService} annotation's class and warn (an error under -Werror).
   */
  private static Processor processor() {
    try {
      return (Processor)
          Class.forName("dev.fibered.processor.FiberedProcessor").getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("fibered-processor is not on the class path", e);
    }
  }

  private static Program owner(JavaFileObject file, Map<String, Program> byName) {
    String path = file.toUri().getPath();
    String base = path.substring(path.lastIndexOf('/') + 1).replace(".java", "");
    Program p = byName.get(base);
    return p != null ? p : byName.get(base.replaceFirst("Fibers$", ""));
  }

  private static String format(Diagnostic<? extends JavaFileObject> d) {
    String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
    return where + d.getMessage(Locale.ROOT);
  }

  /** The runtime's location: generated code needs it, and nothing else. */
  private static String classpath() {
    try {
      URI runtime = Fiber.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      return Paths.get(runtime).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory tree made by this class (best effort). */
  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the files are temporary
    }
  }

  /** A program's source, in memory. */
  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(Program p) {
      super(URI.create("string:///" + Program.PACKAGE + "/" + p.name() + ".java"), Kind.SOURCE);
      this.code = p.source();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
