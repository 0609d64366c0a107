package dev.fibered.fuzzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  @Test
  void sameSeedSameProgram() {
    assertEquals(new ProgramGenerator(7).generate().source(), new ProgramGenerator(7).generate().source());
    assertNotEquals(new ProgramGenerator(7).generate().source(), new ProgramGenerator(8).generate().source());
  }

  @Test
  void sourceReadsBackWithItsSeedAndEntries() {
    Program p = new ProgramGenerator(12).generate();
    Program back = Program.ofSource(p.source());
    assertEquals(p.source(), back.source());
    assertEquals(12, back.seed());
    assertEquals(p.name(), back.name());
    assertEquals(p.entries, back.entries);
  }

  /**
   * Each construct of the newer flags shows up in the CI range's programs (the fuzz run itself
   * only says that nothing failed, not what was tried).
   */
  @Test
  void defaultProgramsHoldEveryNewConstruct() {
    StringBuilder all = new StringBuilder();
    for (long seed = 0; seed < 100; seed++) {
      all.append(new ProgramGenerator(seed).generate().source());
    }
    String source = all.toString();
    String[] constructs = {
      "(?m)^  (final )?(int|long|String|void) m\\d\\(", // an instance @Fibered method
      "o\\.m\\d\\(t, d - 1", // a static method calling an instance one
      "this\\.m\\d\\(t, d - 1", // and an instance method calling another explicitly on this
      "static void m\\d\\(",
      "\\] [-+*^|/%]= (o\\.|this\\.)?m\\d\\(", // a[i] op= f()
      "(?m)^ *(this\\.)?f\\d [-+*^|/%]= (o\\.|this\\.)?m\\d\\(", // a field op= f()
      "\\[\\(int\\) idx\\((\\(int\\) )?(o\\.|this\\.)?m\\d\\(", // a[idx(i())] op= f()
      "Math\\.max\\(.*, (\\(int\\) )?(o\\.|this\\.)?m\\d\\(", // a plain call's argument
      "\\? (o\\.|this\\.)?m\\d\\([^;]* : ", // a ?: branch
      "switch \\((o\\.|this\\.)?m\\d\\(", // a switch on a call
      "case \"s\\d\":",
      "IntUnaryOperator g\\d+ = z\\d+ -> ",
      "::plus;",
      "Runnable r\\d+ = \\(\\) -> ",
      "q\\.add\\(\\(\\) -> ",
      "= pick\\(t, ",
      "= larger\\(t, ",
    };
    for (String construct : constructs) {
      assertTrue(
          java.util.regex.Pattern.compile(construct).matcher(source).find(),
          () -> "no program of seeds 0..99 has " + construct);
    }
  }

  /**
   * The flag that is off works: switched on, it generates what the processor rejects (by design),
   * and nothing else is rejected.
   */
  @Test
  void switchPointsInSynchronizedAreBehindAFlag() {
    Set<Feature> on = EnumSet.copyOf(Feature.DEFAULTS);
    on.add(Feature.SYNCHRONIZED_WITH_SWITCH_POINTS);
    List<Program> programs = new ArrayList<>();
    for (long seed = 0; seed < 30; seed++) {
      programs.add(new ProgramGenerator(seed, on).generate());
    }
    try (Compiler.Batch batch = Compiler.compile(programs)) {
      assertTrue(
          batch.crashes.values().stream().anyMatch(e -> e.contains("[Fibered/SwitchPointInSynchronized]")),
          () -> "no program had a switch point inside synchronized: " + batch.crashes.values());
      assertTrue(
          batch.crashes.values().stream().allMatch(e -> e.contains("[Fibered/SwitchPointInSynchronized]")),
          () -> "other errors: " + batch.crashes.values());
    }
  }
}
