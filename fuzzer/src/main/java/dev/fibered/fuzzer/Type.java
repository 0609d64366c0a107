package dev.fibered.fuzzer;

/** The types of the locals, parameters, fields and results of generated code. */
enum Type {
  INT("int"),
  LONG("long"),
  BOOLEAN("boolean"),
  STRING("String"),
  ARRAY("int[]"),
  /** A method's result only: a void method is called as a statement. */
  VOID("void"),
  /** A local holding a lambda or method reference, applied later (never traced: no identity). */
  INT_OPERATOR("java.util.function.IntUnaryOperator"),
  /** A local holding a lambda that records to the trace when run. */
  RUNNABLE("Runnable"),
  /** A local holding an implementation of the {@link Hierarchy}'s base type, to dispatch on. */
  BASE(Hierarchy.BASE),
  /**
   * An instance of a local record, class or enum, or a list of them ({@link LocalClasses}): its
   * {@code toString} is deterministic, so it can be traced.
   */
  LOCAL_VALUE("Object"),
  /** A local interface's instance (a lambda among them), or a list of them: never traced. */
  LOCAL_FUNCTION("Object"),
  /** Not a variable: the name of a local type, in the {@link Scope} for as long as the type is. */
  LOCAL_TYPE("Object");

  /** The types of values: what a declaration, an assignment or a trace event may pick. */
  static final Type[] VALUES = {INT, LONG, BOOLEAN, STRING, ARRAY};

  final String java;

  Type(String java) {
    this.java = java;
  }

  /** Whether a value of this type can be written to the trace (a lambda's identity cannot). */
  boolean isTraceable() {
    return this != INT_OPERATOR && this != RUNNABLE && this != VOID && this != BASE && this != LOCAL_FUNCTION
        && this != LOCAL_TYPE;
  }

  /** Whether {@code target op= value} compiles for some arithmetic {@code op}. */
  boolean isNumeric() {
    return this == INT || this == LONG;
  }
}
