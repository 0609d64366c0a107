package dev.fibered.benchmarks.harness;

import dev.fibered.benchmarks.peers.Peer;
import dev.fibered.benchmarks.peers.ThreadPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Issue 5's benchmark table: every case on Fibered, virtual threads and Kotlin coroutines, each
 * case and peer in JVMs of its own (several forks, warm-up runs first), medians with the spread
 * over forks, each goal judged. {@code --quick} runs every case once at small sizes and checks
 * the answers only. Started by {@code benchmarks/run}; prints the table and writes it to
 * {@code benchmarks/target/benchmarks-table.md}.
 */
public final class Bench {
  static final String[] PEERS = {"fibered", "threads", "kotlin"};

  private final boolean quick;
  private final String threadsSkipped;
  private final List<String[]> rows = new ArrayList<>();

  private Bench(boolean quick) {
    this.quick = quick;
    Peer threads = new ThreadPeer();
    this.threadsSkipped = threads.unavailable();
  }

  public static void main(String[] args) throws IOException {
    boolean quick = List.of(args).contains("--quick");
    Bench bench = new Bench(quick);
    int only = List.of(args).indexOf("--only");
    if (only >= 0) {
      bench.only = List.of(args[only + 1].split(","));
    }
    long start = System.nanoTime();
    bench.runAll();
    String table = bench.table((System.nanoTime() - start) / 1e9);
    System.out.println(table);
    Path out = Paths.get("benchmarks", "target", "benchmarks-table.md");
    if (Files.isDirectory(out.getParent())) {
      Files.write(out, table.getBytes(StandardCharsets.UTF_8));
      System.out.println("(also written to " + out + ")");
    }
  }

  /** Sizes: the in the full run; small ones in quick mode, where nothing is judged. */
  private long size(long full, long quickSize) {
    return quick ? quickSize : full;
  }

  private int forks() {
    return quick ? 1 : 3;
  }

  private Forks.Outcome job(String name, String peer, int carriers, long size, long param,
      int warmup, int iterations) {
    if (peer.equals("threads") && threadsSkipped != null) {
      return new Forks.Outcome(null, "skipped: " + threadsSkipped);
    }
    progress(name + " " + peer + " carriers=" + carriers + " size=" + size + " param=" + param);
    return quick
        ? Forks.run(name, peer, carriers, size, param, 0, 1, 1)
        : Forks.run(name, peer, carriers, size, param, warmup, iterations, forks());
  }

  private static void progress(String what) {
    System.err.println("[bench] " + what);
  }

  /** The cases to run ({@code --only check,fairness}), or null for all. */
  private List<String> only;

  private void runAll() {
    Map<String, Runnable> cases = new java.util.LinkedHashMap<>();
    cases.put("check", this::checkOverhead);
    cases.put("switch", this::switchCost);
    cases.put("skynet", this::skynetAndMultiCore);
    cases.put("spawn", this::spawnAndFootprint);
    cases.put("ring", this::ring);
    cases.put("fairness", this::fairness);
    cases.put("compile", this::compileTime);
    if (only != null && !cases.keySet().containsAll(only)) {
      throw new IllegalArgumentException("--only takes some of " + cases.keySet() + ", not " + only);
    }
    cases.forEach((name, run) -> {
      if (only == null || only.contains(name)) {
        run.run();
      }
    });
  }

