package dev.fibered.processor.lower;

/**
 * A {@link Code} part that marks where the code after it comes from in the user's source; the
 * emitter turns these into the generated file's line table for stack traces.
 *
 * @param line a 1-based line of the source file
 */
public record SourceLine(int line) {
  /** Prints nothing: a marker is not code. */
  @Override
  public String toString() {
    return "";
  }
}
