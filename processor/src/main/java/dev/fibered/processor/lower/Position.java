package dev.fibered.processor.lower;

/** Where a name stands, which decides how javac would look it up (JLS 6.5). */
enum Position {
  /** A variable, or the start of a qualified name. */
  EXPRESSION,
  /** The name of a method being called. */
  METHOD,
  /** A type. */
  TYPE,
  /** The class of a {@code new} expression. */
  NEW_CLASS
}
