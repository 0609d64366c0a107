package dev.fibered.fuzzer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The differential loop: generates the programs of a seed range, compiles them in batches, runs
 * each directly and as fibers ({@link Differ}), and collects the failures. Each run happens on a
 * worker thread under a time limit, so a livelock in generated code is a {@link Failure.Kind#HANG},
 * not a hung build.
 */
public final class Fuzzer implements AutoCloseable {
  /** Programs per javac task: one task for many is much faster than one each. */
  static final int BATCH = 50;

  /** Far beyond what a generated program needs (they run in milliseconds). */
  static final long LIMIT_SECONDS = 60;

  private final Set<Feature> features;
  private final PrintStream log;
  private ExecutorService worker = newWorker();

  public Fuzzer(Set<Feature> features, PrintStream log) {
    this.features = features;
    this.log = log;
  }

  /** The figures of a run. */
  public static final class Report {
    public int programs;
    public int mismatches;
    public int crashes;
    public int hangs;
    /** Programs skipped because javac miscompiled their plain source class (see JAVAC_BUG). */
    public int javacBugs;
    public long millis;
    /** Of {@link #millis}, the time spent in javac. */
    public long compileMillis;
    public final List<Failure> failures = new ArrayList<>();

    @Override
    public String toString() {
      return programs + " programs, " + mismatches + " mismatches, " + crashes + " javac crashes, "
          + hangs + " hangs, " + javacBugs + " skipped for a javac bug in the plain source, "
          + String.format("%.1f s (javac %.1f s)", millis / 1000.0, compileMillis / 1000.0);
    }
  }

  /** Generates, compiles and checks the programs of seeds {@code [from, from + count)}. */
  public Report run(long from, long count) {
    Report report = new Report();
    long start = System.nanoTime();
    for (long s = from; s < from + count; s += BATCH) {
      List<Program> batch = new ArrayList<>();
      for (long seed = s; seed < Math.min(from + count, s + BATCH); seed++) {
        batch.add(new ProgramGenerator(seed, features).generate());
      }
      check(batch, report);
      report.millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      log.println("fuzz: so far " + report);
    }
    report.millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return report;
  }

  /** Compiles and checks {@code programs} (generated, or regressions read from files). */
  public void check(List<Program> programs, Report report) {
    long start = System.nanoTime();
    try (Compiler.Batch batch = Compiler.compile(programs)) {
      report.compileMillis += TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      for (Program p : programs) {
        report.programs++;
        Failure failure = outcome(p, batch);
        if (failure != null) {
          count(report, failure);
          log.println(
              failure.kind == Failure.Kind.JAVAC_BUG
                  ? "skipped seed " + p.seed() + ": " + failure.detail
                  : failure.report());
        }
      }
    }
  }

  private static void count(Report report, Failure failure) {
    if (failure.kind == Failure.Kind.JAVAC_BUG) {
      report.javacBugs++; // not Fibered's failure: nothing to compare with
      return;
    }
    report.failures.add(failure);
    switch (failure.kind) {
      case CRASH:
        report.crashes++;
        break;
      case HANG:
        report.hangs++;
        break;
      default:
        report.mismatches++;
    }
  }

  /** Runs one compiled program; null if it passes. */
  Failure differ(Program p, ClassLoader loader) {
    Future<String> run = worker.submit(() -> Differ.check(p, loader));
    try {
      String difference = run.get(LIMIT_SECONDS, TimeUnit.SECONDS);
      return difference == null ? null : new Failure(p, Failure.Kind.MISMATCH, difference);
    } catch (TimeoutException e) {
      run.cancel(true);
      worker.shutdownNow(); // its thread may spin forever; take a new one
      worker = newWorker();
      return new Failure(p, Failure.Kind.HANG, "did not finish within " + LIMIT_SECONDS + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof VerifyError
          && String.valueOf(cause.getMessage()).contains(" fuzz/" + p.name() + ".")) {
        return new Failure(p, Failure.Kind.JAVAC_BUG, "this JDK's javac wrote a plain class the JVM rejects");
      }
      return new Failure(p, Failure.Kind.MISMATCH, "the harness failed: " + Outcome.describe(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Compiles and runs one program alone; null if it passes. */
  public Failure checkOne(Program p) {
    try (Compiler.Batch batch = Compiler.compile(List.of(p))) {
      return outcome(p, batch);
    }
  }

  /** A compiled program's failure, or null: a crash, unless javac crashes on its plain source too. */
  private Failure outcome(Program p, Compiler.Batch batch) {
    String crash = batch.crashes.get(p);
    if (crash == null) {
      return differ(p, batch.loader);
    }
    return Compiler.plainSourceCrashesJavac(p)
        ? new Failure(p, Failure.Kind.JAVAC_BUG, "this JDK's javac crashes on the plain source")
        : new Failure(p, Failure.Kind.CRASH, crash);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "fuzz-runner");
          t.setDaemon(true);
          return t;
        });
  }
}
