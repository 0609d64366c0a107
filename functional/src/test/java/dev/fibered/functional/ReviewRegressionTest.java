package dev.fibered.functional;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The first code review's findings, as programs that must run as fibers like the originals. */
@Timeout(120)
class ReviewRegressionTest {
  @Test
  void generatedImportsNeverShadowTheHostsOnDemandImports() {
    Check.same(CorpusReview::dates, CorpusReviewFibers::dates);
  }

  @Test
  void finalLocalsWithConstantInitializersStayConstants() {
    Check.same(CorpusReview::constants, CorpusReviewFibers::constants);
  }

  @Test
  void siblingJavaLocalsOfOneNameDoNotClash() {
    Check.same(() -> CorpusReview.siblingLocals(true), () -> CorpusReviewFibers.siblingLocals(true));
    Check.same(
        () -> CorpusReview.siblingLocals(false), () -> CorpusReviewFibers.siblingLocals(false));
  }

  @Test
  void enumCaseLabelsStayUnqualified() {
    for (CorpusReview.Color c : CorpusReview.Color.values()) {
      Check.same(() -> CorpusReview.enumLabel(c), () -> CorpusReviewFibers.enumLabel(c));
    }
  }

  @Test
  void staticCallIntoMixedOverloads() {
    Check.same(() -> CorpusReview.mixedOverloads(5), () -> CorpusReviewFibers.mixedOverloads(5));
  }

  @Test
  void primitiveLoopVariableOverIterableIsUnboxedThenWidened() {
    List<Integer> xs = List.of(1, 2, 3);
    List<Character> cs = List.of('a', 'b');
    Check.same(
        () -> CorpusReview.widenedForEach(xs, cs), () -> CorpusReviewFibers.widenedForEach(xs, cs));
  }

  @Test
  void boxedLoopVariableOverPrimitiveArray() {
    Check.same(
        CorpusReview::boxedForEachOverPrimitiveArray,
        CorpusReviewFibers::boxedForEachOverPrimitiveArray);
  }

  @Test
  void hoistedLocalNamedLikeAPackage() {
    Check.same(CorpusReview::packageNamedLocal, CorpusReviewFibers::packageNamedLocal);
  }

  @Test
  void patternVariableEndsWithItsIf() {
    Check.same(
        () -> CorpusReview.patternThenField("abc"),
        () -> CorpusReviewFibers.patternThenField("abc"));
    Check.same(
        () -> CorpusReview.patternThenField(42), () -> CorpusReviewFibers.patternThenField(42));
  }

  @Test
  void receiversOfOneNameInSiblingScopes() {
    List<CorpusReview.Task> tasks = List.of(new CorpusReview.Task(1), new CorpusReview.Task(2));
    List<CorpusReview.Job> jobs = List.of(new CorpusReview.Job(3));
    Check.same(
        () -> CorpusReview.siblingReceivers(tasks, jobs),
        () -> CorpusReviewFibers.siblingReceivers(tasks, jobs));
  }
}
