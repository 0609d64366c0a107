package dev.fibered.processor.lower;

import com.sun.source.tree.ExpressionTree;

/**
 * How {@code break}, {@code continue} and {@code return} leave a statement that is copied into a
 * state: as state changes, through the lowered finally blocks they cross.
 */
interface Jumps {
  /** Code that goes to the exit of the loop or labelled statement {@code label} (innermost loop if null). */
  Code breakTo(String label);

  /** Code that goes to the back-edge of the loop {@code label} (innermost loop if null). */
  Code continueTo(String label);

  /** Code that returns {@code value} (null for a void method) from the machine. */
  Code returnWith(Code value);

  /**
   * Code that makes {@code value}, printed from {@code source}, the value of the innermost lowered
   * switch expression.
   */
  Code yieldWith(Code value, ExpressionTree source);
}
