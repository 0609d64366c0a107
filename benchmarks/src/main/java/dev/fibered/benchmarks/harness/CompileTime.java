package dev.fibered.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compile-time case: javac (this JVM's JDK, as a separate process) on generated sources with
 * {@code methods} {@code @Fibered} methods, once with the processor and once with
 * {@code -proc:none}. The same sources compile both ways: they never name a generated class.
 * Runs alternate, so drift in the machine's load hits both sides alike.
 */
final class CompileTime {
  static final int METHODS_PER_CLASS = 20;

  private CompileTime() {}

  /** {processor seconds per fork..., plain seconds per fork...} as two lists. */
  static List<List<Double>> run(int methods, int forks) {
    try {
      Path root = Files.createTempDirectory("fibered-compile-time");
      Path sources = root.resolve("src");
      List<String> files = generate(sources, methods);
      List<Double> with = new ArrayList<>();
      List<Double> without = new ArrayList<>();
      for (int fork = 0; fork < forks; fork++) {
        with.add(javac(root.resolve("with" + fork), files, true, methods / METHODS_PER_CLASS));
        without.add(javac(root.resolve("without" + fork), files, false, 0));
      }
      delete(root);
      return List.of(with, without);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> generate(Path dir, int methods) throws IOException {
    Path pkg = dir.resolve("gen");
    Files.createDirectories(pkg);
    List<String> files = new ArrayList<>();
    for (int c = 0; c < methods / METHODS_PER_CLASS; c++) {
      StringBuilder src = new StringBuilder();
      src.append("package gen;\n\nimport dev.fibered.Fiber;\nimport dev.fibered.Fibered;\n\n")
          .append("final class Host").append(c).append(" {\n");
      for (int m = 0; m < METHODS_PER_CLASS; m++) {
        src.append("  @Fibered\n  static long m").append(m).append("(int n) {\n")
            .append("    long s = ").append(c * 100 + m).append(";\n")
            .append("    for (int k = 0; k < n; k++) {\n")
            .append("      s += k ^ ").append(m).append(";\n")
            .append("      if ((k & 7) == 0) {\n        Fiber.yield();\n      }\n    }\n")
            .append("    long t = ").append(m == 0 ? "0" : "m" + (m - 1) + "(n - 1)").append(";\n")
            .append("    return s + t;\n  }\n\n");
      }
      src.append("}\n");
      Path file = pkg.resolve("Host" + c + ".java");
      Files.write(file, src.toString().getBytes(StandardCharsets.UTF_8));
      files.add(file.toString());
    }
    return files;
  }

  /** Seconds for one javac; throws if it fails or the processor did not write every class. */
  static double javac(Path out, List<String> files, boolean processor, int expectedGenerated)
      throws IOException {
    Files.createDirectories(out);
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "javac").toString());
    command.add("-d");
    command.add(out.toString());
    command.add("-cp");
    command.add(classPath);
    if (processor) {
      command.add("-processorpath");
      command.add(classPath);
      command.add("-processor");
      command.add("dev.fibered.processor.FiberedProcessor");
    } else {
      command.add("-proc:none");
    }
    command.addAll(files);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).inheritIO().start();
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("javac failed (" + exit + "): " + String.join(" ", command));
    }
    long generated;
    try (Stream<Path> walk = Files.walk(out)) {
      generated = walk.filter(p -> p.getFileName().toString().matches("Host\\d+Fibers\\.class"))
          .count();
    }
    if (generated != expectedGenerated) {
      throw new IllegalStateException("compile time: " + generated + " generated classes, expected "
          + expectedGenerated);
    }
    return seconds;
  }

  static void delete(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile)
          .forEach(File::delete);
    }
  }
}
