package dev.fibered.functional;

import static dev.fibered.functional.Check.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls between @Fibered methods ({@link CorpusCalls}, {@link CorpusOther}), instance methods of a
 * final class ({@link CorpusCounter}) and methods of nested hosts ({@link CorpusHosts}), as fibers
 * compared with the direct calls.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallsTest {

  // ------------------------------------------------------------------ nesting and recursion

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 9})
  void fiveLevelsOfNestedCalls(int n) {
    same(() -> CorpusCalls.level1(n), () -> CorpusCallsFibers.level1(n));
  }

  @Test
  void fib20() {
    assertEquals(6765, CorpusCalls.fib(20));
    same(() -> CorpusCalls.fib(20), () -> CorpusCallsFibers.fib(20));
    for (int n = 0; n < 12; n++) {
      int k = n;
      same(() -> CorpusCalls.fib(k), () -> CorpusCallsFibers.fib(k));
    }
  }

  @Test
  void ackermann() {
    long[][] cases = {{0, 0}, {1, 2}, {2, 3}, {3, 3}};
    for (long[] c : cases) {
      same(
          () -> CorpusCalls.ackermann(c[0], c[1]), () -> CorpusCallsFibers.ackermann(c[0], c[1]));
    }
    assertEquals(61L, Check.contended(CorpusCallsFibers.ackermann(3, 3)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10, 101})
  void mutualRecursion(int n) {
    same(() -> CorpusCalls.isEven(n), () -> CorpusCallsFibers.isEven(n));
    same(() -> CorpusCalls.isOdd(n), () -> CorpusCallsFibers.isOdd(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 10})
  void threeWayMutualRecursion(int n) {
    same(() -> CorpusCalls.rotA(n, ">"), () -> CorpusCallsFibers.rotA(n, ">"));
  }

  @Test
  void recursiveVoidMethod() {
    List<String> expected = new ArrayList<>();
    CorpusCalls.hanoi(6, 'A', 'C', 'B', expected);
    List<String> moves = new ArrayList<>();
    assertNull(Check.contended(CorpusCallsFibers.hanoi(6, 'A', 'C', 'B', moves)));
    assertEquals(expected, moves);
    assertEquals(63, moves.size());
  }

  @Test
  void recursionInsideAForEachOverChildren() {
    CorpusCalls.Node root = CorpusCalls.tree(4, 3, new int[1]);
    same(() -> CorpusCalls.treeSum(root), () -> CorpusCallsFibers.treeSum(root));
  }

  /**
   * A fiber keeps its callers as machines on the heap, not as Java frames, so recursion far
   * deeper than the thread's stack allows completes (the direct call is compared at a depth the
   * stack can take).
   */
  @Test
  void recursionDeeperThanTheJavaStack() {
    same(() -> CorpusCalls.depth(500), () -> CorpusCallsFibers.depth(500));
    assertEquals(200_000L, Check.contended(CorpusCallsFibers.depth(200_000)));
  }

  // ------------------------------------------------------------------ other classes, overloads

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 5})
  void callsIntoAnotherClassQualifiedAndStaticallyImported(int n) {
    same(() -> CorpusCalls.callsOtherClass(n), () -> CorpusCallsFibers.callsOtherClass(n));
  }

  @Test
  void overloadsOfDifferentArity() {
    same(() -> CorpusCalls.area(7), () -> CorpusCallsFibers.area(7));
    same(() -> CorpusCalls.area(7, 3), () -> CorpusCallsFibers.area(7, 3));
    same(() -> CorpusCalls.callsOverloads(4), () -> CorpusCallsFibers.callsOverloads(4));
  }

  // ------------------------------------------------------------------ plain method in between

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5})
  void plainMethodCallingFiberedMethodsDirectly(int n) {
    List<String> expectedTrace = new ArrayList<>();
    long expected = CorpusCalls.viaPlain(n, expectedTrace);
    List<String> trace = new ArrayList<>();
    assertEquals(expected, Check.contended(CorpusCallsFibers.viaPlain(n, trace)));
    assertEquals(expectedTrace, trace);
  }

  /**
   * The inline call of a @Fibered method from a plain helper runs to completion without a switch:
   * its yieldNow() calls do nothing, so another fiber's events never land inside it, while the
   * fibered parts around it do switch.
   */
  @Test
  void fiberedMethodCalledFromAPlainHelperRunsInline() {
    List<String> trace = new ArrayList<>();
    Fiber<Integer> inline = CorpusCallsFibers.callsNoisyInline("A", 5, trace);
    Fiber<Integer> other = CorpusCallsFibers.noisy("B", 20, trace);
    Check.runAll(Check.TINY, List.of(inline, other));
    assertEquals(5, inline.result());
    assertEquals(20, other.result());
    int first = trace.indexOf("A0");
    assertEquals(List.of("A0", "A1", "A2", "A3", "A4"), trace.subList(first, first + 5), "" + trace);
    assertTrue(trace.indexOf("A-before") < first, "" + trace);
    assertTrue(Trace.interleaves(trace, "A", "B"), "the fibered parts switch: " + trace);
  }

  // ------------------------------------------------------------------ instance methods

  @Test
  void instanceMethodMutatesTheReceiversFields() {
    CorpusCounter direct = new CorpusCounter("c");
    int expected = direct.addAll(new int[] {3, 0, 5});
    CorpusCounter fibered = new CorpusCounter("c");
    assertEquals(expected, Check.contended(CorpusCounterFibers.addAll(fibered, new int[] {3, 0, 5})));
    assertEquals(direct.toString(), fibered.toString());
  }

  @Test
  void instanceMethodsOnSeveralReceivers() {
    CorpusCounter a1 = new CorpusCounter("a");
    CorpusCounter b1 = new CorpusCounter("b");
    String expected = CorpusCounter.pair(a1, b1, 4);
    CorpusCounter a2 = new CorpusCounter("a");
    CorpusCounter b2 = new CorpusCounter("b");
    assertEquals(expected, Check.contended(CorpusCounterFibers.pair(a2, b2, 4)));
    assertEquals(a1.toString(), a2.toString());
    assertEquals(b1.toString(), b2.toString());
  }

  @Test
  void instanceMethodsUnderEverySetup() {
    same(
        () -> new CorpusCounter("x").assignFieldsFromCalls(6),
        () -> CorpusCounterFibers.assignFieldsFromCalls(new CorpusCounter("x"), 6));
    same(
        () -> new CorpusCounter("x").assignFieldsThroughThis(3),
        () -> CorpusCounterFibers.assignFieldsThroughThis(new CorpusCounter("x"), 3));
    same(
        () -> new CorpusCounter("x").shadowed(4),
        () -> CorpusCounterFibers.shadowed(new CorpusCounter("x"), 4));
    same(
        () -> new CorpusCounter("x").peekDirect(),
        () -> CorpusCounterFibers.peek(new CorpusCounter("x")));
  }

  @Test
  void instanceMethodChangingItsReceiverAndAnotherInstance() {
    CorpusCounter from1 = new CorpusCounter("f");
    CorpusCounter to1 = new CorpusCounter("t");
    long expected = from1.transfer(to1, 5);
    CorpusCounter from2 = new CorpusCounter("f");
    CorpusCounter to2 = new CorpusCounter("t");
    assertEquals(expected, Check.contended(CorpusCounterFibers.transfer(from2, to2, 5)));
    assertEquals(from1.toString(), from2.toString());
    assertEquals(to1.toString(), to2.toString());
  }

  @Test
  void receiversHeldInFieldsAndThisReturned() {
    CorpusCounter a1 = new CorpusCounter("a");
    a1.partner = new CorpusCounter("p");
    CorpusCounter r1 = a1.viaPartner(4);
    CorpusCounter a2 = new CorpusCounter("a");
    a2.partner = new CorpusCounter("p");
    CorpusCounter r2 = Check.contended(CorpusCounterFibers.viaPartner(a2, 4));
    assertSame(a2, r2);
    assertSame(a1, r1);
    assertEquals(a1.toString(), a2.toString());
    assertEquals(a1.partner.toString(), a2.partner.toString());

    CorpusCounter b = new CorpusCounter("b");
    CorpusCounter c = new CorpusCounter("c");
    b.partner = c;
    c.partner = b;
    assertSame(c, Check.contended(CorpusCounterFibers.viaPartner(b, 2)));
  }

  @Test
  void thisPassedToAnotherFiberedMethod() {
    CorpusCounter a1 = new CorpusCounter("a");
    a1.partner = new CorpusCounter("p");
    int expected = a1.passesThis(3);
    CorpusCounter a2 = new CorpusCounter("a");
    a2.partner = new CorpusCounter("p");
    assertEquals(expected, Check.contended(CorpusCounterFibers.passesThis(a2, 3)));
    assertEquals(a1.toString(), a2.toString());
    assertEquals(a1.partner.toString(), a2.partner.toString());
  }

  @Test
  void twoFibersOnTheSameReceiverInterleaveTheirUpdates() {
    CorpusCounter shared = new CorpusCounter("s");
    Fiber<Void> a = CorpusCounterFibers.add(shared, 1000);
    Fiber<Void> b = CorpusCounterFibers.add(shared, 1000);
    Check.runAll(Check.TINY, List.of(a, b));
    assertNull(a.result());
    assertNull(b.result());
    assertEquals(2000, shared.count);
    assertEquals(2 * (999L * 1000 / 2), shared.total);
    assertEquals(List.of("s+1000", "s+1000"), shared.history);
  }

  @Test
  void nullReceiverIsRejectedByTheFactory() {
    try {
      CorpusCounterFibers.add(null, 1);
    } catch (NullPointerException expected) {
      return;
    }
    throw new AssertionError("a null receiver must fail as a call on null would");
  }

  // ------------------------------------------------------------------ nested hosts

  @Test
  void staticNestedAndDoublyNestedHosts() {
    same(() -> CorpusHosts.Nested.twice(21), () -> CorpusHosts_NestedFibers.twice(21));
    same(
        () -> CorpusHosts.Nested.Deepest.where(6),
        () -> CorpusHosts_Nested_DeepestFibers.where(6));
  }

  @Test
  void innerClassHost() {
    same(
        () -> newInner(5).times(4),
        () -> CorpusHosts_InnerFibers.times(newInner(5), 4));
  }

  @Test
  void recordHost() {
    same(
        () -> new CorpusHosts.Point(3, -4).walk(5),
        () -> CorpusHosts_PointFibers.walk(new CorpusHosts.Point(3, -4), 5));
  }

  @Test
  void enumHostWithoutConstantBodies() {
    int[] xs = {2, 3, 4};
    same(() -> CorpusHosts.Op.ADD.fold(xs), () -> CorpusHosts_OpFibers.fold(CorpusHosts.Op.ADD, xs));
    same(() -> CorpusHosts.Op.MUL.fold(xs), () -> CorpusHosts_OpFibers.fold(CorpusHosts.Op.MUL, xs));
  }

  @Test
  void membersInheritedFromAnAbstractBase() {
    same(
        () -> new CorpusInheritance().work(3),
        () -> CorpusInheritanceFibers.work(new CorpusInheritance(), 3));
    same(
        () -> new CorpusInheritance().baseWork(4),
        () -> CorpusInheritanceBaseFibers.baseWork(new CorpusInheritance(), 4));
  }

  @Test
  void publicFiberedMethodsOfAnotherPackage() {
    same(() -> CorpusCrossPackage.use(9), () -> CorpusCrossPackageFibers.use(9));
    same(
        () -> dev.fibered.functional.lib.CorpusLib.work(5),
        () -> dev.fibered.functional.lib.CorpusLibFibers.work(5));
    dev.fibered.functional.lib.CorpusLib.Acc acc = new dev.fibered.functional.lib.CorpusLib.Acc();
    Check.contended(dev.fibered.functional.lib.CorpusLib_AccFibers.add(acc, 7));
    assertEquals(7, acc.total());
  }

  @Test
  void fiberNamesAreHostDotMethod() {
    Fiber<Long> f = CorpusCallsFibers.fib(3);
    assertEquals("CorpusCalls.fib", f.name());
    Scheduler s = Check.tiny();
    assertSame(f, s.spawn(f));
    Check.run(s);
    assertEquals(2L, f.result());
  }

  private static CorpusHosts.Inner newInner(int k) {
    return new CorpusHosts().inner(k);
  }
}
