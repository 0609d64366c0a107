package dev.fibered.functional;

import static dev.fibered.functional.Check.same;
import static dev.fibered.functional.Check.sameFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Switch points inside expressions ({@link CorpusExpressions}): the fiber returns and logs what the
 * direct call does, in the same order, under every scheduling setup.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExpressionsTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 3})
  void operandsAndArgumentsInJavasOrder(int n) {
    same(
        () -> CorpusExpressions.arithmeticAndArguments(n),
        () -> CorpusExpressionsFibers.arithmeticAndArguments(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5})
  void conditionsKeepTheirShortCircuits(int n) {
    same(
        () -> CorpusExpressions.conditionsAndShortCircuits(n),
        () -> CorpusExpressionsFibers.conditionsAndShortCircuits(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void arrayElementsLoopPartsAndSwitchSelectors(int n) {
    same(
        () -> CorpusExpressions.arraysLoopsAndSwitches(n),
        () -> CorpusExpressionsFibers.arraysLoopsAndSwitches(n));
  }

  @Test
  void aThrownExceptionBuiltWithACall() {
    sameFailure(
        () -> CorpusExpressions.throwsWithACall(5), () -> CorpusExpressionsFibers.throwsWithACall(5));
    same(() -> CorpusExpressions.throwsWithACall(1), () -> CorpusExpressionsFibers.throwsWithACall(1));
  }

  @Test
  void aReceiverIsEvaluatedBeforeTheArguments() {
    same(
        () -> CorpusExpressions.receiverThenArguments(4),
        () -> CorpusExpressionsFibers.receiverThenArguments(4));
  }

  @Test
  void compoundAssignmentsToFieldsAndArrayElementsAroundCalls() {
    String expected = new CorpusExpressions.Counter().compoundOnField();
    assertEquals("bump5,after += 5,bump2,after *= 35", expected);
    same(() -> expected, () -> CorpusExpressions_CounterFibers.compoundOnField(new CorpusExpressions.Counter()));
    same(
        () -> CorpusExpressions.compoundOnArrayElements(4),
        () -> CorpusExpressionsFibers.compoundOnArrayElements(4));
  }

  /** {@code a[i()]++} and compound assignments inside larger expressions, in Java's order. */
  @Test
  void incrementsOfElementsAndNestedCompoundAssignments() {
    same(
        () -> CorpusExpressions.incrementsAndNestedCompounds(5),
        () -> CorpusExpressionsFibers.incrementsAndNestedCompounds(5));
  }

  /** A field read before a call that changes it keeps the value Java read. */
  @Test
  void aFieldIsReadBeforeTheCallThatChangesIt() {
    String expected = new CorpusExpressions.Counter().readThenBump();
    assertEquals(
        "bump10,bump100,bump1,old 110 sum 1110 new 111 last 111", expected);
    same(() -> expected, () -> CorpusExpressions_CounterFibers.readThenBump(new CorpusExpressions.Counter()));
  }
}
