package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;

/**
 * Values in and out of @Fibered methods: returns of every primitive type, of references and of
 * null; callee results widened, boxed and compound-assigned into locals and fields; void methods;
 * many parameters; varargs. Each method has a loop or a yield, so it is a real machine.
 */
final class CorpusValues {
  static long staticTotal;
  static String staticText = "";

  private CorpusValues() {}

  // ------------------------------------------------------------------ one per return type

  @Fibered
  static byte returnByte(int n) {
    byte b = 0;
    for (int i = 0; i < n; i++) {
      b += 37;
    }
    return b;
  }

  @Fibered
  static short returnShort(int n) {
    short s = 1;
    for (int i = 0; i < n; i++) {
      s *= 3;
    }
    return s;
  }

  @Fibered
  static char returnChar(int n) {
    char c = 'a';
    for (int i = 0; i < n; i++) {
      c++;
    }
    return c;
  }

  @Fibered
  static int returnInt(int n) {
    int x = 0;
    for (int i = 1; i <= n; i++) {
      x = x * 31 + i;
    }
    return x;
  }

  @Fibered
  static long returnLong(int n) {
    long x = 1;
    for (int i = 0; i < n; i++) {
      x *= 7;
    }
    return x;
  }

  @Fibered
  static float returnFloat(int n) {
    float f = 1;
    for (int i = 0; i < n; i++) {
      f /= 3;
    }
    return f;
  }

  @Fibered
  static double returnDouble(int n) {
    double d = 0;
    for (int i = 1; i <= n; i++) {
      d += 1.0 / i;
    }
    return d;
  }

  @Fibered
  static boolean returnBoolean(int n) {
    boolean b = false;
    for (int i = 0; i < n; i++) {
      b = !b;
    }
    return b;
  }

  @Fibered
  static String returnString(int n) {
    String s = "";
    for (int i = 0; i < n; i++) {
      s += (char) ('A' + i);
    }
    return s;
  }

  @Fibered
  static String returnNull(int n) {
    Fiber.yieldNow();
    if (n >= 0) {
      return null;
    }
    return "negative";
  }

  @Fibered
  static Integer returnBoxedOrNull(int n) {
    Integer r = null;
    for (int i = 0; i < n; i++) {
      r = r == null ? i : r + i;
    }
    return r;
  }

