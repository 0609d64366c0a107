package dev.fibered.functional;

import static dev.fibered.functional.Check.same;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Enhanced for loops ({@link CorpusForEach}) as fibers, compared with the direct calls. */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ForEachTest {

  @Test
  void intArray() {
    for (int[] xs : new int[][] {{}, {7}, {1, -2, 3, Integer.MAX_VALUE}}) {
      same(() -> CorpusForEach.sumInts(xs), () -> CorpusForEachFibers.sumInts(xs));
    }
  }

  @Test
  void longArray() {
    long[] xs = {Long.MIN_VALUE, 3, 1L << 40, -9};
    same(() -> CorpusForEach.sumLongs(xs), () -> CorpusForEachFibers.sumLongs(xs));
  }

  @Test
  void byteAndShortArrays() {
    byte[] bs = {-128, 0, 127, 5};
    short[] ss = {Short.MIN_VALUE, 42, Short.MAX_VALUE};
    same(
        () -> CorpusForEach.sumBytesAndShorts(bs, ss),
        () -> CorpusForEachFibers.sumBytesAndShorts(bs, ss));
  }

  @Test
  void charArrayWithContinue() {
    char[] cs = "hello fibered world".toCharArray();
    same(() -> CorpusForEach.chars(cs), () -> CorpusForEachFibers.chars(cs));
  }

  @Test
  void doubleAndFloatArrays() {
    double[] ds = {0.1, -2.5, 1e10, Double.MIN_VALUE};
    float[] fs = {1.5f, -0.25f, Float.MAX_VALUE};
    same(
        () -> CorpusForEach.doublesAndFloats(ds, fs),
        () -> CorpusForEachFibers.doublesAndFloats(ds, fs));
  }

  @Test
  void booleanArray() {
    boolean[] flags = {true, false, true, true, false};
    same(() -> CorpusForEach.countTrue(flags), () -> CorpusForEachFibers.countTrue(flags));
  }

  @Test
  void loopVariableWiderThanTheElementOrBoxed() {
    int[] xs = {1, -1, 7, 1 << 20};
    same(
        () -> CorpusForEach.widenedAndBoxed(xs), () -> CorpusForEachFibers.widenedAndBoxed(xs));
  }

  @Test
  void stringArray() {
    for (String[] parts : new String[][] {{}, {"a"}, {"x", "y", "", "z"}}) {
      same(
          () -> CorpusForEach.joinStrings(parts), () -> CorpusForEachFibers.joinStrings(parts));
    }
  }

  @Test
  void boxedArrayUnboxedAndBoxed() {
    Integer[] xs = {4, -5, 6};
    same(() -> CorpusForEach.sumBoxedArray(xs), () -> CorpusForEachFibers.sumBoxedArray(xs));
  }

  @Test
  void nullElements() {
    Object[] things = {null, "a", null, 3, null};
    same(() -> CorpusForEach.nullsInArray(things), () -> CorpusForEachFibers.nullsInArray(things));
  }

  @Test
  void nestedOverATwoDimensionalArray() {
    int[][] g = {{1, 2}, {}, {3, 4, 5}, {6}};
    same(() -> CorpusForEach.grid(g), () -> CorpusForEachFibers.grid(g));
  }

  @Test
  void overArraysCreatedInTheHeader() {
    same(() -> CorpusForEach.overNewArray(9), () -> CorpusForEachFibers.overNewArray(9));
  }

  @Test
  void overAnArrayReturnedByAPlainCall() {
    same(
        () -> CorpusForEach.overArrayReturnedByACall(12),
        () -> CorpusForEachFibers.overArrayReturnedByACall(12));
  }

  @Test
  void overAStaticArrayField() {
    same(
        () -> CorpusForEach.overStaticArrayField(4),
        () -> CorpusForEachFibers.overStaticArrayField(4));
  }

  @Test
  void overInstanceArrayFields() {
    same(
        () -> new CorpusForEach.Holder(new int[] {1, 2, 3}, new String[] {"p", "q"}).sumField(),
        () ->
            CorpusForEach_HolderFibers.sumField(
                new CorpusForEach.Holder(new int[] {1, 2, 3}, new String[] {"p", "q"})));
    same(
        () -> new CorpusForEach.Holder(new int[0], new String[] {"p", "q"}).namesField(),
        () ->
            CorpusForEach_HolderFibers.namesField(
                new CorpusForEach.Holder(new int[0], new String[] {"p", "q"})));
  }

  @Test
  void theArrayExpressionIsEvaluatedOnce() {
    int[] holder = {1, 2, 3};
    same(
        () -> CorpusForEach.arrayEvaluatedOnce(holder),
        () -> CorpusForEachFibers.arrayEvaluatedOnce(holder));
  }

  @Test
  void list() {
    List<Integer> xs = List.of(3, 1, 4, 1, 5, 9, 2, 6);
    same(() -> CorpusForEach.sumList(xs), () -> CorpusForEachFibers.sumList(xs));
    List<Integer> linked = new java.util.LinkedList<>(xs);
    same(() -> CorpusForEach.sumList(linked), () -> CorpusForEachFibers.sumList(linked));
  }

  @Test
  void set() {
    Set<String> words = new HashSet<>(List.of("alpha", "beta", "gamma", "delta"));
    same(() -> CorpusForEach.sumSet(words), () -> CorpusForEachFibers.sumSet(words));
    Set<Integer> sorted = new TreeSet<>(List.of(5, 3, 9, 1));
    same(() -> CorpusForEach.orderedSet(sorted), () -> CorpusForEachFibers.orderedSet(sorted));
    Set<Integer> inOrder = new LinkedHashSet<>(List.of(5, 3, 9, 1));
    same(() -> CorpusForEach.orderedSet(inOrder), () -> CorpusForEachFibers.orderedSet(inOrder));
  }

  @Test
  void mapEntrySet() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("one", 1);
    map.put("two", 2);
    map.put("three", 3);
    same(() -> CorpusForEach.mapEntries(map), () -> CorpusForEachFibers.mapEntries(map));
  }

  @Test
  void iterableReturnedByAPlainCallAndAHandWrittenIterable() {
    same(
        () -> CorpusForEach.overIterableReturnedByACall(50),
        () -> CorpusForEachFibers.overIterableReturnedByACall(50));
    CorpusForEach.Range r = new CorpusForEach.Range(100);
    same(() -> CorpusForEach.customIterable(r), () -> CorpusForEachFibers.customIterable(r));
  }

  @Test
  void nestedForEachWithLabelledBreakAndContinue() {
    List<List<Integer>> rows =
        List.of(List.of(1, 2, 3), List.of(5, -1, 7), List.of(), List.of(9, 11), List.of(0, 13));
    same(
        () -> CorpusForEach.nestedListsWithLabels(rows),
        () -> CorpusForEachFibers.nestedListsWithLabels(rows));
    List<List<Integer>> noZero = rows.subList(0, 4);
    same(
        () -> CorpusForEach.nestedListsWithLabels(noZero),
        () -> CorpusForEachFibers.nestedListsWithLabels(noZero));
  }

  @Test
  void breakAndReturnFromForEach() {
    List<Integer> xs = Arrays.asList(4, 8, 15, 16, 23, 42);
    for (int stop : new int[] {4, 16, 99}) {
      same(
          () -> CorpusForEach.breakOutOfForEach(xs, stop),
          () -> CorpusForEachFibers.breakOutOfForEach(xs, stop));
    }
    String[] words = {"a", "b", "c"};
    for (String w : new String[] {"a", "c", "zz"}) {
      same(
          () -> CorpusForEach.returnFromForEach(words, w),
          () -> CorpusForEachFibers.returnFromForEach(words, w));
    }
  }

  @Test
  void fiberedCallsAndYieldsInTheBody() {
    int[] xs = {1, 2, 3, 40_000};
    List<Integer> ys = new ArrayList<>(List.of(-5, 6));
    same(
        () -> CorpusForEach.callsInTheBody(xs, ys),
        () -> CorpusForEachFibers.callsInTheBody(xs, ys));
  }

  @Test
  void reassigningTheLoopVariable() {
    int[] xs = {1, 2, 3};
    same(
        () -> CorpusForEach.reassignLoopVariable(xs),
        () -> CorpusForEachFibers.reassignLoopVariable(xs));
  }

  @Test
  void emptySources() {
    same(
        () -> CorpusForEach.emptySources(new int[0], List.of()),
        () -> CorpusForEachFibers.emptySources(new int[0], List.of()));
  }

  @Test
  void changingTheListInsideItsForEachFailsTheSameWay() {
    Check.sameFailure(
        () -> CorpusForEach.modifyWhileIterating(new ArrayList<>(List.of(1, 2, 3, 4))),
        () -> CorpusForEachFibers.modifyWhileIterating(new ArrayList<>(List.of(1, 2, 3, 4))));
  }
}
