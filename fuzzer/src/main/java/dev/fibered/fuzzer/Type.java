package dev.fibered.fuzzer;

/** The types of the locals, parameters and results of generated code. */
enum Type {
  INT("int"),
  LONG("long"),
  BOOLEAN("boolean"),
  STRING("String"),
  ARRAY("int[]");

  final String java;

  Type(String java) {
    this.java = java;
  }

  /** Whether a method may return it (and so a call's result may be assigned to it). */
  boolean isResult() {
    return this == INT || this == LONG || this == STRING;
  }
}
