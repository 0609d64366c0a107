package dev.fibered.functional;

import static dev.fibered.functional.Check.runUntilWaiting;
import static dev.fibered.functional.Check.same;
import static dev.fibered.functional.Check.sameFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Lock;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lowered try statements ({@link CorpusTry}): the fiber logs and returns what the direct call does
 * under every scheduling setup, exceptions from callees and from the runtime are caught where Java
 * would catch them, and finally blocks run once, in order, on every way out.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TryTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void catchAroundACallThatThrowsAfterSuspending(int n) {
    same(() -> CorpusTry.catchAroundCall(n), () -> CorpusTryFibers.catchAroundCall(n));
    assertEquals(
        n == 1 ? "try,caught odd 1,finally,after" : "try,value 0,finally,after",
        CorpusTry.catchAroundCall(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void switchPointsInsideCatchAndFinallyBlocks(int n) {
    same(
        () -> CorpusTry.switchPointsInCatchAndFinally(n),
        () -> CorpusTryFibers.switchPointsInCatchAndFinally(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void aFailingCloseReplacesABreakOutOfTryWithResources(int n) {
    same(() -> CorpusTry.breakThroughAFailingClose(n), () -> CorpusTryFibers.breakThroughAFailingClose(n));
  }

  @Test
  void anExceptionCrossesNestedCallsAndTheirFinallyBlocks() {
    same(() -> CorpusTry.acrossTwoCalls(3), () -> CorpusTryFibers.acrossTwoCalls(3));
    same(() -> CorpusTry.acrossTwoCalls(4), () -> CorpusTryFibers.acrossTwoCalls(4));
    assertEquals("middle finally 3,outer caught odd 3", CorpusTry.acrossTwoCalls(3));
  }

  @Test
  void theReturnedValueIsTakenBeforeTheFinallyBlockRuns() {
    same(
        () -> CorpusTry.returnValueIsTakenBeforeFinally(7),
        () -> CorpusTryFibers.returnValueIsTakenBeforeFinally(7));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 20})
  void returnRunsEveryFinallyItCrossesInnermostFirst(int n) {
    same(
        () -> CorpusTry.logOfReturnThroughNestedFinallies(n),
        () -> CorpusTryFibers.logOfReturnThroughNestedFinallies(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 5})
  void breakAndContinueRunTheFinallyBlock(int n) {
    same(
        () -> CorpusTry.breakAndContinueThroughFinally(n),
        () -> CorpusTryFibers.breakAndContinueThroughFinally(n));
  }

  @Test
  void anExceptionFromTheFinallyBlockReplacesThePendingOne() {
    Throwable t =
        sameFailure(
            () -> CorpusTry.finallyThrowReplaces(2), () -> CorpusTryFibers.finallyThrowReplaces(2));
    assertInstanceOf(CorpusTry.Fizz.class, t);
    sameFailure(
        () -> CorpusTry.finallyThrowReplaces(0), () -> CorpusTryFibers.finallyThrowReplaces(0));
  }

  @Test
  void aReturnInTheFinallyBlockDiscardsThePendingException() {
    same(() -> CorpusTry.finallyReturnDiscards(3), () -> CorpusTryFibers.finallyReturnDiscards(3));
  }

  @Test
  void multiCatchAndCatchOrder() {
    same(() -> CorpusTry.multiCatch(7), () -> CorpusTryFibers.multiCatch(7));
    for (int n = 0; n < 6; n += 2) {
      int i = n;
      same(
          () -> CorpusTry.multiCatchCommonSuperclass(i),
          () -> CorpusTryFibers.multiCatchCommonSuperclass(i));
    }
  }

  @Test
  void aCatchBlockThatThrowsFailsTheFiberLikeTheDirectCall() {
    Throwable t =
        sameFailure(() -> CorpusTry.rethrowWrapped(5), () -> CorpusTryFibers.rethrowWrapped(5));
    assertInstanceOf(CorpusTry.Boom.class, t.getCause());
    same(() -> CorpusTry.rethrowWrapped(4), () -> CorpusTryFibers.rethrowWrapped(4));
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 100_000})
  void aPreemptedLoopInsideATry(int n) {
    same(() -> CorpusTry.loopInsideTry(n), () -> CorpusTryFibers.loopInsideTry(n));
  }

  @Test
  void exceptionsTheJvmThrowsAreCaught() {
    int[] values = {4, 0};
    for (int index = 0; index < 3; index++) {
      int i = index;
      same(() -> CorpusTry.jvmExceptions(values, i), () -> CorpusTryFibers.jvmExceptions(values, i));
    }
  }

  @Test
  void aFinallyBlockRunsAndTheExceptionGoesOn() {
    List<String> direct = new ArrayList<>();
    assertThrows(CorpusTry.Boom.class, () -> CorpusTry.finallyOnly(3, direct));
    List<String> log = new ArrayList<>();
    Fiber<Integer> f = CorpusTryFibers.finallyOnly(3, log);
    assertThrows(CorpusTry.Boom.class, () -> Check.contended(f));
    assertEquals(direct, log);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void resourcesAreClosedInReverseOrderWithSuppressedFailures(int n) {
    same(() -> CorpusTry.resources(n, false), () -> CorpusTryFibers.resources(n, false));
    same(() -> CorpusTry.resources(n, true), () -> CorpusTryFibers.resources(n, true));
    assertTrue(CorpusTry.resources(1, true).contains("caught odd 1 suppressed 1"));
  }

  @Test
  void anExistingVariableAsTheResource() {
    List<String> direct = new ArrayList<>();
    String expected = CorpusTry.resourceVariable(direct);
    List<String> log = new ArrayList<>();
    assertEquals(expected, Check.contended(CorpusTryFibers.resourceVariable(log)));
    assertEquals(direct, log);
    assertEquals(List.of("open r", "close r"), log);
  }

  // ------------------------------------------------------------------ raised by the runtime

  @Test
  void cancellingAFiberRunsItsFinallyBlock() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<String> f = s.spawn(CorpusTryFibers.cleanupOnCancel(log));
    runUntilWaiting(s, f);
    assertTrue(f.cancel());
    s.run();
    assertEquals(List.of("sleeping", "finally"), log);
    assertEquals(Fiber.State.CANCELLED, f.state());
    assertThrows(CancellationException.class, f::result);
  }

  @Test
  void aFiberMayCatchItsCancellationButCannotWaitAgain() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<String> f = s.spawn(CorpusTryFibers.catchesCancellation(log));
    runUntilWaiting(s, f);
    f.cancel();
    s.run();
    assertEquals(List.of("caught", "goes on", "caught again"), log);
    assertEquals("survived", f.result());
    assertEquals(Fiber.State.DONE, f.state());
    assertTrue(f.isCancelled());
  }

  @Test
  void aThrownInExceptionIsCaughtWhereTheFiberWaitsAndRaisedOnce() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<String> f = s.spawn(CorpusTryFibers.catchesThrownIn(log));
    runUntilWaiting(s, f);
    IllegalStateException thrown = new IllegalStateException("from outside");
    assertTrue(f.throwInto(thrown));
    s.run();
    assertEquals(List.of("caught from outside", "slept again"), log);
    assertEquals("survived", f.result());
  }

  @Test
  void aCancelledHolderUnlocksInItsFinallyBlockAndTheNextFiberTakesTheLock() {
    Scheduler s = Scheduler.create();
    Lock lock = new Lock();
    List<String> log = new ArrayList<>();
    Fiber<Void> holder = s.spawn(CorpusTryFibers.holdAndSleep(lock, log));
    Fiber<String> next = s.spawn(CorpusTryFibers.takeLock(lock));
    runUntilWaiting(s, next);
    holder.cancel();
    s.run();
    assertEquals(List.of("holding", "unlocked"), log);
    assertEquals("took it", next.result());
    assertSame(Fiber.State.CANCELLED, holder.state());
  }
}
