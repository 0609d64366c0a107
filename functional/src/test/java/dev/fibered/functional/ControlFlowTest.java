package dev.fibered.functional;

import static dev.fibered.functional.Check.same;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fibered.Fiber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Control flow inside @Fibered bodies ({@link CorpusControlFlow}): each method, run as a fiber
 * under every {@link Check.Setup} (1 ns slices with and without other fibers, and a huge slice),
 * returns what the direct call returns.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ControlFlowTest {

  @ParameterizedTest
  @ValueSource(ints = {-5, 0, 3, 9, 10, 1000})
  void ifElseChain(int x) {
    same(() -> CorpusControlFlow.ifElseChain(x), () -> CorpusControlFlowFibers.ifElseChain(x));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 6, 7, 101, 102})
  void ifWithoutBraces(int x) {
    same(
        () -> CorpusControlFlow.ifWithoutBraces(x),
        () -> CorpusControlFlowFibers.ifWithoutBraces(x));
  }

  @Test
  void nestedIfs() {
    int[][] inputs = {{1, 1}, {1, -1}, {1, -11}, {-1, 1}, {-1, -1}, {0, 0}};
    for (int[] in : inputs) {
      same(
          () -> CorpusControlFlow.nestedIfs(in[0], in[1]),
          () -> CorpusControlFlowFibers.nestedIfs(in[0], in[1]));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 100, 1000})
  void whileSum(int n) {
    same(() -> CorpusControlFlow.whileSum(n), () -> CorpusControlFlowFibers.whileSum(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 50})
  void whileBreakContinue(int n) {
    same(
        () -> CorpusControlFlow.whileBreakContinue(n),
        () -> CorpusControlFlowFibers.whileBreakContinue(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 17, 10_000})
  void whileTrueReturn(int n) {
    same(
        () -> CorpusControlFlow.whileTrueReturn(n),
        () -> CorpusControlFlowFibers.whileTrueReturn(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {-7, 0, 4})
  void whileNeverEntered(int n) {
    same(
        () -> CorpusControlFlow.whileNeverEntered(n),
        () -> CorpusControlFlowFibers.whileNeverEntered(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {-3, 0, 1, 25})
  void doWhileRunsOnce(int n) {
    same(
        () -> CorpusControlFlow.doWhileRunsOnce(n),
        () -> CorpusControlFlowFibers.doWhileRunsOnce(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 15})
  void doWhileContinueGoesToTheCondition(int n) {
    same(
        () -> CorpusControlFlow.doWhileContinue(n),
        () -> CorpusControlFlowFibers.doWhileContinue(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1})
  void doWhileContinueWithFalseConditionEnds(int n) {
    same(
        () -> CorpusControlFlow.doWhileContinueFalseCondition(n),
        () -> CorpusControlFlowFibers.doWhileContinueFalseCondition(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10, 5000})
  void doWhileBreak(int n) {
    same(() -> CorpusControlFlow.doWhileBreak(n), () -> CorpusControlFlowFibers.doWhileBreak(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 20, 500})
  void forClassic(int n) {
    same(() -> CorpusControlFlow.forClassic(n), () -> CorpusControlFlowFibers.forClassic(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8})
  void forWithTwoVariablesAndTwoUpdates(int n) {
    same(
        () -> CorpusControlFlow.forTwoVariables(n),
        () -> CorpusControlFlowFibers.forTwoVariables(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 9})
  void forWithoutHeader(int n) {
    same(
        () -> CorpusControlFlow.forWithoutHeader(n),
        () -> CorpusControlFlowFibers.forWithoutHeader(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10, 100})
  void forOverAVariableDeclaredOutside(int n) {
    same(
        () -> CorpusControlFlow.forOuterVariable(n),
        () -> CorpusControlFlowFibers.forOuterVariable(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 33})
  void forContinueRunsTheUpdate(int n) {
    same(
        () -> CorpusControlFlow.forContinueRunsUpdate(n),
        () -> CorpusControlFlowFibers.forContinueRunsUpdate(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 12})
  void loopsWithEmptyBodies(int n) {
    same(
        () -> CorpusControlFlow.forEmptyBodies(n),
        () -> CorpusControlFlowFibers.forEmptyBodies(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 6, 12})
  void nestedLoopsWithLabelledBreakAndContinue(int n) {
    for (int limit : new int[] {0, 5, 20, 1000}) {
      same(
          () -> CorpusControlFlow.nestedLabelled(n, limit),
          () -> CorpusControlFlowFibers.nestedLabelled(n, limit));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 5, 20})
  void labelledWhileAroundDoWhile(int n) {
    same(
        () -> CorpusControlFlow.labelledWhileDoWhile(n),
        () -> CorpusControlFlowFibers.labelledWhileDoWhile(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 5, 8})
  void threeLevelsOfLabelledLoops(int n) {
    same(() -> CorpusControlFlow.threeLevels(n), () -> CorpusControlFlowFibers.threeLevels(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void labelledBlock(int n) {
    same(
        () -> CorpusControlFlow.labelledBlock(n), () -> CorpusControlFlowFibers.labelledBlock(n));
  }

  @Test
  void earlyReturnFromNestedLoops() {
    int[][] grid = {{1, 2, 3}, {}, {4, 5}, {6, 7, 8, 9}};
    for (int target : new int[] {1, 3, 4, 9, 42}) {
      same(
          () -> CorpusControlFlow.findInGrid(grid, target),
          () -> CorpusControlFlowFibers.findInGrid(grid, target));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 8, 50})
  void returnFromDoWhileInsideFor(int n) {
    same(
        () -> CorpusControlFlow.returnFromDoWhileInsideFor(n),
        () -> CorpusControlFlowFibers.returnFromDoWhileInsideFor(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 30})
  void voidReturnFromInsideALoop(int n) {
    List<Integer> expected = new ArrayList<>();
    CorpusControlFlow.voidEarlyReturn(expected, n);
    List<Integer> actual = new ArrayList<>();
    Fiber<Void> f = CorpusControlFlowFibers.voidEarlyReturn(actual, n);
    assertEquals(null, Check.contended(f));
    assertEquals(expected, actual);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 9, 20})
  void tryCatchFinallyCopiedInsideALoop(int n) {
    same(
        () -> CorpusControlFlow.tryCatchInLoop(n),
        () -> CorpusControlFlowFibers.tryCatchInLoop(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 10})
  void returnInsideACopiedTryRunsTheFinally(int n) {
    List<String> expectedLog = new ArrayList<>();
    long expected = CorpusControlFlow.returnInsideCopiedTry(n, expectedLog);
    List<String> log = new ArrayList<>();
    assertEquals(
        expected, Check.contended(CorpusControlFlowFibers.returnInsideCopiedTry(n, log)));
    assertEquals(expectedLog, log);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3})
  void tryWithResources(int n) {
    same(
        () -> CorpusControlFlow.tryWithResources(n),
        () -> CorpusControlFlowFibers.tryWithResources(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10, 100})
  void synchronizedCopiedInsideALoop(int n) {
    same(
        () -> CorpusControlFlow.synchronizedInLoop(n),
        () -> CorpusControlFlowFibers.synchronizedInLoop(n));
  }

  @Test
  void instanceofPatternInACopiedIf() {
    Object[] things = {"abc", 4, "", 2.5, null, 10, "xy"};
    same(
        () -> CorpusControlFlow.instanceofPattern(things),
        () -> CorpusControlFlowFibers.instanceofPattern(things));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 30})
  void conditionsWithSideEffectsRunAsOftenAsInTheOriginal(int n) {
    same(
        () -> CorpusControlFlow.conditionSideEffects(n),
        () -> CorpusControlFlowFibers.conditionSideEffects(n));
  }

  @Test
  void shortCircuitAndConditionalOperators() {
    for (int[] xs : new int[][] {{}, {1, -2, 3}, {-1, -1}, {5}}) {
      same(
          () -> CorpusControlFlow.shortCircuit(xs),
          () -> CorpusControlFlowFibers.shortCircuit(xs));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4})
  void sameNamedLocalsOfDifferentTypesInSiblingScopes(int n) {
    same(
        () -> CorpusControlFlow.siblingLocals(n), () -> CorpusControlFlowFibers.siblingLocals(n));
  }

  @Test
  void localsAndParametersNamedLikeGeneratedMembers() {
    same(
        () -> CorpusControlFlow.generatedNames(3, 4),
        () -> CorpusControlFlowFibers.generatedNames(3, 4));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10})
  void localsAssignedLaterOnEitherBranch(int n) {
    same(
        () -> CorpusControlFlow.assignedLater(n), () -> CorpusControlFlowFibers.assignedLater(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5})
  void arrayLocals(int n) {
    same(() -> CorpusControlFlow.arrayLocals(n), () -> CorpusControlFlowFibers.arrayLocals(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15})
  void parametersReassigned(int n) {
    same(
        () -> CorpusControlFlow.parametersReassigned(n, 7),
        () -> CorpusControlFlowFibers.parametersReassigned(n, 7));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 6})
  void finalParametersAndLocals(int n) {
    same(() -> CorpusControlFlow.finals(n), () -> CorpusControlFlowFibers.finals(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 3, 6})
  void sameLabelOnSiblingStatements(int n) {
    same(() -> CorpusControlFlow.reusedLabels(n), () -> CorpusControlFlowFibers.reusedLabels(n));
  }

  @Test
  void emptyVoidBodies() {
    same(
        () -> {
          CorpusControlFlow.emptyBody();
          return null;
        },
        CorpusControlFlowFibers::emptyBody);
    same(
        () -> {
          CorpusControlFlow.onlyAYield();
          return null;
        },
        CorpusControlFlowFibers::onlyAYield);
  }
}
