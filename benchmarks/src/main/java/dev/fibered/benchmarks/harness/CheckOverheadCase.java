package dev.fibered.benchmarks.harness;

import dev.fibered.benchmarks.CheckOverhead;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * The check-overhead case: JMH's {@link CheckOverhead} (each kernel as the plain method and as a
 * fiber), its results read back through JMH's API. The answers are compared first, in this JVM.
 */
final class CheckOverheadCase {
  private CheckOverheadCase() {}

  /** Median (and min–max) µs per call of each benchmark method, by method name. */
  static Map<String, Stat> run(int forks, int warmups, int iterations, TimeValue time) {
    CheckOverhead.checkAnswers();
    // JMH 1.37 uses sun.misc.Unsafe, which JDK 23+ warns about in every fork; allow it quietly.
    String[] jvmArgs = Runtime.version().feature() >= 23
        ? new String[] {"-Xmx1g", "--sun-misc-unsafe-memory-access=allow"}
        : new String[] {"-Xmx1g"};
    Options options = new OptionsBuilder()
        .include(CheckOverhead.class.getName() + "\\.")
        .forks(forks)
        .warmupIterations(warmups)
        .warmupTime(time)
        .measurementIterations(iterations)
        .measurementTime(time)
        .jvmArgsAppend(jvmArgs)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results;
    try {
      results = new Runner(options).run();
    } catch (RunnerException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Stat> out = new LinkedHashMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      Statistics statistics = result.getPrimaryResult().getStatistics();
      out.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), Stat.of(
          statistics.getPercentile(50), statistics.getMin(), statistics.getMax()));
    }
    return out;
  }
}
