package dev.fibered.fuzzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One statement (or member) of a generated program: lines of text and nested {@link Block}s. The
 * program is kept as this tree, not as a string, so that {@link Shrinker} can drop statements.
 */
final class Node {
  /** Each part is a line ({@link String}) or a nested {@link Block}, indented one level more. */
  final List<Object> parts = new ArrayList<>();

  /** Whether the shrinker may try to drop this node. */
  final boolean removable;

  Node(boolean removable) {
    this.removable = removable;
  }

  static Node of(String line) {
    return new Node(true).line(line);
  }

  static Node fixed(String line) {
    return new Node(false).line(line);
  }

  Node line(String text) {
    parts.add(text);
    return this;
  }

  Node block(Block block) {
    parts.add(block);
    return this;
  }

  void render(StringBuilder out, int indent, Set<Node> skip) {
    if (skip.contains(this)) {
      return;
    }
    for (Object part : parts) {
      if (part instanceof Block) {
        ((Block) part).render(out, indent + 1, skip);
      } else {
        out.append("  ".repeat(indent)).append(part).append('\n');
      }
    }
  }

  /** This node and every node below it, in source order. */
  void collect(List<Node> into) {
    into.add(this);
    for (Object part : parts) {
      if (part instanceof Block) {
        for (Node n : ((Block) part).nodes) {
          n.collect(into);
        }
      }
    }
  }

  /** A list of statements or members. */
  static final class Block {
    final List<Node> nodes = new ArrayList<>();

    Block add(Node n) {
      nodes.add(n);
      return this;
    }

    void render(StringBuilder out, int indent, Set<Node> skip) {
      for (Node n : nodes) {
        n.render(out, indent, skip);
      }
    }
  }
}
