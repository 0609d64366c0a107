package dev.fibered.fuzzer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays the kept programs under {@code src/test/resources/regressions/}: shrunk failures the
 * fuzzer found (each file is a program as {@link Main} writes it, header line included), checked
 * like any generated program.
 */
class RegressionTest {
  @Test
  void keptProgramsPass() throws IOException, URISyntaxException {
    List<Program> programs = read("/regressions");
    assertFalse(programs.isEmpty(), "no regression programs found");
    Fuzzer.Report report = new Fuzzer.Report();
    try (Fuzzer fuzzer = new Fuzzer(Feature.DEFAULTS, System.out)) {
      fuzzer.check(programs, report);
    }
    System.out.println("regressions: " + report);
    assertTrue(report.failures.isEmpty(), () -> "regressions: " + report);
  }

  static List<Program> read(String resource) throws IOException, URISyntaxException {
    Path dir = Paths.get(RegressionTest.class.getResource(resource).toURI());
    List<Program> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        if (f.toString().endsWith(".java")) {
          out.add(Program.ofSource(Files.readString(f)));
        }
      }
    }
    return out;
  }
}
