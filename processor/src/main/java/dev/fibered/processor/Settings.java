package dev.fibered.processor;

import dev.fibered.processor.lower.CheckPolicy;
import dev.fibered.processor.model.FibersNames;
import dev.fibered.processor.validate.Messages;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * What users turn: the compilation's {@code -Afibered.*} options, and a method's own
 * {@code @Fibered(checks = ..., timeSlice = ...)}, which win over them. A bad value is a compile
 * error on the option or the annotation, and the default stands in meanwhile so that no follow-up
 * errors bury it.
 */
final class Settings {
  static final String CHECKS = CheckPolicy.OPTION;
  static final String TIME_SLICE = "fibered.timeSlice";
  static final Set<String> OPTIONS = Set.of(CHECKS, TIME_SLICE);

  private static final String TIME_SLICE_VALUES =
      "a positive whole number with a unit: ns, us, ms or s (500us, 2ms)";
  private static final Pattern DURATION = Pattern.compile("(\\d{1,18})(ns|us|ms|s)");

  private final Messager messager;
  private CheckPolicy checks = CheckPolicy.DEFAULT;
  private long timeSliceNanos;

  Settings(Map<String, String> options, Messager messager) {
    this.messager = messager;
    for (String option : new TreeSet<>(options.keySet())) {
      if (option.startsWith("fibered.") && !OPTIONS.contains(option)) {
        messager.printMessage(
            Diagnostic.Kind.ERROR, Messages.unknownOption(option, new TreeSet<>(OPTIONS)));
      }
    }
    String policy = options.get(CHECKS);
    if (policy != null) {
      checks = parsedOption(CHECKS, policy, CheckPolicy::parse, CheckPolicy.VALUES, checks);
    }
    String slice = options.get(TIME_SLICE);
    if (slice != null) {
      timeSliceNanos =
          parsedOption(TIME_SLICE, slice, v -> box(nanos(v)), TIME_SLICE_VALUES, timeSliceNanos);
    }
  }

  private <T> T parsedOption(
      String option, String value, Function<String, Optional<T>> parse, String expected, T fallback) {
    Optional<T> parsed = parse.apply(value);
    if (parsed.isEmpty()) {
      messager.printMessage(Diagnostic.Kind.ERROR, Messages.badOption(option, value, expected));
    }
    return parsed.orElse(fallback);
  }

  /** The method's check policy. */
  CheckPolicy checks(ExecutableElement method) {
    return ownSetting(method, "checks", CheckPolicy::parse, CheckPolicy.VALUES).orElse(checks);
  }

  /** The time slice the method's fibers ask for, in nanoseconds, or 0 for the scheduler's. */
  long timeSliceNanos(ExecutableElement method) {
    return ownSetting(method, "timeSlice", v -> box(nanos(v)), TIME_SLICE_VALUES)
        .orElse(timeSliceNanos);
  }

  /**
   * The method's own value of an element of {@code @Fibered}, parsed; empty when it is not given,
   * is empty, or is bad (reported on the annotation).
   */
  private <T> Optional<T> ownSetting(
      ExecutableElement method,
      String element,
      Function<String, Optional<T>> parse,
      String expected) {
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
      if (!type.getQualifiedName().contentEquals(FibersNames.FIBERED)) {
        continue;
      }
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
          annotation.getElementValues().entrySet()) {
        if (!e.getKey().getSimpleName().contentEquals(element)) {
          continue;
        }
        String value = String.valueOf(e.getValue().getValue());
        if (value.isEmpty()) {
          return Optional.empty();
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
          messager.printMessage(
              Diagnostic.Kind.ERROR,
              Messages.badSetting(element, value, expected),
              method,
              annotation,
              e.getValue());
        }
        return parsed;
      }
    }
    return Optional.empty();
  }

  /** {@code 500us} and the like, in nanoseconds; empty unless positive and in range. */
  static OptionalLong nanos(String value) {
    Matcher m = DURATION.matcher(value.trim());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    long amount = Long.parseLong(m.group(1));
    long unit =
        switch (m.group(2)) {
          case "ns" -> 1L;
          case "us" -> 1_000L;
          case "ms" -> 1_000_000L;
          default -> 1_000_000_000L;
        };
    if (amount == 0 || amount > Long.MAX_VALUE / unit) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(amount * unit);
  }

  private static Optional<Long> box(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }
}
