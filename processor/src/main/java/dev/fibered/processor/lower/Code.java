package dev.fibered.processor.lower;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of generated Java: text interleaved with {@link Label}s (become state numbers), {@link
 * TypeName}s (become imported or qualified type names when emitted) and {@link SourceLine}s (where
 * the code comes from, for stack traces).
 */
public final class Code {
  private final List<Object> parts = new ArrayList<>();

  public Code text(String s) {
    if (!s.isEmpty()) {
      if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof String) {
        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + s);
      } else {
        parts.add(s);
      }
    }
    return this;
  }

  public Code label(Label label) {
    parts.add(label);
    return this;
  }

  /** Marks that the code appended next comes from {@code sourceLine}. */
  public Code line(long sourceLine) {
    parts.add(new SourceLine((int) sourceLine));
    return this;
  }

  public Code type(TypeName type) {
    parts.add(type);
    return this;
  }

  public Code append(Code other) {
    for (Object part : other.parts) {
      if (part instanceof String) {
        text((String) part);
      } else {
        parts.add(part);
      }
    }
    return this;
  }

  /**
   * This code with {@code indent} after every line break but a last one, for a block nested in
   * other generated code.
   */
  public Code indented(String indent) {
    Code out = new Code();
    for (int i = 0; i < parts.size(); i++) {
      Object part = parts.get(i);
      if (part instanceof String) {
        String text = (String) part;
        boolean last = i == parts.size() - 1;
        String body = last && text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        out.text(body.replace("\n", "\n" + indent) + (body.equals(text) ? "" : "\n"));
      } else {
        out.parts.add(part);
      }
    }
    return out;
  }

  /** Text, {@link Label}, {@link TypeName} and {@link SourceLine} parts, in order. */
  public List<Object> parts() {
    return Collections.unmodifiableList(parts);
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    parts.forEach(sb::append);
    return sb.toString();
  }
}