  @Fibered
  static int[] returnArray(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i * i;
    }
    return a;
  }

  @Fibered
  static List<String> returnList(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("item" + i);
    }
    return out;
  }

  @Fibered
  static Object returnObject(int kind) {
    Fiber.yieldNow();
    if (kind == 0) {
      return 42;
    }
    if (kind == 1) {
      return "text";
    }
    if (kind == 2) {
      return 'c';
    }
    if (kind == 3) {
      return 2.5;
    }
    return null;
  }

  // ------------------------------------------------------------------ literals converted on return

  /** Return statements whose expression has another type than the method. */
  @Fibered
  static long longFromIntLiteral(int n) {
    for (int i = 0; i < n; i++) {
      if (i == 3) {
        return 1;
      }
    }
    return 'c';
  }

  @Fibered
  static double doubleFromIntAndChar(int n) {
    while (n > 0) {
      if (n == 5) {
        return 'z';
      }
      n--;
    }
    return 3;
  }

  @Fibered
  static float floatFromLong(long n) {
    Fiber.yieldNow();
    return n;
  }

  @Fibered
  static int intFromCharAndShort(short s) {
    Fiber.yieldNow();
    if (s < 0) {
      return 'x';
    }
    return s;
  }

  @Fibered
  static Long boxedFromLongExpression(int n) {
    Fiber.yieldNow();
    return n * 2L;
  }

  // ------------------------------------------------------------------ callee results, converted

  /** Every primitive callee result stored in a local of its own or a wider type. */
  @Fibered
  static String calleeResultsWidened(int n) {
    byte b = returnByte(n);
    short s = returnShort(n);
    char c = returnChar(n);
    int fromByte = returnByte(n);
    int fromShort = returnShort(n);
    int fromChar = returnChar(n);
    long widened = returnInt(n);
    float fromLong = returnLong(n);
    double fromFloat = returnFloat(n);
    double fromInt = returnInt(n);
    boolean z = returnBoolean(n);
    return b + " " + s + " " + c + " " + fromByte + " " + fromShort + " " + fromChar + " "
        + widened + " " + fromLong + " " + fromFloat + " " + fromInt + " " + z;
  }

  /** Callee results boxed, or stored in a supertype. */
  @Fibered
  static String calleeResultsBoxed(int n) {
    Integer boxed = returnInt(n);
    Object o = returnLong(n);
    Number num = returnDouble(n);
    Comparable<String> cmp = returnString(n);
    Object nothing = returnNull(n);
    Object maybe = returnBoxedOrNull(n);
    CharSequence seq = returnString(n);
    return boxed + " " + o + " " + num + " " + cmp + " " + nothing + " " + maybe + " " + seq
        + " " + o.getClass().getSimpleName();
  }

  /** Results assigned to existing locals (not declarations), each after some states. */
  @Fibered
  static String assignedToLocals(int n) {
    long total = 0;
    double d = 0;
    String s = "";
    int[] a = null;
    for (int i = 0; i < n; i++) {
      total = returnInt(i);
      d = returnFloat(i);
      s = returnString(i);
      a = returnArray(i);
    }
    return total + " " + d + " " + s + " " + (a == null ? "null" : a.length);
  }

  /** Returning a callee's result from a method of a wider or boxed type. */
  @Fibered
  static long returnsIntCalleeAsLong(int n) {
    return returnInt(n);
  }

  @Fibered
  static int returnsShortCalleeAsInt(int n) {
    return returnShort(n);
  }

  @Fibered
  static double returnsCharCalleeAsDouble(int n) {
    return returnChar(n);
  }

  @Fibered
  static Object returnsBooleanCalleeAsObject(int n) {
    return returnBoolean(n);
  }

  @Fibered
  static Number returnsLongCalleeAsNumber(int n) {
    return returnLong(n);
  }

  @Fibered
  static String returnsNullCallee(int n) {
    return returnNull(n);
  }

  /** Compound assignments with a @Fibered call on the right, on locals of several types. */
  @Fibered
  static String compoundAssignments(int n) {
    long total = 0;
    int x = 1;
    double d = 100;
    String s = "";
    char c = 'a';
    short sh = 0;
    long bits = 0;
    for (int i = 0; i < n; i++) {
      total += returnInt(i);
      x *= returnShort(i);
      x -= returnChar(i);
      d /= returnFloat(i);
      s += returnChar(i);
      s += returnBoolean(i);
      s += returnNull(i);
      c += returnByte(i);
      sh += returnShort(i);
      bits ^= returnLong(i);
      bits <<= returnByte(i);
      bits |= returnInt(i);
      x %= 1_000_003;
      x >>= returnShort(i);
      x >>>= returnChar(i);
      x &= returnInt(i);
    }
    return total + " " + x + " " + d + " " + s + " " + c + " " + sh + " " + bits;
  }

  /** {@code x += compute(i)}: the spec's example, with an int callee and a long local. */
  @Fibered
  static long sumOfComputed(int n) {
    long x = 0;
    for (int i = 0; i < n; i++) {
      x += compute(i);
    }
    return x;
  }

  @Fibered
  static int compute(int i) {
    int r = i;
    for (int k = 0; k < 3; k++) {
      r = r * 1_000_003 + k;
    }
    return r;
  }

  /** Callee results assigned to host static fields, unqualified. */
  @Fibered
  static long assignsStaticFields(int n) {
    staticTotal = returnLong(n);
    staticText = returnString(n);
    return staticTotal + staticText.length();
  }

  // ------------------------------------------------------------------ void

  @Fibered
  static void fill(int[] out, int value) {
    for (int i = 0; i < out.length; i++) {
      out[i] = value + i;
      Fiber.yield();
    }
  }

  @Fibered
  static void appendTwice(List<String> out, String s) {
    out.add(s);
    Fiber.yieldNow();
    out.add(s);
  }

  @Fibered
  static void voidWithEarlyReturns(List<String> out, int n) {
    if (n < 0) {
      return;
    }
    for (int i = 0; i < 10; i++) {
      out.add("i" + i);
      if (i == n) {
        return;
      }
    }
    out.add("end");
  }

  /** Void callees called as statements. */
  @Fibered
  static String callsVoids(int n) {
    int[] arr = new int[n];
    fill(arr, 10);
    List<String> out = new ArrayList<>();
    appendTwice(out, "x");
    voidWithEarlyReturns(out, n);
    voidWithEarlyReturns(out, -1);
    appendTwice(out, "y");
    return java.util.Arrays.toString(arr) + out;
  }

  /** Non-void callees called as statements: the result is dropped. */
  @Fibered
  static int resultsDropped(int n) {
    returnInt(n);
    returnString(n);
    returnNull(n);
    returnArray(n);
    return n;
  }

  // ------------------------------------------------------------------ many parameters

  @Fibered
  static String manyParameters(
      byte b,
      short s,
      char c,
      int i,
      long l,
      float f,
      double d,
      boolean z,
      String str,
      int[] arr,
      List<String> list,
      Object obj) {
    String out = "";
    for (int k = 0; k < 3; k++) {
      b++;
      s += 2;
      c++;
      i *= 2;
      l -= 1;
      f /= 2;
      d *= 1.5;
      z = !z;
      str += k;
      arr[k % arr.length] += k;
      list.add("k" + k);
      Fiber.yieldNow();
      out += b + "," + s + "," + c + "," + i + "," + l + "," + f + "," + d + "," + z + ";";
    }
    return out + str + java.util.Arrays.toString(arr) + list + obj;
  }

  /** Calls a many-parameter @Fibered method from fibered code. */
  @Fibered
  static String callsManyParameters(int n) {
    List<String> list = new ArrayList<>();
    String r =
        manyParameters(
            (byte) n, (short) (n * 2), 'q', n, 10L * n, 1.5f, 2.5, n % 2 == 0, "s", new int[] {n, 2},
            list, null);
    return r + list.size();
  }

  // ------------------------------------------------------------------ varargs

  @Fibered
  static int sum(int... xs) {
    int s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }

  @Fibered
  static String join(String separator, String... parts) {
    String out = "";
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out += separator;
      }
      out += parts[i];
    }
    return out + "#" + parts.length;
  }

  @Fibered
  static int countObjects(Object... things) {
    int n = 0;
    for (Object o : things) {
      n += o == null ? 100 : 1;
    }
    return n;
  }

  /** Varargs @Fibered methods called from fibered code with none, one, several and an array. */
  @Fibered
  static String callsVarargs(int n) {
    int none = sum();
    int one = sum(n);
    int several = sum(1, 2, 3, n);
    int array = sum(new int[] {5, 6});
    String j0 = join("-");
    String j1 = join("-", "a");
    String j3 = join("-", "a", "b", "c");
    String ja = join("-", new String[] {"x", "y"});
    int o = countObjects("a", 2, null, 'c');
    return none + " " + one + " " + several + " " + array + " " + j0 + " " + j1 + " " + j3 + " "
        + ja + " " + o;
  }

  // ------------------------------------------------------------------ generic parameter types

  /** Wildcards, functional interfaces applied in the body (lambdas come from the caller). */
  @Fibered
  static List<? extends Number> genericParameters(
      List<? extends Number> nums,
      Map<String, ? super Integer> sink,
      Function<Integer, Integer> f,
      IntBinaryOperator op,
      Comparable<String> cmp) {
    int acc = 0;
    for (Number n : nums) {
      acc = op.applyAsInt(acc, f.apply(n.intValue()));
      Fiber.yield();
    }
    sink.put("acc", acc);
    sink.put("cmp", cmp.compareTo("m"));
    return nums;
  }
}
