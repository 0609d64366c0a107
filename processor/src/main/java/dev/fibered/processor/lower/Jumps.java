package dev.fibered.processor.lower;

/** Where {@code break} and {@code continue} go in the lowered statement that encloses them. */
interface Jumps {
  /** The exit of the loop or labelled statement {@code label} (innermost loop if null). */
  Label breakTarget(String label);

  /** The back-edge of the loop {@code label} (innermost loop if null). */
  Label continueTarget(String label);
}
