package dev.fibered.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one JVM per fork of a case and peer (this JVM's java, this class path), collects its
 * samples and reduces them: each fork's median, then the median and spread over forks.
 */
final class Forks {
  /** Heap for the children: 1M suspended virtual threads need well over 1 GB. */
  static final String HEAP = "-Xmx6g";

  private Forks() {}

  /** The outcome of a job: a stat per metric, or why it did not run. */
  static final class Outcome {
    final Map<String, Stat> stats;
    final String note;

    Outcome(Map<String, Stat> stats, String note) {
      this.stats = stats;
      this.note = note;
    }

    Stat stat(String metric) {
      return stats == null ? null : stats.get(metric);
    }

    @Override
    public String toString() {
      return note != null ? note : stats.toString();
    }
  }

  static Outcome run(String name, String peer, int carriers, long size, long param, int warmup,
      int iterations, int forks) {
    Map<String, List<Double>> forkMedians = new LinkedHashMap<>();
    for (int fork = 0; fork < forks; fork++) {
      List<String> command = new ArrayList<>();
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.add(HEAP);
      if (peer.equals("threads")) {
        command.add("-Djdk.virtualThreadScheduler.parallelism=" + carriers);
        command.add("-Djdk.virtualThreadScheduler.maxPoolSize=" + Math.max(carriers, 256));
      }
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Child.class.getName());
      for (Object arg : new Object[] {name, peer, carriers, size, param, warmup, iterations}) {
        command.add(String.valueOf(arg));
      }
      Map<String, List<Double>> samples = new LinkedHashMap<>();
      String unsupported = null;
      try {
        Process process = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("unsupported ")) {
              unsupported = line.substring("unsupported ".length());
            } else if (line.startsWith("sample ")) {
              int last = line.lastIndexOf(' ');
              samples.computeIfAbsent(line.substring(7, last), k -> new ArrayList<>())
                  .add(Double.parseDouble(line.substring(last + 1)));
            }
          }
        }
        int exit = process.waitFor();
        if (exit != 0) {
          throw new IllegalStateException(name + " on " + peer + " (" + carriers
              + " carriers) failed with exit code " + exit + "; see its error output above");
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (unsupported != null) {
        return new Outcome(null, unsupported);
      }
      samples.forEach((metric, values) ->
          forkMedians.computeIfAbsent(metric, k -> new ArrayList<>()).add(Stat.median(values)));
    }
    Map<String, Stat> stats = new LinkedHashMap<>();
    forkMedians.forEach((metric, medians) -> stats.put(metric, Stat.ofForks(medians)));
    return new Outcome(stats, null);
  }
}
