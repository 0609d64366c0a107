package dev.fibered.fuzzer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CI run of the differential fuzzer: the seeds {@code [fuzz.from, fuzz.from + fuzz.count)}
 * (system properties, set in this module's pom; override them with {@code -Dfuzz.count=...} for a
 * longer run). Every failure is printed with its seed and program, then shrunk and written to
 * {@code target/fuzz-failures/}.
 */
class FuzzTest {
  @Test
  @Timeout(3600)
  void seedRangeHasNoMismatchesAndNoCrashes() throws IOException {
    long from = Long.getLong("fuzz.from", 0);
    long count = Long.getLong("fuzz.count", 200);
    Fuzzer.Report report;
    try (Fuzzer fuzzer = new Fuzzer(Feature.DEFAULTS, System.out)) {
      report = fuzzer.run(from, count);
      Main.keep(fuzzer, report);
    }
    System.out.println("fuzz: seeds [" + from + ", " + (from + count) + "): " + report);
    assertTrue(report.failures.isEmpty(), () -> "fuzz: " + report + "; the programs are printed above");
  }
}
