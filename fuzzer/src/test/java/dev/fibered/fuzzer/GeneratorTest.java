package dev.fibered.fuzzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    for (long seed = 0; seed < 200; seed++) { // the CI range (FuzzTest)
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
      "\\? (o\\.|this\\.|b\\d+\\.)?(m\\d|op|tag)\\([^;]* : ", // a ?: branch
      "switch \\((o\\.|this\\.)?m\\d\\(", // a switch on a call
      "case \"s\\d\":",
      "IntUnaryOperator g\\d+ = z\\d+ -> ",
      "::plus;",
      "Runnable r\\d+ = \\(\\) -> ",
      "q\\.add\\(\\(\\) -> ",
      "= pick\\(t, ",
      "= larger\\(t, ",
      "final int c\\d+ = i\\d+;", // a lambda capturing a loop's value
      // DISPATCH
      "(?m)^  abstract static class Base \\{",
      "(?m)^  interface Base \\{",
      "(?m)^    default \\w+ tag\\(",
      "(?m)^  static class D1 extends Base \\{",
      "(?m)^  static final class D2 extends D1 \\{",
      "@Override\n    public \\w+ op\\(",
      "return \\(t, d, a\\) -> ",
      "b\\d+\\.op\\(t, d - 1, ",
      "b\\d+\\.tag\\(t, d - 1, ",
      // ANONYMOUS_CLASSES
      "IntSupplier n\\d+ = new IntSupplier\\(\\) \\{",
      "Runnable r\\d+ = new Runnable\\(\\) \\{",
      "q\\.add\\(new IntSupplier\\(\\) \\{",
      "Base b\\d+ = new Base\\(-?\\d*\\) \\{",
      // SWITCH_EXPRESSIONS
      "(?m)^ *(int|long|String) x\\d+ = switch \\(",
      "(?m)^ *return switch \\(",
      "t\\.add\\(\"w\\d+ \" \\+ switch \\(",
      "\\(t, d - 1, switch \\(",
      "switch \\((o\\.|this\\.)?m\\d\\(t, d - 1, [^\\n]*\\{\\n *case [^\\n]* -> ",
      "(?m)^ *case [^\\n]* -> switch \\(",
      "(?m)^ *default -> \\{",
      "(?m)^ *case [^\\n]*:\\n( .*\\n)*? *yield ",
      "try \\{\\n *yield ",
      // NESTED_ASSIGNMENTS
      "\\[\\(int\\) idx\\((\\(int\\) )?(o\\.|this\\.|b\\d+\\.)?(m\\d|op|tag)\\([^;]*\\)\\](\\+\\+|--)",
      "(\\+\\+|--)\\w+(\\.f\\d)?\\[\\(int\\) idx\\(",
      " \\+ \\((this\\.)?\\w+(\\[[^;]*\\])? [-+*^|/%]= (o\\.|this\\.|b\\d+\\.)?(m\\d|op|tag)\\(",
      " - \\((this\\.)?\\w+(\\[[^;]*\\])? [-+*^|/%]= ",
      // LOCAL_CLASSES
      "(?m)^ *record Rc\\d+\\(",
      "(?m)^ *Rc\\d+ \\{\\n *if \\(y\\d+ > \\d+\\) \\{\\n *throw new A\\(", // a compact constructor's check
      "= Rc\\d+\\.h\\d+\\(", // a record's static factory
      "\\.equals\\(new Rc\\d+\\(x\\d+\\.y\\d+\\(\\), ",
      "(?m)^ *final int y\\d+ = [a-z]+\\d+ \\+ ", // a field initializer naming a captured local
      "(?m)^ *class Lc\\d+ implements IntSupplier \\{\\n *final int y\\d+ = (c|v)\\d+ \\* 10", // a loop's value
      "(?m)^ *class Sb\\d+ extends Lc\\d+ \\{",
      "(?m)^ *Lc\\d+ x\\d+ = new Sb\\d+\\(",
      "return super\\.h\\d+\\(z\\d+ \\+ 1\\)",
      " \\+ x\\d+\\.h\\d+\\(z\\d+\\);", // a class's method calling a captured instance's
      "(?m)^ *interface It\\d+ \\{",
      "(?m)^ *It\\d+ x\\d+ = z\\d+ -> ",
      "(?m)^ *enum En\\d+ \\{",
      "(?m)^ *(LO|MID|HI)\\(-?\\d+\\) \\{\\n *@Override",
      "switch \\(x\\d+\\) \\{\\n *case (LO|MID|HI):",
      "= switch \\(x\\d+\\) \\{\\n *case (LO|MID|HI) -> ",
      "new (Rc|Lc|Sb)\\d+\\([^;]*(o\\.|this\\.)?m\\d\\(t, d - 1", // a switch point in a constructor's argument
      "x\\d+\\.h\\d+\\((\\(int\\) )?(o\\.|this\\.|b\\d+\\.)?(m\\d|op|tag)\\(t, d - 1",
      "List<(Rc|Lc|Sb|En|It)\\d+> x\\d+ = new ArrayList<>\\(\\);",
      "for \\((Rc|Lc|Sb|En|It)\\d+ x\\d+ : x\\d+\\) \\{",
      "Supplier<String> s\\d+ = \\(\\) -> \\{\\n *(record|class|enum) ",
      "public void run\\(\\) \\{\\n *(record|class|enum) ",
      // LOCAL_CLASS_NAMES: a parameter hiding a local, a parameter hiding d
      "(?m)^ *int h\\d+\\(int x\\d+\\) \\{",
      "(?m)^ *int h\\d+\\(int d\\) \\{",
    };
    for (String construct : constructs) {
      assertTrue(
          java.util.regex.Pattern.compile(construct).matcher(source).find(),
          () -> "no program of seeds 0..199 has " + construct);
    }
  }

  /** {@link Feature#LOCAL_CLASS_NAMES}: some method declares two local types of one name. */
  @Test
  void someMethodDeclaresTwoLocalTypesOfOneName() {
    Pattern declaration = Pattern.compile("(?m)^ *(?:record|class|interface|enum) ((?:Rc|Lc|Sb|It|En)\\d+)\\b");
    int programs = 0;
    for (long seed = 0; seed < 200; seed++) {
      Matcher m = declaration.matcher(new ProgramGenerator(seed).generate().source());
      Set<String> names = new HashSet<>();
      boolean twice = false;
      while (m.find()) {
        twice |= !names.add(m.group(1)); // fresh names are unique in a program: only a reuse repeats
      }
      programs += twice ? 1 : 0;
    }
    assertTrue(programs > 0, "no program of seeds 0..199 declares two local types of one name");
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
