package dev.fibered.processor.lower;

/**
 * Names the generated machine uses for itself, chosen to clash with no identifier in the user's
 * file.
 *
 * @param state the field holding the state number
 * @param self the field holding the receiver, or null for a static method
 * @param result the local that converts a return value to the method's return type
 * @param source the static field holding the machine's {@code SourceMap}
 * @param thrown the exception an exception handler is looking at, in {@code resume} and {@code
 *     enterHandler}
 * @param dispatch the label of {@code resume}'s loop, for jumps out of a loop copied as a Java loop
 */
public record MachineNames(
    String state, String self, String result, String source, String thrown, String dispatch) {
  /** The generated file's table of generated line to source line, read by every machine in it. */
  public static final String SOURCE_LINES = "SOURCE_LINES";
}
