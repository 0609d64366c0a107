package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual dispatch of @Fibered methods: abstract, overridable, overridden, in interfaces (abstract
 * and default), in generic supertypes (with bridges), and implementations that are not @Fibered
 * (a lambda, an anonymous class), which run as plain calls.
 */
final class CorpusDispatch {
  private CorpusDispatch() {}

  /** An abstract class: an abstract @Fibered method and a template method calling it. */
  abstract static class Shape {
    final List<String> log = new ArrayList<>();

    @Fibered
    abstract int area(int scale);

    @Fibered
    int describe(int scale) {
      int total = 0;
      for (int i = 1; i <= scale; i++) {
        total += area(i); // dispatches on this' class
        Fiber.yield();
      }
      log.add(getClass().getSimpleName() + ":" + total);
      return total;
    }

    @Fibered
    String title() {
      Fiber.yieldNow();
      return "shape";
    }
  }

  static class Square extends Shape {
    @Fibered
    @Override
    int area(int scale) {
      Fiber.yieldNow();
      return scale * scale;
    }

    @Fibered
    @Override
    String title() {
      Fiber.yieldNow();
      return "square";
    }
  }

  /** Inherits Square's area; overrides the template. */
  static final class BigSquare extends Square {
    @Fibered
    @Override
    int describe(int scale) {
      int small = 0;
      for (int i = 0; i < scale; i++) {
        small += area(i + 10);
      }
      Fiber.yieldNow();
      return -small;
    }
  }

  /** Inherits everything from Square but name. */
  static class Tile extends Square {
    @Fibered
    @Override
    final String title() {
      Fiber.yieldNow();
      return "tile";
    }
  }

  static final class Circle extends Shape {
    @Fibered
    @Override
    int area(int scale) {
      int a = 0;
      for (int i = 0; i < 3; i++) {
        a += scale;
        Fiber.yield();
      }
      return a;
    }
  }

  /** An interface: an abstract @Fibered method, and a default one that calls it. */
  interface Source {
    @Fibered
    int next(int seed);

    @Fibered
    default int sum(int n) {
      int s = 0;
      for (int i = 0; i < n; i++) {
        s += next(i);
      }
      return s;
    }
  }

  static final class Counter implements Source {
    int calls;

    @Fibered
    @Override
    public int next(int seed) {
      calls++;
      Fiber.yieldNow();
      return seed + calls;
    }
  }

  /** Overrides the default method too. */
  static final class Doubler implements Source {
    @Fibered
    @Override
    public int next(int seed) {
      Fiber.yieldNow();
      return 2 * seed;
    }

    @Fibered
    @Override
    public int sum(int n) {
      Fiber.yieldNow();
      return -n;
    }
  }

  /** A sub-interface whose default overrides the super-interface's. */
  interface CountingSource extends Source {
    @Fibered
    @Override
    default int sum(int n) {
      Fiber.yieldNow();
      return 1000 + n;
    }
  }

  static final class Tens implements CountingSource {
    @Fibered
    @Override
    public int next(int seed) {
      return 10 * seed;
    }
  }

  /** A generic supertype; the override with a narrower parameter type is reached through javac's bridge. */
  abstract static class Transformer<T> {
    @Fibered
    abstract T apply(T value);

    @Fibered
    List<T> applyAll(List<T> values) {
      List<T> out = new ArrayList<>();
      for (T v : values) {
        T applied = apply(v);
        out.add(applied);
      }
      return out;
    }
  }

  static final class Shout extends Transformer<String> {
    @Fibered
    @Override
    String apply(String value) {
      Fiber.yieldNow();
      return value.toUpperCase();
    }
  }

  /** A method throwing through dispatch. */
  static class Thrower {
    @Fibered
    int risky(int n) throws Exception {
      Fiber.yieldNow();
      if (n < 0) {
        throw new Exception("base " + n);
      }
      return n;
    }
  }

  static final class StrictThrower extends Thrower {
    @Fibered
    @Override
    int risky(int n) throws Exception {
      Fiber.yieldNow();
      if (n < 10) {
        throw new IllegalArgumentException("strict " + n);
      }
      return n;
    }
  }

  @Fibered
  static String shapes(int scale) {
    List<Shape> shapes = List.of(new Square(), new Circle(), new BigSquare(), new Tile());
    StringBuilder out = new StringBuilder();
    for (Shape s : shapes) {
      int area = s.area(scale);
      int described = s.describe(scale);
      String title = s.title();
      out.append(title).append(' ').append(area).append(' ').append(described).append(s.log).append(';');
    }
    Square sq = new Tile();
    String title = sq.title();
    int area = sq.area(2);
    out.append(title).append(area);
    return out.toString();
  }

  /** Receivers whose type the source writes without a variable: a creation, a cast, parentheses. */
  @Fibered
  static String writtenReceivers(int scale) {
    int created = new Tile().area(scale);
    Object shape = new Circle();
    int cast = ((Shape) shape).area(scale);
    Shape square = new Square();
    int parenthesized = (square).area(scale);
    return created + " " + cast + " " + parenthesized;
  }

  @Fibered
  static String sources(int n) {
    Counter counter = new Counter();
    List<Source> sources = new ArrayList<>();
    sources.add(counter);
    sources.add(new Doubler());
    sources.add(new Tens());
    sources.add(seed -> seed * 7); // a lambda: a plain call
    sources.add(anonymous());
    StringBuilder out = new StringBuilder();
    for (Source s : sources) {
      int one = s.next(n);
      int all = s.sum(n);
      out.append(one).append('/').append(all).append(' ');
    }
    return out.append(counter.calls).toString();
  }

  static Source anonymous() {
    return new Source() {
      @Override
      public int next(int seed) {
        return seed - 1;
      }
    };
  }

  @Fibered
  static List<String> transform(List<String> words) {
    Transformer<String> t = new Shout();
    List<String> out = t.applyAll(words);
    String last = t.apply("last");
    out.add(last);
    return out;
  }

  @Fibered
  static String throwing(int n) {
    List<Thrower> throwers = List.of(new Thrower(), new StrictThrower());
    StringBuilder out = new StringBuilder();
    for (Thrower t : throwers) {
      try {
        out.append(t.risky(n));
      } catch (IllegalArgumentException e) {
        out.append("IAE:").append(e.getMessage());
      } catch (Exception e) {
        out.append("E:").append(e.getMessage());
      }
      out.append(' ');
    }
    return out.toString();
  }

  @Fibered
  static int nullReceiver() {
    Shape none = null;
    return none.area(1);
  }
}
