package dev.fibered.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds and runs the standalone projects in {@code consumers/} as a user would, with Maven and
 * with the Gradle on the machine, against this build's artifacts.
 *
 * <p>Before this runs, maven-invoker-plugin's {@code install} goal has staged the runtime, the
 * processor, the parent POM and their dependencies in a local repository under {@code target/}
 * (this build runs {@code verify}, not {@code install}, so they are in no other repository). Each
 * project is copied under {@code target/} first, so the build leaves the source tree clean.
 *
 * <p>The paths come from failsafe's {@code systemPropertyVariables} in this module's POM.
 */
class ConsumerBuildsIT {
  /** What both consumers' {@code example.Main} prints. */
  private static final List<String> EXPECTED_OUTPUT =
      List.of(
          "heavy: sum(1..20000000) = 200000010000000",
          "light: sum(1..1000) = 500500",
          "finish order: [light, heavy]");

  private static final long TIMEOUT_MINUTES = 10;
  private static final int LOG_TAIL_LINES = 80;
  private static final Set<String> BUILD_OUTPUTS = Set.of("target", "build", ".gradle");

  private final Path consumers = Path.of(property("fibered.consumers")).normalize();
  private final Path stagingRepo = Path.of(property("fibered.stagingRepo"));
  private final Path workDir = Path.of(property("fibered.workDir"));

  @Test
  void mavenConsumerCompilesTestsAndRuns() throws IOException, InterruptedException {
    Path project = copyConsumer("maven");
    Path log = workDir.resolve("consumer-maven.log");
    Path mvn = Path.of(property("maven.home"), "bin", "mvn");
    int exit =
        run(
            project,
            log,
            log,
            mvn.toString(),
            "-B",
            "-ntp",
            "-s",
            property("fibered.settings"),
            "-Dmaven.repo.local=" + stagingRepo,
            "-Dfibered.userRepo=" + Path.of(property("fibered.userRepo")).toUri(),
            "verify",
            "exec:java");

    assertEquals(0, exit, () -> "Maven consumer build failed, exit " + exit + tail(log));
    List<String> lines = Files.readAllLines(log);
    assertTrue(
        lines.contains("[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"),
        () -> "the Maven consumer's own test did not run and pass" + tail(log));
    assertTrue(
        printedByExecJava(lines, EXPECTED_OUTPUT),
        () -> "exec:java did not print, line for line:\n" + String.join("\n", EXPECTED_OUTPUT)
            + tail(log));
  }

  @Test
  void gradleConsumerCompilesAndRuns() throws IOException, InterruptedException {
    // Installs Gradle if it is missing (and it can); fails, saying what to install, if it cannot.
    Path installGradle = consumers.resolve("install-gradle.sh");
    Path installLog = workDir.resolve("install-gradle.log");
    int installed = run(workDir, installLog, installLog, "sh", installGradle.toString());
    assertEquals(
        0,
        installed,
        () -> "the Gradle consumer needs Gradle, and " + installGradle + " could not provide it"
            + tail(installLog));

    Path project = copyConsumer("gradle");
    Path out = workDir.resolve("consumer-gradle.log");
    Path err = workDir.resolve("consumer-gradle.err.log");
    // -q: stdout is the program's output alone; errors and the like go to stderr.
    int exit =
        run(
            project,
            out,
            err,
            "gradle",
            "--no-daemon",
            "-q",
            "-Dmaven.repo.local=" + stagingRepo,
            "build",
            "run");

    assertEquals(
        0, exit, () -> "Gradle consumer build failed, exit " + exit + tail(err) + tail(out));
    assertEquals(
        EXPECTED_OUTPUT, Files.readAllLines(out), () -> "wrong program output" + tail(err));
  }

  /** Copies {@code consumers/<name>}, without build outputs, to a fresh directory under target/. */
  private Path copyConsumer(String name) throws IOException {
    Path source = consumers.resolve(name);
    Path copy = workDir.resolve("consumers").resolve(name);
    deleteRecursively(copy);
    Files.createDirectories(copy.getParent());
    try (Stream<Path> files = Files.walk(source)) {
      files
          .filter(p -> !isBuildOutput(source.relativize(p)))
          .forEach(
              p -> {
                try {
                  Files.copy(
                      p,
                      copy.resolve(source.relativize(p).toString()),
                      StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return copy;
  }

  private static boolean isBuildOutput(Path relative) {
    return relative.getNameCount() > 0 && BUILD_OUTPUTS.contains(relative.getName(0).toString());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> files = Files.walk(dir)) {
      paths = files.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    }
    for (Path p : paths) {
      Files.delete(p);
    }
  }

  /** Runs a command in {@code dir}, its stdout and stderr to the given files; returns its exit. */
  private static int run(Path dir, Path out, Path err, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectOutput(out.toFile());
    if (out.equals(err)) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(err.toFile());
    }
    Process process = builder.start();
    process.getOutputStream().close(); // no input: a prompt fails instead of waiting
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      fail(String.join(" ", command) + " took over " + TIMEOUT_MINUTES + " minutes" + tail(out));
    }
    return process.exitValue();
  }

  /**
   * Whether {@code expected} appears as consecutive whole lines after {@code exec:java}'s mojo
   * header: Maven logs to stdout too, and may log (plugin resolution, say) before the program runs.
   */
  private static boolean printedByExecJava(List<String> log, List<String> expected) {
    for (int i = 0; i < log.size(); i++) {
      String line = log.get(i);
      if (line.startsWith("[INFO] --- exec-maven-plugin:") && line.contains(":java ")) {
        return Collections.indexOfSubList(log.subList(i + 1, log.size()), expected) >= 0;
      }
    }
    return false;
  }

  /** The end of a log, for a failure message. */
  private static String tail(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "\n(no log at " + log + ": " + e + ")";
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
    return "\n---- last " + tail.size() + " lines of " + log + " ----\n" + String.join("\n", tail)
        + "\n----\n";
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set; run this test through Maven (failsafe sets it in the POM)");
    }
    return value;
  }
}