  private void checkOverhead() {
    progress("check overhead (JMH)");
    Map<String, Stat> jmh = quick
        ? CheckOverheadCase.run(1, 0, 1, TimeValue.milliseconds(100))
        : CheckOverheadCase.run(2, 2, 3, TimeValue.seconds(1));
    double logSum = 0;
    String[][] kernels = {{"arraySum", "sum of 100,000 ints"}, {"fib", "recursive fib(20)"},
        {"nbody", "n-body step, 64 bodies"}};
    for (String[] kernel : kernels) {
      Stat plain = jmh.get(kernel[0] + "Plain");
      Stat fiber = jmh.get(kernel[0] + "Fiber");
      double ratio = fiber.median / plain.median;
      logSum += Math.log(ratio);
      row("check overhead: " + kernel[1], "µs per call (fiber / plain)",
          fiber + " / " + plain + " = " + ratio(ratio), "—", "—", "", "");
    }
    double geomean = Math.exp(logSum / kernels.length);
    row("check overhead: geomean", "fiber / plain", ratio(geomean), "—", "—",
        "at most 1.05x", judge(geomean <= 1.05, "geomean " + ratio(geomean)));
    // The same kernels under Preemption.TICKER, side by side with counting (the rows above).
    double tickerLogSum = 0;
    for (String[] kernel : kernels) {
      Stat plain = jmh.get(kernel[0] + "Plain");
      Stat counting = jmh.get(kernel[0] + "Fiber");
      Stat ticker = jmh.get(kernel[0] + "FiberTicker");
      double ratio = ticker.median / plain.median;
      tickerLogSum += Math.log(ratio);
      row("check overhead, ticker: " + kernel[1], "µs per call (fiber / plain); ticker / counting",
          ticker + " / " + plain + " = " + ratio(ratio) + "; "
              + ratio(ticker.median / counting.median), "—", "—", "", "");
    }
    double tickerGeomean = Math.exp(tickerLogSum / kernels.length);
    row("check overhead, ticker: geomean", "fiber / plain; ticker / counting",
        ratio(tickerGeomean) + "; " + ratio(tickerGeomean / geomean), "—", "—", "at most 1.05x",
        judge(tickerGeomean <= 1.05, "geomean " + ratio(tickerGeomean)));
  }

  private void switchCost() {
    long hops = size(1_000_000, 10_000);
    for (String name : new String[] {"yield", "channel"}) {
      Forks.Outcome[] out = new Forks.Outcome[PEERS.length];
      for (int p = 0; p < PEERS.length; p++) {
        out[p] = job(name, PEERS[p], 1, hops, 0, 2, 3);
      }
      String what = name.equals("yield") ? "switch cost: yield ping-pong, 10^6 hops"
          : "switch cost: rendezvous channel ping-pong, 10^6 hops";
      peerRow(what, "ns/hop", out, "ns/hop", "≤ 1/10 of virtual threads, ≤ Kotlin",
          ratioGoal(out, "ns/hop", 10, 1));
    }
  }

  private void skynetAndMultiCore() {
    long leaves = size(1_000_000, 1_000);
    Forks.Outcome[] one = new Forks.Outcome[PEERS.length];
    Forks.Outcome[] two = new Forks.Outcome[PEERS.length];
    for (int p = 0; p < PEERS.length; p++) {
      one[p] = job("skynet", PEERS[p], 1, leaves, 0, 1, 1);
    }
    peerRow("skynet, 1M leaves (sum 499999500000), 1 carrier", "ms", one, "ms",
        "≥ 3x faster than virtual threads, no slower than Kotlin", ratioGoal(one, "ms", 3, 1));
    for (int p = 0; p < PEERS.length; p++) {
      two[p] = job("skynet", PEERS[p], 2, leaves, 0, 1, 1);
    }
    multiCoreRow("multi-core: skynet, 2 carriers vs 1", one, two, "ms");
  }

  private void spawnAndFootprint() {
    long n = size(1_000_000, 1_000);
    Forks.Outcome[] spawn = new Forks.Outcome[PEERS.length];
    Forks.Outcome[] held = new Forks.Outcome[PEERS.length];
    for (int p = 0; p < PEERS.length; p++) {
      spawn[p] = job("spawn", PEERS[p], 1, n, 0, 1, 2);
    }
    peerRow("spawn: create and join 1M empty tasks", "ns/task", spawn, "ns/task", "none set",
        "shown");
    for (int p = 0; p < PEERS.length; p++) {
      held[p] = job("footprint", PEERS[p], 1, n, 0, 0, 1);
    }
    peerRow("footprint: 1M suspended tasks", "heap bytes/task", held, "bytes/task",
        "≤ 1/5 of a virtual thread's, ≤ Kotlin's", ratioGoal(held, "bytes/task", 5, 1));
  }

