package dev.fibered.functional;

import static dev.fibered.functional.Check.same;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Anonymous classes in @Fibered bodies ({@link CorpusAnonymous}), as fibers. */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnonymousClassesTest {
  @Test
  void capturesALocalThatLivesAcrossASwitchPoint() {
    List<String> words = List.of("pear", "fig", "apple");
    same(() -> CorpusAnonymous.sortedBy(words, true), () -> CorpusAnonymousFibers.sortedBy(words, true));
    same(() -> CorpusAnonymous.sortedBy(words, false), () -> CorpusAnonymousFibers.sortedBy(words, false));
  }

  @Test
  void eachInstanceSeesTheValueOfItsOwnIteration() {
    same(() -> CorpusAnonymous.perIteration(4), () -> CorpusAnonymousFibers.perIteration(4));
  }

  @Test
  void ownMembersSupertypeMembersThisAndHostFields() {
    same(() -> new CorpusAnonymous().counters(5), () -> CorpusAnonymousFibers.counters(new CorpusAnonymous(), 5));
  }
}
