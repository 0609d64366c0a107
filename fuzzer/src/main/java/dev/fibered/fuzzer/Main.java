package dev.fibered.fuzzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.Set;

/**
 * The long run: {@code Main <from> <to> [+FEATURE|-FEATURE ...]} checks the programs of seeds
 * {@code [from, to)}, prints every failure with its seed and program, shrinks each one, writes the
 * shrunk programs to {@code target/fuzz-failures/} (copy them to
 * {@code src/test/resources/regressions/} to keep them), and ends with the figures. Exits 1 if
 * anything failed.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Main <from> <to> [+FEATURE|-FEATURE ...]");
      System.exit(2);
    }
    long from = Long.parseLong(args[0]);
    long to = Long.parseLong(args[1]);
    Set<Feature> features = EnumSet.copyOf(Feature.DEFAULTS);
    for (int i = 2; i < args.length; i++) {
      Feature f = Feature.valueOf(args[i].substring(1));
      if (args[i].startsWith("+")) {
        features.add(f);
      } else {
        features.remove(f);
      }
    }
    System.out.println("fuzz: seeds [" + from + ", " + to + "), features " + features);
    Fuzzer.Report report;
    try (Fuzzer fuzzer = new Fuzzer(features, System.out)) {
      report = fuzzer.run(from, to - from);
      keep(fuzzer, report);
    }
    System.out.println("fuzz: " + report);
    System.exit(report.failures.isEmpty() ? 0 : 1);
  }

  /** Shrinks each failure and writes the shrunk program under target/fuzz-failures/. */
  static void keep(Fuzzer fuzzer, Fuzzer.Report report) throws IOException {
    Path dir = Paths.get("target", "fuzz-failures");
    Shrinker shrinker = new Shrinker(fuzzer, 400);
    for (Failure f : report.failures) {
      Failure small = shrinker.shrink(f);
      Files.createDirectories(dir);
      Path file = dir.resolve(small.program.name() + ".java");
      Files.writeString(file, small.program.source());
      System.out.println("shrunk " + small.report() + "(written to " + file + ")");
    }
  }
}
