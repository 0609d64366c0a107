package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Local classes, records, interfaces and enums in @Fibered bodies: declared before a switch point
 * and used after it, they capture locals with the value Java gives them (each iteration's own),
 * keep their own members, constructors, initializers and {@code this}, and reach the host.
 */
final class CorpusLocalClasses {
  static final int STEP = 3;
  int bias = 100;

  /** A host member type with the name a local record below also takes. */
  static final class Pair {
    @Override
    public String toString() {
      return "host pair";
    }
  }

  static int twice(int x) {
    return 2 * x;
  }

  /** A local record used across switch points: its toString, equals and methods are Java's. */
  @Fibered
  static String records(int n) {
    record Point(int x, int y) {
      Point {
        if (x < 0) {
          throw new IllegalArgumentException("x " + x);
        }
      }

      Point(int both) {
        this(both, both);
      }

      int sum() {
        return x + y;
      }

      static Point origin() {
        return new Point(0);
      }
    }
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Fiber.yieldNow();
      points.add(new Point(i, twice(i)));
    }
    Point last = points.get(points.size() - 1);
    Fiber.yield();
    int total = 0;
    for (Point p : points) {
      total += p.sum();
    }
    String failed;
    try {
      new Point(-1, 0);
      failed = "no";
    } catch (IllegalArgumentException e) {
      failed = e.getMessage();
    }
    return points + " " + last.equals(new Point(n - 1, twice(n - 1))) + " " + total + " "
        + Point.origin() + " " + failed;
  }

  /**
   * A local class capturing a local that lives across switch points, in a loop: every instance
   * keeps the value of its own iteration, in field initializers, constructors and methods.
   */
  @Fibered
  static String capturesPerIteration(int n) {
    String prefix = "#";
    List<Supplier<String>> made = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i * STEP;
      Fiber.yieldNow();
      class Tagged implements Supplier<String> {
        final String tag = prefix + k;
        int uses;

        {
          uses = k;
        }

        Tagged() {
          uses++;
        }

        @Override
        public String get() {
          return tag + "/" + uses + "/" + copy().tag;
        }

        Tagged copy() {
          return new Tagged();
        }
      }
      made.add(new Tagged());
      Fiber.yield();
      made.add(new Tagged());
    }
    StringBuilder out = new StringBuilder();
    for (Supplier<String> s : made) {
      out.append(s.get()).append(' ');
    }
    return out.toString();
  }

  /** A local interface, a local enum with constants that have bodies, and a switch on it. */
  @Fibered
  static String enumsAndInterfaces(int n) {
    interface Shape {
      int area();

      default String describe() {
        return getClass().getSimpleName() + ":" + area();
      }
    }
    enum Op implements IntSupplier {
      ADD(1) {
        @Override
        public int getAsInt() {
          return weight + STEP;
        }
      },
      MUL(2) {
        @Override
        public int getAsInt() {
          return weight * STEP;
        }
      };

      final int weight;

      Op(int weight) {
        this.weight = weight;
      }
    }
    class Square implements Shape {
      final int side;

      Square(int side) {
        this.side = side;
      }

      @Override
      public int area() {
        return side * side;
      }
    }
    Fiber.yieldNow();
    List<Shape> shapes = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      shapes.add(new Square(i));
      int width = i;
      shapes.add(() -> width + 1);
      Fiber.yield();
    }
    StringBuilder out = new StringBuilder();
    for (Shape s : shapes) {
      out.append(s instanceof Square ? s.describe() : "lambda:" + s.area()).append(' ');
    }
    for (Op op : Op.values()) {
      Fiber.yieldNow();
      switch (op) {
        case ADD:
          out.append("add=").append(op.getAsInt());
          break;
        case MUL:
          out.append(" mul=").append(op.getAsInt());
          break;
        default:
          out.append("?");
      }
    }
    return out + " " + Op.valueOf("MUL").ordinal() + " " + Op.ADD;
  }

  /** In an instance method: host fields and methods, {@code this} of the local class, generics. */
  @Fibered
  <T extends Comparable<T>> String instanceAndGeneric(T first, T second) {
    class Box {
      final T value;

      Box(T value) {
        this.value = value;
      }

      boolean before(Box other) {
        return value.compareTo(other.value) < 0;
      }

      int biased() {
        return bias + twice(STEP) + this.value.toString().length();
      }
    }
    Box a = new Box(first);
    Fiber.yieldNow();
    Box b = new Box(second);
    bias = 1;
    Fiber.yield();
    return a.before(b) + " " + b.before(a) + " " + a.biased() + " " + b.biased();
  }

  /** A local class extending another, both capturing, with super calls and overrides. */
  @Fibered
  static String inheritance(int base) {
    int offset = base * 10;
    class Animal {
      final String name;

      Animal(String name) {
        this.name = name;
      }

      String sound() {
        return "...";
      }

      String speak() {
        return name + " says " + sound() + " " + offset;
      }
    }
    Fiber.yieldNow();
    int loud = base + 1;
    class Dog extends Animal {
      Dog() {
        super("dog");
      }

      @Override
      String sound() {
        return "woof".repeat(loud) + "/" + super.sound();
      }
    }
    Animal plain = new Animal("cat");
    Fiber.yield();
    Animal dog = new Dog();
    Fiber.yieldNow();
    return plain.speak() + "; " + dog.speak();
  }

  /**
   * A local record named as a host member type, and two sibling blocks declaring local types of
   * one name: each name means its own type, before and after switch points.
   */
  @Fibered
  static String namesAndShadowing(int n) {
    String before = new Pair().toString();
    StringBuilder out = new StringBuilder(before);
    if (n > 0) {
      record Pair(int left, int right) {}
      Pair p = new Pair(n, n + 1);
      Fiber.yieldNow();
      out.append(' ').append(p);
    } else {
      record Pair(String only) {}
      Pair p = new Pair("none");
      Fiber.yieldNow();
      out.append(' ').append(p);
    }
    {
      record Pair(long big) {}
      Fiber.yield();
      out.append(' ').append(new Pair(n * 1_000_000_000L));
    }
    return out.toString();
  }

  /**
   * Local classes where the whole scope is plain Java (a loop without switch points, a lambda),
   * capturing a local that lives across switch points.
   */
  @Fibered
  static String copiedInPlace(int n) {
    int scale = n + 1;
    Fiber.yieldNow();
    int total = 0;
    for (int i = 0; i < n; i++) {
      class Scaled {
        int of(int x) {
          return x * scale;
        }
      }
      total += new Scaled().of(i);
    }
    Supplier<String> inLambda =
        () -> {
          record Holder(int value) {}
          class Adder {
            int add(Holder h) {
              return h.value() + scale;
            }
          }
          return new Adder().add(new Holder(STEP)) + "";
        };
    Fiber.yield();
    return total + " " + inLambda.get();
  }

  /** A self-referencing local class (a linked list), built and walked across switch points. */
  @Fibered
  static String linkedList(int n) {
    String separator = ",";
    class Node {
      final int value;
      final Node next;

      Node(int value, Node next) {
        this.value = value;
        this.next = next;
      }

      Node push(int v) {
        return new Node(v, this);
      }

      String render() {
        return value + (next == null ? "" : separator + next.render());
      }
    }
    Node head = new Node(0, null);
    for (int i = 1; i <= n; i++) {
      Fiber.yieldNow();
      head = head.push(i);
    }
    Fiber.yield();
    return head.render();
  }

  /** A local class declared in a switch case, used in later states of the same case. */
  @Fibered
  static String inASwitchCase(int n) {
    StringBuilder out = new StringBuilder();
    switch (n % 3) {
      case 0:
      case 1:
        int base = n * 2;
        class Step {
          int next(int x) {
            return x + base;
          }
        }
        Step step = new Step();
        Fiber.yieldNow();
        out.append(step.next(1));
        Fiber.yield();
        out.append(' ').append(new Step().next(2));
        break;
      default:
        out.append("none");
    }
    return out.toString();
  }

  /** Lambdas and anonymous classes in the lowered body create a capturing local class. */
  @Fibered
  static String createdFromLambdasAndAnonymousClasses(int n) {
    List<Supplier<String>> makers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String label = "L" + i;
      class Labelled {
        final String text;

        Labelled(String suffix) {
          text = label + suffix;
        }
      }
      Fiber.yieldNow();
      makers.add(() -> new Labelled("!").text);
      makers.add(
          new Supplier<String>() {
            @Override
            public String get() {
              return new Labelled("?").text;
            }
          });
    }
    Fiber.yield();
    StringBuilder out = new StringBuilder();
    for (Supplier<String> m : makers) {
      out.append(m.get()).append(' ');
    }
    return out.toString();
  }

  /** A generic local class with the diamond, static members and a pattern on a local type. */
  @Fibered
  static String genericStaticAndPatterns(int n) {
    String sep = "|";
    class Pair<A, B> {
      static final String NAME = "pair";
      final A first;
      final B second;

      Pair(A first, B second) {
        this.first = first;
        this.second = second;
      }

      static int twice(int x) {
        return 2 * x;
      }

      @Override
      public String toString() {
        return first + sep + second;
      }
    }
    Pair<String, Integer> p = new Pair<>("n", n);
    Fiber.yieldNow();
    Object o = p;
    String shown = o instanceof Pair<?, ?> q ? Pair.NAME + ":" + q : "?";
    Fiber.yield();
    return shown + " " + Pair.twice(n) + " " + new Pair<>(p, p);
  }

  @Fibered
  static int work() {
    Fiber.yield();
    return -1;
  }

  /**
   * A local class whose own method has the name of a host method: inside the class, the name
   * means the class's own method, as in Java.
   */
  @Fibered
  static int ownMethodNamedAsAHostMethod(int n) {
    class Worker {
      int work() {
        return n + 1;
      }

      int run() {
        return work() * 10;
      }
    }
    Worker w = new Worker();
    Fiber.yield();
    int own = w.run();
    return own + work();
  }

  /** In an instance method: a local class writes a host field; exceptions cross it. */
  @Fibered
  String writesTheHost(int n) {
    class Account {
      int take(int amount) {
        if (amount > bias) {
          throw new IllegalStateException("short by " + (amount - bias));
        }
        bias -= amount;
        return bias;
      }
    }
    Account a = new Account();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Fiber.yieldNow();
      try {
        out.append(a.take(40)).append(' ');
      } catch (IllegalStateException e) {
        out.append(e.getMessage());
      }
    }
    return out.toString();
  }

  /** Varargs: a record component and a method parameter of local types, and an anonymous class. */
  @Fibered
  static String varargs(int n) {
    record Bag(String name, int... items) {
      int total() {
        int sum = 0;
        for (int i : items) {
          sum += i;
        }
        return sum;
      }
    }
    class Joiner {
      String join(String separator, Object... parts) {
        StringBuilder out = new StringBuilder();
        for (Object p : parts) {
          out.append(out.length() == 0 ? "" : separator).append(p);
        }
        return out.toString();
      }
    }
    IntSupplier counter =
        new IntSupplier() {
          int count(int... values) {
            return values.length;
          }

          @Override
          public int getAsInt() {
            return count(1, 2, 3) + count();
          }
        };
    Bag bag = new Bag("b", n, n + 1, n + 2);
    Fiber.yield();
    return new Joiner().join("-", bag.name(), bag.total(), bag.items().length, counter.getAsInt());
  }
}
