package dev.fibered.functional;

import static dev.fibered.functional.Check.same;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fibered.Fiber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values in and out of fibers ({@link CorpusValues}): each primitive type boxed into its own
 * wrapper, references and null, conversions of callee results, void, many parameters, varargs.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ValuesTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 13})
  void everyPrimitiveReturnTypeComesBackInItsOwnWrapper(int n) {
    same(() -> CorpusValues.returnByte(n), () -> CorpusValuesFibers.returnByte(n));
    same(() -> CorpusValues.returnShort(n), () -> CorpusValuesFibers.returnShort(n));
    same(() -> CorpusValues.returnChar(n), () -> CorpusValuesFibers.returnChar(n));
    same(() -> CorpusValues.returnInt(n), () -> CorpusValuesFibers.returnInt(n));
    same(() -> CorpusValues.returnLong(n), () -> CorpusValuesFibers.returnLong(n));
    same(() -> CorpusValues.returnFloat(n), () -> CorpusValuesFibers.returnFloat(n));
    same(() -> CorpusValues.returnDouble(n), () -> CorpusValuesFibers.returnDouble(n));
    same(() -> CorpusValues.returnBoolean(n), () -> CorpusValuesFibers.returnBoolean(n));
  }

  @Test
  void fiberTypesAreTheBoxedReturnTypes() {
    // Compile-time: the factories' types; run-time: the wrapper class of the value.
    Fiber<Byte> b = CorpusValuesFibers.returnByte(3);
    Fiber<Short> s = CorpusValuesFibers.returnShort(3);
    Fiber<Character> c = CorpusValuesFibers.returnChar(3);
    Fiber<Integer> i = CorpusValuesFibers.returnInt(3);
    Fiber<Long> l = CorpusValuesFibers.returnLong(3);
    Fiber<Float> f = CorpusValuesFibers.returnFloat(3);
    Fiber<Double> d = CorpusValuesFibers.returnDouble(3);
    Fiber<Boolean> z = CorpusValuesFibers.returnBoolean(3);
    Fiber<Void> v = CorpusValuesFibers.fill(new int[2], 1);
    List<Fiber<?>> all = List.of(b, s, c, i, l, f, d, z, v);
    Check.runAll(Check.TINY, all);
    List<Class<?>> types = new ArrayList<>();
    for (Fiber<?> fiber : all.subList(0, 8)) {
      types.add(fiber.result().getClass());
    }
    assertEquals(
        List.of(
            Byte.class,
            Short.class,
            Character.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            Boolean.class),
        types);
    assertNull(v.result());
  }

  @Test
  void referencesAndNull() {
    same(() -> CorpusValues.returnString(6), () -> CorpusValuesFibers.returnString(6));
    same(() -> CorpusValues.returnNull(1), () -> CorpusValuesFibers.returnNull(1));
    same(() -> CorpusValues.returnNull(-1), () -> CorpusValuesFibers.returnNull(-1));
    same(() -> CorpusValues.returnBoxedOrNull(0), () -> CorpusValuesFibers.returnBoxedOrNull(0));
    same(() -> CorpusValues.returnBoxedOrNull(9), () -> CorpusValuesFibers.returnBoxedOrNull(9));
    same(() -> CorpusValues.returnList(4), () -> CorpusValuesFibers.returnList(4));
    assertArrayEquals(
        CorpusValues.returnArray(7), Check.contended(CorpusValuesFibers.returnArray(7)));
    for (int kind = 0; kind < 5; kind++) {
      int k = kind;
      same(() -> CorpusValues.returnObject(k), () -> CorpusValuesFibers.returnObject(k));
    }
  }

  @Test
  void returnExpressionsOfAnotherTypeThanTheMethod() {
    for (int n : new int[] {0, 2, 4, 6}) {
      same(
          () -> CorpusValues.longFromIntLiteral(n),
          () -> CorpusValuesFibers.longFromIntLiteral(n));
      same(
          () -> CorpusValues.doubleFromIntAndChar(n),
          () -> CorpusValuesFibers.doubleFromIntAndChar(n));
      same(
          () -> CorpusValues.boxedFromLongExpression(n),
          () -> CorpusValuesFibers.boxedFromLongExpression(n));
    }
    same(
        () -> CorpusValues.floatFromLong(1L << 40),
        () -> CorpusValuesFibers.floatFromLong(1L << 40));
    same(
        () -> CorpusValues.intFromCharAndShort((short) -3),
        () -> CorpusValuesFibers.intFromCharAndShort((short) -3));
    same(
        () -> CorpusValues.intFromCharAndShort((short) 300),
        () -> CorpusValuesFibers.intFromCharAndShort((short) 300));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 9})
  void calleeResultsWidenedIntoLocals(int n) {
    same(
        () -> CorpusValues.calleeResultsWidened(n),
        () -> CorpusValuesFibers.calleeResultsWidened(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3})
  void calleeResultsBoxedIntoLocals(int n) {
    same(
        () -> CorpusValues.calleeResultsBoxed(n), () -> CorpusValuesFibers.calleeResultsBoxed(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 6})
  void calleeResultsAssignedToExistingLocals(int n) {
    same(
        () -> CorpusValues.assignedToLocals(n), () -> CorpusValuesFibers.assignedToLocals(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 11})
  void calleeResultReturnedFromAMethodOfAWiderType(int n) {
    same(
        () -> CorpusValues.returnsIntCalleeAsLong(n),
        () -> CorpusValuesFibers.returnsIntCalleeAsLong(n));
    same(
        () -> CorpusValues.returnsShortCalleeAsInt(n),
        () -> CorpusValuesFibers.returnsShortCalleeAsInt(n));
    same(
        () -> CorpusValues.returnsCharCalleeAsDouble(n),
        () -> CorpusValuesFibers.returnsCharCalleeAsDouble(n));
    same(
        () -> CorpusValues.returnsBooleanCalleeAsObject(n),
        () -> CorpusValuesFibers.returnsBooleanCalleeAsObject(n));
    same(
        () -> CorpusValues.returnsLongCalleeAsNumber(n),
        () -> CorpusValuesFibers.returnsLongCalleeAsNumber(n));
    same(
        () -> CorpusValues.returnsNullCallee(n), () -> CorpusValuesFibers.returnsNullCallee(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7})
  void compoundAssignmentsOfCalleeResults(int n) {
    same(
        () -> CorpusValues.compoundAssignments(n),
        () -> CorpusValuesFibers.compoundAssignments(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100})
  void intCalleeAddedIntoALongLocal(int n) {
    same(() -> CorpusValues.sumOfComputed(n), () -> CorpusValuesFibers.sumOfComputed(n));
  }

  @Test
  void calleeResultsAssignedToStaticFields() {
    long expected = CorpusValues.assignsStaticFields(5);
    String expectedText = CorpusValues.staticText;
    CorpusValues.staticTotal = 0;
    CorpusValues.staticText = "";
    assertEquals(expected, Check.contended(CorpusValuesFibers.assignsStaticFields(5)));
    assertEquals(CorpusValues.returnLong(5), CorpusValues.staticTotal);
    assertEquals(expectedText, CorpusValues.staticText);
  }

  @Test
  void voidMethods() {
    int[] expected = new int[5];
    CorpusValues.fill(expected, 3);
    int[] actual = new int[5];
    assertNull(Check.contended(CorpusValuesFibers.fill(actual, 3)));
    assertArrayEquals(expected, actual);

    for (int n : new int[] {-1, 0, 4, 20}) {
      List<String> want = new ArrayList<>();
      CorpusValues.voidWithEarlyReturns(want, n);
      List<String> got = new ArrayList<>();
      assertNull(Check.contended(CorpusValuesFibers.voidWithEarlyReturns(got, n)));
      assertEquals(want, got, "n=" + n);
    }
    for (int n : new int[] {0, 3, 12}) {
      same(() -> CorpusValues.callsVoids(n), () -> CorpusValuesFibers.callsVoids(n));
    }
  }

  @Test
  void nonVoidResultsDroppedByTheCaller() {
    same(() -> CorpusValues.resultsDropped(4), () -> CorpusValuesFibers.resultsDropped(4));
  }

  @Test
  void manyParametersOfEveryKind() {
    List<String> expectedList = new ArrayList<>(List.of("start"));
    int[] expectedArr = {1, 2};
    String expected =
        CorpusValues.manyParameters(
            (byte) 127, (short) -5, 'x', 1 << 30, Long.MIN_VALUE, 3.5f, -0.5, true, "str",
            expectedArr, expectedList, "obj");
    List<String> list = new ArrayList<>(List.of("start"));
    int[] arr = {1, 2};
    String actual =
        Check.contended(
            CorpusValuesFibers.manyParameters(
                (byte) 127, (short) -5, 'x', 1 << 30, Long.MIN_VALUE, 3.5f, -0.5, true, "str", arr,
                list, "obj"));
    assertEquals(expected, actual);
    assertEquals(expectedList, list);
    assertArrayEquals(expectedArr, arr);

    same(() -> CorpusValues.callsManyParameters(3), () -> CorpusValuesFibers.callsManyParameters(3));
  }

  @Test
  void varargsFactories() {
    same(() -> CorpusValues.sum(), () -> CorpusValuesFibers.sum());
    same(() -> CorpusValues.sum(4), () -> CorpusValuesFibers.sum(4));
    same(() -> CorpusValues.sum(1, 2, 3, 4, 5), () -> CorpusValuesFibers.sum(1, 2, 3, 4, 5));
    same(
        () -> CorpusValues.sum(new int[] {9, 9}), () -> CorpusValuesFibers.sum(new int[] {9, 9}));
    same(() -> CorpusValues.join(","), () -> CorpusValuesFibers.join(","));
    same(
        () -> CorpusValues.join(",", "a", "b"), () -> CorpusValuesFibers.join(",", "a", "b"));
    same(
        () -> CorpusValues.countObjects(1, null, "x"),
        () -> CorpusValuesFibers.countObjects(1, null, "x"));
  }

  @Test
  void varargsCalledFromFiberedCode() {
    same(() -> CorpusValues.callsVarargs(7), () -> CorpusValuesFibers.callsVarargs(7));
  }

  @Test
  void genericParameterTypesAndFunctionalInterfaces() {
    List<Number> nums = List.of(1, 2.5, 7L);
    Map<String, Object> expectedSink = new HashMap<>();
    List<? extends Number> expected =
        CorpusValues.genericParameters(nums, expectedSink, x -> x * 3, Integer::sum, "z");
    Map<String, Object> sink = new HashMap<>();
    Fiber<List<? extends Number>> f =
        CorpusValuesFibers.genericParameters(nums, sink, x -> x * 3, Integer::sum, "z");
    assertEquals(expected, Check.contended(f));
    assertEquals(expectedSink, sink);
  }
}
