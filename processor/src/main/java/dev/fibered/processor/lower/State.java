package dev.fibered.processor.lower;

import java.util.List;
import java.util.Map;

/**
 * One {@code case} of the generated machine.
 *
 * @param number the state number
 * @param comment where in the source the state starts, for a comment in the generated code
 * @param line the source line the state starts at (where a machine suspended in this state
 *     waits), or 0 if unknown
 * @param ops what the state does; the last op terminates
 * @param opLines the source line each op comes from, parallel to {@code ops}
 * @param numbers the numbers of all states, by label, to resolve jumps
 * @param region the handlers that catch what the state throws, or null if none do
 */
public record State(
    int number,
    String comment,
    int line,
    List<Op> ops,
    List<Integer> opLines,
    Map<Label, Integer> numbers,
    TryRegion region) {}
