package dev.fibered.processor.lower;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a state. {@link #terminates()} ops end a state: the emitter writes no code after
 * them in the same {@code case}.
 */
public sealed interface Op {
  boolean terminates();

  /** Labels this op may transfer control to. */
  List<Label> targets();

  /**
   * Copied or lowered statements; {@code terminates} if they cannot complete normally. The code may
   * jump to labels (a {@code break} out of a copied statement becomes a state change).
   */
  record Statements(Code code, boolean terminates) implements Op {
    public List<Label> targets() {
      List<Label> labels = new ArrayList<>();
      for (Object part : code.parts()) {
        if (part instanceof Label) {
          labels.add((Label) part);
        }
      }
      return labels;
    }
  }

  /** {@code state = target; continue;} */
  record Jump(Label target) implements Op {
    public boolean terminates() {
      return true;
    }

    public List<Label> targets() {
      return List.of(target);
    }
  }

  /** {@code if (condition) { state = target; continue; }} */
  record JumpIf(Code condition, Label target) implements Op {
    public boolean terminates() {
      return false;
    }

    public List<Label> targets() {
      return List.of(target);
    }
  }

  /**
   * A switch point that suspends only when {@code due} holds: {@code if (due) { state = resume;
   * return SUSPEND; }}; the scheduling check ({@code check()}) and {@code Fiber.yield()} ({@code
   * yieldDue()}).
   */
  record SuspendIf(String due, Label resume) implements Op {
    public boolean terminates() {
      return false;
    }

    public List<Label> targets() {
      return List.of(resume);
    }
  }

  /** {@code state = resume; return SUSPEND;}: {@code Fiber.yieldNow()}. */
  record Suspend(Label resume) implements Op {
    public boolean terminates() {
      return true;
    }

    public List<Label> targets() {
      return List.of(resume);
    }
  }

  /** {@code state = resume; return call(machine);}: a call to a {@code @Fibered} method. */
  record Call(Code machine, Label resume) implements Op {
    public boolean terminates() {
      return true;
    }

    public List<Label> targets() {
      return List.of(resume);
    }
  }
}
