package dev.fibered.processor.lower;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * The exception handlers that cover a set of states: the catch clauses and finally block of a
 * lowered {@code try} whose body the states come from, then those of the tries around it. The
 * machine's {@code enterHandler} looks them up by its current state when an exception reaches it.
 */
public final class TryRegion {
  private final TryRegion enclosing;
  private final List<Handler> handlers;

  TryRegion(TryRegion enclosing, List<Handler> handlers) {
    this.enclosing = enclosing;
    this.handlers = List.copyOf(handlers);
  }

  /** Every handler that covers the region's states, in the order Java tries them. */
  public List<Handler> chain() {
    List<Handler> all = new ArrayList<>();
    for (TryRegion r = this; r != null; r = r.enclosing) {
      all.addAll(r.handlers);
    }
    return all;
  }

  /**
   * One catch clause, or a finally block (which takes every exception).
   *
   * @param caught the types the clause catches (several for a multi-catch); empty for a finally
   * @param field the machine field that receives the exception
   * @param fieldType the field's type; the exception is cast to it unless it is {@code Throwable}
   * @param target where the handler's code starts
   */
  public record Handler(List<TypeName> caught, String field, TypeName fieldType, Label target) {
    public boolean catchesEverything() {
      return caught.isEmpty();
    }
  }
}
