package dev.fibered.functional;

import static dev.fibered.functional.Check.same;
import static dev.fibered.functional.Check.sameFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.functional.CorpusExceptions.CorpusCheckedException;
import dev.fibered.functional.CorpusExceptions.CorpusError;
import dev.fibered.functional.CorpusExceptions.CorpusException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures of fibers ({@link CorpusExceptions}): the exception reaches {@link Fiber#result()} with
 * the type and message of the direct call's (checked ones wrapped in CompletionException), code
 * after a failed call does not run, and one failing fiber leaves the others alone.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExceptionsTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void uncheckedExceptionFromDeepInNestedCalls(int depth) {
    Throwable t =
        sameFailure(
            () -> CorpusExceptions.outer(depth, new ArrayList<>()),
            () -> CorpusExceptionsFibers.outer(depth, new ArrayList<>()));
    assertInstanceOf(CorpusException.class, t);
    assertEquals("deep failure in round 1", t.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3})
  void codeAfterTheFailingCallNeverRuns(int depth) {
    List<String> expected = new ArrayList<>();
    assertThrows(CorpusException.class, () -> CorpusExceptions.outer(depth, expected));
    List<String> log = new ArrayList<>();
    Fiber<Integer> f = CorpusExceptionsFibers.outer(depth, log);
    assertThrows(CorpusException.class, () -> Check.contended(f));
    assertEquals(expected, log);
    assertFalse(log.contains("outer-after-middle"));
  }

  @Test
  void exceptionAtTheBottomOfARecursion() {
    sameFailure(
        () -> CorpusExceptions.recurseThenThrow(50, 50),
        () -> CorpusExceptionsFibers.recurseThenThrow(50, 50));
    Fiber<Long> deep = CorpusExceptionsFibers.recurseThenThrow(100_000, 100_000);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Check.contended(deep));
    assertEquals("bottom reached after 100000 levels", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10})
  void checkedExceptionIsWrappedInCompletionException(int n) {
    Throwable t =
        sameFailure(() -> CorpusExceptions.checked(n), () -> CorpusExceptionsFibers.checked(n));
    assertInstanceOf(IOException.class, t);
    Fiber<Integer> f = CorpusExceptionsFibers.checked(n);
    CompletionException wrapper = assertThrows(CompletionException.class, () -> Check.contended(f));
    assertInstanceOf(IOException.class, wrapper.getCause());
    assertEquals("checked after " + (n * (n - 1) / 2), wrapper.getCause().getMessage());
    assertSame(wrapper.getCause(), f.failure());
  }

  @Test
  void checkedExceptionsThroughCallsAndFromVoidMethods() {
    sameFailure(
        () -> CorpusExceptions.checkedThroughCalls(5),
        () -> CorpusExceptionsFibers.checkedThroughCalls(5));
    Throwable own =
        sameFailure(
            () -> CorpusExceptions.checkedThroughCalls(500),
            () -> CorpusExceptionsFibers.checkedThroughCalls(500));
    assertInstanceOf(CorpusCheckedException.class, own);
    sameFailure(
        () -> CorpusExceptions.checkedOwn(3), () -> CorpusExceptionsFibers.checkedOwn(3));
  }

  @Test
  void errorsAreRethrownAsTheyAre() {
    Throwable e =
        sameFailure(() -> CorpusExceptions.error(2), () -> CorpusExceptionsFibers.error(2));
    assertInstanceOf(CorpusError.class, e);
    sameFailure(
        () -> CorpusExceptions.assertionError(1), () -> CorpusExceptionsFibers.assertionError(1));
    same(() -> CorpusExceptions.assertionError(0), () -> CorpusExceptionsFibers.assertionError(0));
  }

  @Test
  void exceptionsRaisedByTheJvm() {
    // A helpful NullPointerException message names the variable as the bytecode sees it: the
    // direct call says "s", the machine, which keeps s in a field, says "this.s". Only the type
    // and the method in the message are compared.
    assertThrows(NullPointerException.class, () -> CorpusExceptions.nullPointer(null));
    NullPointerException npe =
        assertThrows(
            NullPointerException.class,
            () -> Check.contended(CorpusExceptionsFibers.nullPointer(null)));
    assertTrue(
        npe.getMessage() == null || npe.getMessage().contains("String.length()"),
        npe.getMessage());
    same(() -> CorpusExceptions.nullPointer("abc"), () -> CorpusExceptionsFibers.nullPointer("abc"));
    int[] xs = {1, 2, 3};
    sameFailure(
        () -> CorpusExceptions.arrayIndex(xs, 3), () -> CorpusExceptionsFibers.arrayIndex(xs, 3));
    sameFailure(() -> CorpusExceptions.divide(1, 0), () -> CorpusExceptionsFibers.divide(1, 0));
    sameFailure(
        () -> CorpusExceptions.classCast(42), () -> CorpusExceptionsFibers.classCast(42));
  }

  @Test
  void exceptionAtMethodEntry() {
    sameFailure(
        () -> CorpusExceptions.throwsAtEntry(7), () -> CorpusExceptionsFibers.throwsAtEntry(7));
  }

  @Test
  void calleeFailsInTheMiddleOfTheCallersLoop() {
    List<String> expected = new ArrayList<>();
    assertThrows(
        ArithmeticException.class, () -> CorpusExceptions.throwsFromLoopCallee(10, expected));
    List<String> log = new ArrayList<>();
    Fiber<Integer> f = CorpusExceptionsFibers.throwsFromLoopCallee(10, log);
    assertThrows(ArithmeticException.class, () -> Check.contended(f));
    assertEquals(expected, log);
  }

  @Test
  void theSameExceptionInstanceReachesResult() {
    Fiber<Integer> f = CorpusExceptionsFibers.throwsShared(3);
    CorpusException e = assertThrows(CorpusException.class, () -> Check.contended(f));
    assertSame(CorpusExceptions.SHARED, e);
    assertSame(CorpusExceptions.SHARED, f.failure());
  }

  @Test
  void exceptionCaughtByAPlainTryCatchInTheBody() {
    String[] inputs = {"5", "x", "0", "25", "", "-4"};
    same(
        () -> CorpusExceptions.caughtInTheBody(inputs),
        () -> CorpusExceptionsFibers.caughtInTheBody(inputs));
    for (int n : new int[] {0, 3, 12}) {
      same(
          () -> CorpusExceptions.catchesPlainHelper(n),
          () -> CorpusExceptionsFibers.catchesPlainHelper(n));
    }
  }

  @Test
  void exceptionRethrownFromACatchBlock() {
    Throwable t =
        sameFailure(
            () -> CorpusExceptions.rethrowsWrapped(2),
            () -> CorpusExceptionsFibers.rethrowsWrapped(2));
    assertInstanceOf(IllegalArgumentException.class, t);
    Fiber<Integer> f = CorpusExceptionsFibers.rethrowsWrapped(5);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Check.contended(f));
    assertInstanceOf(CorpusException.class, e.getCause());
    same(() -> CorpusExceptions.rethrowsWrapped(3), () -> CorpusExceptionsFibers.rethrowsWrapped(3));
  }

  /**
   * Failing fibers, some failing early and some late, among succeeding ones on one scheduler at
   * 1 ns: every succeeding fiber still gets its own right result and every failing one its own
   * exception.
   */
  @Test
  void oneFailingFiberDoesNotDisturbTheOthers() {
    List<Fiber<Long>> good = new ArrayList<>();
    List<Fiber<?>> bad = new ArrayList<>();
    List<Fiber<?>> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Fiber<Long> g = CorpusCallsFibers.level1(i % 6);
      good.add(g);
      all.add(g);
      Fiber<?> b;
      switch (i % 4) {
        case 0:
          b = CorpusExceptionsFibers.throwsAtEntry(i);
          break;
        case 1:
          b = CorpusExceptionsFibers.outer(i % 3, new ArrayList<>());
          break;
        case 2:
          b = CorpusExceptionsFibers.checked(i);
          break;
        default:
          b = CorpusExceptionsFibers.error(i);
          break;
      }
      bad.add(b);
      all.add(b);
    }
    Check.runAll(Check.TINY, all);
    for (int i = 0; i < good.size(); i++) {
      Fiber<Long> g = good.get(i);
      assertTrue(g.isDone());
      assertNull(g.failure());
      assertEquals(CorpusCalls.level1(i % 6), g.result());
    }
    for (int i = 0; i < bad.size(); i++) {
      Fiber<?> b = bad.get(i);
      assertTrue(b.isDone());
      assertFalse(b.isAlive());
      Throwable failure = b.failure();
      switch (i % 4) {
        case 0:
          assertInstanceOf(UnsupportedOperationException.class, failure);
          assertEquals("entry " + i, failure.getMessage());
          break;
        case 1:
          assertInstanceOf(CorpusException.class, failure);
          break;
        case 2:
          assertInstanceOf(IOException.class, failure);
          assertThrows(CompletionException.class, b::result);
          break;
        default:
          assertInstanceOf(CorpusError.class, failure);
          assertEquals("error after " + i, failure.getMessage());
          break;
      }
    }
  }
}