  private void ring() {
    // 10^6 hops, not the 10^7: with 3 depths, 3 peers and 3 forks, 10^7 alone would take
    // most of the 15 minutes; the cost per hop is steady from well below 10^6.
    long hops = size(1_000_000, 10_000);
    Forks.Outcome[] shallow = null;
    for (int depth : new int[] {1, 10, 100}) {
      Forks.Outcome[] out = new Forks.Outcome[PEERS.length];
      for (int p = 0; p < PEERS.length; p++) {
        out[p] = job("ring", PEERS[p], 1, hops, depth, 1, 2);
      }
      String goal = "";
      String verdict = "";
      if (depth == 1) {
        shallow = out;
      } else if (depth == 100) {
        goal = "Fibered depth 100 ≤ 1.5x depth 1";
        Stat deep = out[0].stat("ns/hop");
        Stat base = shallow[0].stat("ns/hop");
        verdict = judge(deep.median <= 1.5 * base.median, ratio(deep.median / base.median));
      }
      peerRow("ring: 503 tasks, 10^6 hops, call depth " + depth, "ns/hop", out, "ns/hop", goal,
          verdict);
    }
    Forks.Outcome[] two = new Forks.Outcome[PEERS.length];
    for (int p = 0; p < PEERS.length; p++) {
      two[p] = job("ring", PEERS[p], 2, hops, 1, 1, 2);
    }
    multiCoreRow("multi-core: ring, 2 carriers vs 1", shallow, two, "ns/hop");
  }

  private void multiCoreRow(String what, Forks.Outcome[] one, Forks.Outcome[] two,
      String metric) {
    String[] cells = new String[PEERS.length];
    for (int p = 0; p < PEERS.length; p++) {
      Stat a = one[p].stat(metric);
      Stat b = two[p].stat(metric);
      cells[p] = a == null || b == null
          ? (two[p].note != null ? two[p].note : one[p].note)
          : ratio(a.median / b.median) + " (" + Stat.number(b.median) + " " + metric + ")";
    }
    Stat a = one[0].stat(metric);
    Stat b = two[0].stat(metric);
    String verdict = a == null || b == null
        ? "MISSED: not measurable, " + (two[0].note != null ? two[0].note : one[0].note)
        : judge(a.median / b.median >= 1.7, ratio(a.median / b.median));
    row(what, "throughput, 2 / 1", cells[0], cells[1], cells[2], "Fibered ≥ 1.7x", verdict);
  }

  private void fairness() {
    long duration = size(2_000, 100);
    for (String peer : new String[] {"fibered", "fibered-ticker"}) {
      fibered(peer, duration);
    }
    Forks.Outcome[] peers = new Forks.Outcome[PEERS.length];
    for (int p = 1; p < PEERS.length; p++) {
      peers[p] = job("fairness", PEERS[p], 1, duration, 0, 0, 1);
    }
    String[] cells = new String[PEERS.length];
    cells[0] = "(rows above)";
    for (int p = 1; p < PEERS.length; p++) {
      cells[p] = peers[p].note != null ? peers[p].note
          : "p99 " + peers[p].stat("p99 ms") + " ms, Jain " + peers[p].stat("jain");
    }
    row("fairness, 1 carrier, peers (no time slices)", "probe lateness p99; Jain", cells[0],
        cells[1], cells[2], "shown beside", "shown");
  }

  /** Fibered's fairness rows for one preemption mode ({@code fibered-ticker}: the ticker). */
  private void fibered(String peer, long duration) {
    String mode = peer.equals("fibered") ? "" : ", ticker";
    for (long slice : new long[] {1, 10, 100}) {
      Forks.Outcome out = job("fairness", peer, 1, duration, slice, 0, 1);
      Stat p99 = out.stat("p99 ms");
      Stat jain = out.stat("jain");
      String cell = out.note != null ? out.note
          : "p99 " + p99 + " ms, Jain " + jain;
      String verdict = p99 == null ? "MISSED: " + out.note
          : judge(p99.median <= 2 * slice && jain.median > 0.9,
              "p99 " + Stat.number(p99.median) + " ms, Jain " + Stat.number(jain.median));
      row("fairness, 1 carrier, 2 spinners + 1 ms sleeper, slice " + slice + " ms" + mode,
          "probe lateness p99; Jain index of spinners", cell, "", "",
          "p99 ≤ " + (2 * slice) + " ms, Jain > 0.9", verdict);
    }
    Forks.Outcome two = job("fairness", peer, 2, duration, 10, 0, 1);
    row("fairness, 2 carriers, 4 spinners, slice 10 ms" + mode, "probe lateness p99; Jain",
        two.note != null ? two.note : "p99 " + two.stat("p99 ms") + " ms, Jain "
            + two.stat("jain"), "", "", "p99 ≤ 20 ms, Jain > 0.9",
        two.note != null ? "MISSED: not measurable, " + two.note : "");
  }

