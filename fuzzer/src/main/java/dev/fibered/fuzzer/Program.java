package dev.fibered.fuzzer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated program: one class {@code fuzz.<name>} whose {@code @Fibered} static methods all
 * take {@code (List<String> t, int d, int a)}: the trace, the depth left and a value. The runner
 * calls the {@link #entries} with {@link #ENTRY_DEPTH} and {@link #ENTRY_ARGS}.
 */
public final class Program {
  /** The package of every generated program. */
  public static final String PACKAGE = "fuzz";

  /** The depth an entry method starts with; calls pass {@code d - 1} and stop at 0. */
  public static final int ENTRY_DEPTH = 3;

  /** The values of {@code a} each entry is run with. */
  static final int[] ENTRY_ARGS = {1, 6};

  final long seed;
  final String name;
  final Node root;
  final List<String> entries;
  private final Set<Node> removed;

  Program(long seed, String name, Node root, List<String> entries) {
    this(seed, name, root, entries, Collections.emptySet());
  }

  private Program(long seed, String name, Node root, List<String> entries, Set<Node> removed) {
    this.seed = seed;
    this.name = name;
    this.root = root;
    this.entries = entries;
    this.removed = removed;
  }

  /** The seed the program was generated from (for a regression file: -1). */
  public long seed() {
    return seed;
  }

  /** The simple name of the class. */
  public String name() {
    return name;
  }

  /** The fully qualified name of the class. */
  public String className() {
    return PACKAGE + "." + name;
  }

  /** The Java source. */
  public String source() {
    StringBuilder out = new StringBuilder();
    root.render(out, 0, removed);
    return out.toString();
  }

  /** The nodes the shrinker may drop that are still in the program. */
  List<Node> removable() {
    List<Node> all = new ArrayList<>();
    root.collect(all);
    List<Node> out = new ArrayList<>();
    for (Node n : all) {
      if (n.removable && !removed.contains(n) && !isBelowRemoved(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private boolean isBelowRemoved(Node n) {
    for (Node r : removed) {
      List<Node> below = new ArrayList<>();
      r.collect(below);
      if (below.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** This program without {@code node}. */
  Program without(Node node) {
    Set<Node> more = new java.util.HashSet<>(removed);
    more.add(node);
    return new Program(seed, name, root, entries, more);
  }

  /**
   * A program read back from its source (a kept regression), whose first line is the header the
   * generator writes: {@code // seed 42; entries: m0 m1}. Not shrinkable.
   */
  public static Program ofSource(String source) {
    Matcher header = HEADER.matcher(source);
    Matcher name = CLASS.matcher(source);
    if (!header.lookingAt() || !name.find()) {
      throw new IllegalArgumentException("not a generated program: no '// seed N; entries: ...' first line or no class");
    }
    Node root = new Node(false);
    String text = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
    for (String line : text.split("\n", -1)) {
      root.line(line);
    }
    return new Program(
        Long.parseLong(header.group(1)), name.group(1), root, List.of(header.group(2).trim().split(" +")));
  }

  private static final Pattern HEADER = Pattern.compile("// seed (-?\\d+); entries: ([\\w ]+)");
  private static final Pattern CLASS = Pattern.compile("final class (\\w+) \\{");

  @Override
  public String toString() {
    return "program " + name + " (seed " + seed + ")";
  }
}
