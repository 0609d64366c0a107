package dev.fibered.processor.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the states of a machine while lowering: ops are appended to the current block, {@link
 * #bind} starts a new block at a label. {@link #build} then drops blocks no path reaches, merges a
 * block into its only predecessor when that predecessor simply jumps to it, and numbers what is
 * left in source order, the entry being state 0.
 *
 * <p>Each block belongs to the {@link TryRegion} that was current when it started, and keeps it:
 * blocks of different regions are never merged, so every state is covered by exactly the handlers
 * of the try it comes from. A handler's code counts as reached from every block its region covers.
 */
final class StateGraph {
  private final List<Block> blocks = new ArrayList<>();
  private int labels;
  private Block current;
  private int line;
  private TryRegion region;
  private java.util.function.Supplier<Code> declarationsBefore = Code::new;

  Label newLabel() {
    return new Label(labels++);
  }

  /** The source line the ops added from now on come from. */
  int line() {
    return line;
  }

  void at(int sourceLine) {
    line = sourceLine;
  }

  /** The handlers that cover the blocks started from now on; null outside every lowered try. */
  TryRegion region() {
    return region;
  }

  void region(TryRegion handlers) {
    region = handlers;
  }

  /**
   * Starts a block at {@code label}, which starts at {@code sourceLine}; the block before falls
   * through to it by a jump.
   */
  void bind(Label label, String comment, int sourceLine) {
    if (current != null && !current.terminated()) {
      current.add(new Op.Jump(label), line);
    }
    current = new Block(label, comment, sourceLine, region);
    blocks.add(current);
  }

  /**
   * Declarations that the code of the next op needs in its state ({@link
   * JavaPrinter#takeSnapshots}); they are added just before it, so they share its {@code case}.
   */
  void declarationsBefore(java.util.function.Supplier<Code> declarations) {
    declarationsBefore = declarations;
  }

  void add(Op op) {
    Code declarations = declarationsBefore.get();
    if (!declarations.isEmpty()) {
      append(new Op.Statements(declarations, false));
    }
    append(op);
  }

  private void append(Op op) {
    if (current == null || current.terminated()) {
      // Code after a jump: unreachable, kept in a block of its own that build() drops.
      current = new Block(newLabel(), "", 0, region);
      blocks.add(current);
    }
    current.add(op, line);
  }

  /** Whether code appended now could run: false right after a jump, return or throw. */
  boolean reachable() {
    return current != null && !current.terminated();
  }

  List<State> build() {
    Map<Label, Block> byLabel = new HashMap<>();
    for (Block b : blocks) {
      byLabel.put(b.label, b);
    }
    Map<Block, Boolean> reached = new IdentityHashMap<>();
    Map<Label, Integer> references = new HashMap<>();
    List<Block> work = new ArrayList<>(List.of(blocks.get(0)));
    reached.put(blocks.get(0), true);
    while (!work.isEmpty()) {
      Block b = work.remove(work.size() - 1);
      List<Label> targets = new ArrayList<>();
      for (Op op : b.ops) {
        targets.addAll(op.targets());
      }
      if (b.region != null) {
        b.region.chain().forEach(h -> targets.add(h.target()));
      }
      for (Label target : targets) {
        references.merge(target, 1, Integer::sum);
        Block next = byLabel.get(target);
        if (reached.put(next, true) == null) {
          work.add(next);
        }
      }
    }
    List<Block> live = new ArrayList<>();
    for (Block b : blocks) {
      if (reached.containsKey(b)) {
        live.add(b);
      }
    }
    mergeStraightLines(live, byLabel, references);
    Map<Label, Integer> numbers = new LinkedHashMap<>();
    for (Block b : live) {
      numbers.put(b.label, numbers.size());
    }
    List<State> states = new ArrayList<>();
    for (Block b : live) {
      states.add(
          new State(
              numbers.get(b.label),
              b.comment,
              b.line,
              List.copyOf(b.ops),
              List.copyOf(b.lines),
              numbers,
              b.region));
    }
    return states;
  }

  /** A block reached only by the jump that ends its predecessor joins that predecessor. */
  private static void mergeStraightLines(
      List<Block> live, Map<Label, Block> byLabel, Map<Label, Integer> references) {
    boolean merged = true;
    while (merged) {
      merged = false;
      for (Block b : live) {
        Op last = b.ops.isEmpty() ? null : b.ops.get(b.ops.size() - 1);
        if (last instanceof Op.Jump) {
          Label target = ((Op.Jump) last).target();
          Block next = byLabel.get(target);
          if (next != b
              && next != live.get(0)
              && next.region == b.region
              && references.get(target) == 1) {
            b.ops.remove(b.ops.size() - 1);
            b.lines.remove(b.lines.size() - 1);
            b.ops.addAll(next.ops);
            b.lines.addAll(next.lines);
            live.remove(next);
            merged = true;
            break;
          }
        }
      }
    }
  }

  private static final class Block {
    final Label label;
    final String comment;
    final int line;
    final List<Op> ops = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();
    final TryRegion region;

    Block(Label label, String comment, int line, TryRegion region) {
      this.label = label;
      this.comment = comment;
      this.line = line;
      this.region = region;
    }

    void add(Op op, int sourceLine) {
      ops.add(op);
      lines.add(sourceLine);
    }

    boolean terminated() {
      return !ops.isEmpty() && ops.get(ops.size() - 1).terminates();
    }
  }
}