  private void compileTime() {
    int methods = (int) size(1_000, 40);
    progress("compile time, " + methods + " methods");
    List<List<Double>> runs = CompileTime.run(methods, forks());
    Stat with = Stat.ofForks(runs.get(0));
    Stat without = Stat.ofForks(runs.get(1));
    double ratio = with.median / without.median;
    row("compile time: javac, 1,000 @Fibered methods", "s, with processor / without",
        with + " / " + without + " = " + ratio(ratio), "—", "—", "at most 2x",
        judge(ratio <= 2, ratio(ratio)));
  }

  private void peerRow(String what, String measure, Forks.Outcome[] out, String metric,
      String goal, String verdict) {
    String[] cells = new String[PEERS.length];
    for (int p = 0; p < PEERS.length; p++) {
      Stat stat = out[p].stat(metric);
      cells[p] = stat == null ? out[p].note : stat.toString();
    }
    row(what, measure, cells[0], cells[1], cells[2], goal, verdict);
  }

  /**
   * Fibered's figure (lower is better) at most 1/{@code vsThreads} of the virtual threads' and at
   * most 1/{@code vsKotlin} of Kotlin's.
   */
  private String ratioGoal(Forks.Outcome[] out, String metric, double vsThreads,
      double vsKotlin) {
    Stat fibered = out[0].stat(metric);
    Stat threads = out[1].stat(metric);
    Stat kotlin = out[2].stat(metric);
    if (fibered == null) {
      return "MISSED: " + out[0].note;
    }
    List<String> missed = new ArrayList<>();
    List<String> met = new ArrayList<>();
    String againstThreads;
    if (threads == null) {
      againstThreads = "virtual threads skipped";
    } else {
      double x = threads.median / fibered.median;
      againstThreads = ratio(x) + " better than virtual threads";
      (x >= vsThreads ? met : missed).add(againstThreads);
    }
    double k = kotlin.median / fibered.median;
    String againstKotlin = ratio(k) + " vs Kotlin" + (k >= 1 ? " (better)" : " (worse)");
    (k >= vsKotlin ? met : missed).add(againstKotlin);
    if (threads == null) {
      met.add(againstThreads);
    }
    return judge(missed.isEmpty(), String.join("; ", missed.isEmpty() ? met : missed));
  }

  private String judge(boolean ok, String detail) {
    if (quick) {
      return "quick: answers checked, not judged";
    }
    return (ok ? "met: " : "MISSED: ") + detail;
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  private void row(String... cells) {
    rows.add(cells);
  }

  private String table(double seconds) {
    StringBuilder out = new StringBuilder();
    out.append("Fibered benchmarks, ").append(quick ? "QUICK mode (answers only, not timed)"
        : "full run").append(", ").append(LocalDate.now()).append('\n');
    out.append("JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" (")
        .append(System.getProperty("java.home")).append("), ")
        .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append('\n');
    out.append("Cells: median of ").append(forks())
        .append(" forks (each fork's median of its timed runs after warm-up), (lowest–highest"
            + " fork); every answer checked. Took ")
        .append(String.format(Locale.ROOT, "%.0f", seconds)).append(" s.\n");
    if (quick) {
      out.append("Quick mode runs small sizes (the case names give the full run's) and judges"
          + " nothing: it shows the cases run and give the right answers.\n");
    }
    out.append('\n');
    out.append("| case | measure | Fibered | virtual threads | Kotlin coroutines | goal | result |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (String[] row : rows) {
      out.append('|');
      for (String cell : row) {
        out.append(' ').append(cell.isEmpty() ? " " : cell).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
