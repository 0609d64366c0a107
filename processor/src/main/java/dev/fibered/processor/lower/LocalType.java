package dev.fibered.processor.lower;

import com.palantir.javapoet.ClassName;
import com.sun.source.tree.ClassTree;

/**
 * A local class, record, interface or enum of a lowered body, hoisted into the machine as a member
 * type: code after a switch point runs in another {@code case} of {@code resume()}, where a local
 * declaration would be out of scope.
 *
 * @param name its name in the source
 * @param declaration its declaration
 * @param typeName how the machine names it: {@code Name}, or {@code NameScope.Name} when it sits in
 *     a holder class (it captures locals, or another local type of the method took its name)
 * @param frameLocal when it captures locals: the source-side key of the machine field holding the
 *     current holder instance, whose fields are the captured values (see {@link LocalScope}); else
 *     null
 */
record LocalType(String name, ClassTree declaration, ClassName typeName, String frameLocal) {
  /** How code names the type: {@code Name} or {@code NameScope.Name}. */
  String written() {
    return String.join(".", typeName.simpleNames());
  }

  /** The key under which the holder instance is a local of the scope: no identifier looks so. */
  static String frameKey(String name) {
    return "new " + name;
  }

  /** The key under which a type declared in copied code is among the printer's copied names. */
  static String copiedKey(String name) {
    return "class " + name;
  }
}
