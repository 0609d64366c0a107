package dev.fibered.processor.lower;

import java.util.List;
import java.util.Map;

/**
 * One {@code case} of the generated machine.
 *
 * @param number the state number
 * @param comment where in the source the state starts, for a comment in the generated code
 * @param ops what the state does; the last op terminates
 * @param numbers the numbers of all states, by label, to resolve jumps
 */
public record State(int number, String comment, List<Op> ops, Map<Label, Integer> numbers) {}
