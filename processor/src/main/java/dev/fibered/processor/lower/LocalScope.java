package dev.fibered.processor.lower;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The locals in scope at a point of a lowered body, each mapped to the machine field that holds it
 * (a local lives across switch points, so it becomes a field; its name may change when two
 * declarations in sibling blocks share a name), and the local types in scope, each mapped to the
 * member of the machine it became.
 */
final class LocalScope {
  private final Deque<Map<String, String>> frames = new ArrayDeque<>();
  private final Deque<Map<String, LocalType>> types = new ArrayDeque<>();

  LocalScope() {
    push();
  }

  void push() {
    frames.push(new HashMap<>());
    types.push(new HashMap<>());
  }

  void pop() {
    frames.pop();
    types.pop();
  }

  void declareType(LocalType type) {
    types.peek().put(type.name(), type);
  }

  /** The local type {@code name} means here, or null if it names none. */
  LocalType type(String name) {
    for (Map<String, LocalType> frame : types) {
      LocalType type = frame.get(name);
      if (type != null) {
        return type;
      }
    }
    return null;
  }

  void declare(String local, String field) {
    frames.peek().put(local, field);
  }

  /** The field holding {@code local}, or null if no such local is in scope. */
  String field(String local) {
    for (Map<String, String> frame : frames) {
      String field = frame.get(local);
      if (field != null) {
        return field;
      }
    }
    return null;
  }
}
