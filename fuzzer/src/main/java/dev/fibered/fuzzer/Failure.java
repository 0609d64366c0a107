package dev.fibered.fuzzer;

/** A program the fuzzer found wrong: javac crashed on it, or a fiber run disagreed, or hung. */
public final class Failure {
  /** What went wrong. */
  public enum Kind {
    /** An exception out of javac, or an error diagnostic on the program or its generated code. */
    CRASH,
    /** A fiber's value, exception or trace differs from the direct call's. */
    MISMATCH,
    /** The runs did not finish within the time limit. */
    HANG,
    /**
     * Not a failure of Fibered: the javac running the fuzzer crashes on the plain source itself
     * (compiled alone, without the processor), or wrote bytecode for it that the JVM rejects
     * (JDK 17's javac does both for some switch expressions and switches with locals in cases;
     * JDK 25's does not), so there is no direct run to compare with.
     */
    JAVAC_BUG
  }

  final Program program;
  final Kind kind;
  final String detail;

  Failure(Program program, Kind kind, String detail) {
    this.program = program;
    this.kind = kind;
    this.detail = detail;
  }

  public Program program() {
    return program;
  }

  public Kind kind() {
    return kind;
  }

  public String detail() {
    return detail;
  }

  /** The seed, what differed and the program, as printed for a failure. */
  public String report() {
    return kind + " seed " + program.seed() + " (" + program.name() + ")\n  " + detail + "\n" + program.source();
  }
}
