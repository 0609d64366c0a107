package dev.fibered.processor.lower;

import java.util.HashSet;
import java.util.Set;

/**
 * Picks names for generated fields, locals and classes that clash neither with each other nor
 * with any identifier of the user's file (so a generated name can never capture or shadow a
 * user's name).
 */
final class Namer {
  private final Set<String> avoid;
  private final Set<String> taken = new HashSet<>();
  private final Set<String> packageHeads = new HashSet<>();

  Namer(Set<String> identifiersInFile) {
    this.avoid = identifiersInFile;
  }

  /** A name for something of ours: {@code preferred} unless the file uses it already. */
  String internal(String preferred) {
    String name = preferred;
    for (int i = 2; avoid.contains(name) || taken.contains(name); i++) {
      name = preferred + i;
    }
    taken.add(name);
    return name;
  }

  /** A field name for a user's local: its own name unless another field has it already. */
  String forLocal(String local) {
    if (!taken.contains(local) && !packageHeads.contains(local)) {
      taken.add(local);
      return local;
    }
    return internal(local);
  }

  /**
   * Marks {@code name} as the first part of a qualified name ({@code org} in {@code
   * org.w3c.dom.Node}): a field of that name would obscure the package everywhere in the machine,
   * where the local it holds was not in scope.
   */
  void avoidForLocals(String name) {
    packageHeads.add(name);
  }

  /** Marks a name as used without allocating it (the machine's inherited members). */
  void reserve(String name) {
    taken.add(name);
  }
}
