package dev.fibered.processor.lower;

/**
 * A jump target in the state graph. Labels are placeholders while lowering; states get their
 * numbers last, after unreachable states are dropped and straight-line states merged.
 */
public final class Label {
  private final int id;

  Label(int id) {
    this.id = id;
  }

  @Override
  public String toString() {
    return "L" + id;
  }
}
