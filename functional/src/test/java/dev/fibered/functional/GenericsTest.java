package dev.fibered.functional;

import static dev.fibered.functional.Check.same;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generic @Fibered methods and generic hosts ({@link CorpusGenerics}), as fibers. */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GenericsTest {
  private static final List<String> WORDS = List.of("pear", "fig", "banana", "kiwi", "apple");

  @Test
  void genericMethodsWithBoundsAndInferredResults() {
    same(() -> CorpusGenerics.describe(WORDS), () -> CorpusGenericsFibers.describe(WORDS));
    same(() -> CorpusGenerics.max(List.of(5, 1, 8)), () -> CorpusGenericsFibers.max(List.of(5, 1, 8)));
  }

  @Test
  void instanceMethodsOfAGenericClass() {
    same(() -> CorpusGenerics.useBox(WORDS), () -> CorpusGenericsFibers.useBox(WORDS));
    same(() -> 3, () -> CorpusGenerics_BoxFibers.addAll(new CorpusGenerics.Box<Integer>(), List.of(1, 2, 3)));
  }
}
