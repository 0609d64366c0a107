package dev.fibered.fuzzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shrinker on a failure we can make on purpose: a switch point inside synchronized, which the
 * processor rejects by design. The shrunk program is smaller and fails with the same diagnostic.
 */
class ShrinkerTest {
  @Test
  void shrinksWhileTheSameDiagnosticStays() {
    Set<Feature> features = EnumSet.copyOf(Feature.DEFAULTS);
    features.add(Feature.SYNCHRONIZED_WITH_SWITCH_POINTS);
    try (Fuzzer fuzzer = new Fuzzer(features, new PrintStream(OutputStream.nullOutputStream()))) {
      Failure original = null;
      for (long seed = 0; original == null; seed++) {
        Program p = new ProgramGenerator(seed, features).generate();
        if (p.source().contains("synchronized (")) {
          original = fuzzer.checkOne(p);
        }
      }
      assertNotNull(original);
      Failure small = new Shrinker(fuzzer, 40).shrink(original);
      assertEquals(Shrinker.signature(original), Shrinker.signature(small));
      assertEquals("CRASH [Fibered/SwitchPointInSynchronized]", Shrinker.signature(small));
      assertTrue(
          small.program.source().length() < original.program.source().length(),
          () -> "not smaller:\n" + small.program.source());
    }
  }
}
