package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Fiber#state()}, the per-fiber counters and {@link Scheduler#dump()}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiagnosticsTest {

  private static int line(String mark) throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("src/test/java/dev/fibered/functional/CorpusDiagnostics.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith("// at:" + mark)) {
        return i + 1;
      }
    }
    throw new AssertionError(mark);
  }

  @Test
  void theDumpShowsEveryLiveFiberWithItsStateCountersAndWaitingLine() throws IOException {
    Scheduler scheduler = Scheduler.create();
    Fiber<Void> sleeper = scheduler.spawn(CorpusDiagnosticsFibers.sleepLong());
    Fiber<Void> joiner = scheduler.spawn(CorpusDiagnosticsFibers.joinOther(sleeper));
    List<String> dumps = new ArrayList<>();
    Fiber<Void> observer = scheduler.spawn(CorpusDiagnosticsFibers.observe(dumps));
    assertEquals(Fiber.State.RUNNABLE, observer.state());
    scheduler.run();

    assertEquals("RUNNING", dumps.get(0));
    String dump = dumps.get(1);
    assertTrue(dump.startsWith("Scheduler[slice=PT0.01S]: 3 live fibers, "), dump);
    assertTrue(dump.contains("Fiber#" + observer.id() + "[CorpusDiagnostics.observe, running] ran "), dump);
    assertTrue(dump.contains("[CorpusDiagnostics.sleepLong, waiting] ran "), dump);
    assertTrue(dump.contains("[CorpusDiagnostics.joinOther, waiting] ran "), dump);
    assertTrue(
        dump.contains("at dev.fibered.functional.CorpusDiagnostics.sleepLong(CorpusDiagnostics.java:" + line("sleep") + ")"),
        dump);
    assertTrue(
        dump.contains("at dev.fibered.functional.CorpusDiagnostics.joinOther(CorpusDiagnostics.java:" + line("join") + ")"),
        dump);
    assertEquals(Fiber.State.DONE, sleeper.state());
    assertEquals(1, sleeper.timesWaited());
    assertEquals(1, joiner.timesWaited());
    assertEquals(1, observer.timesYielded());
  }

  @Test
  void countersTellPreemptionsFromYields() {
    Scheduler scheduler = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    Fiber<Long> a = scheduler.spawn(CorpusDiagnosticsFibers.spin(1_000));
    Fiber<Long> b = scheduler.spawn(CorpusDiagnosticsFibers.spin(1_000));
    Fiber<Void> y = scheduler.spawn(CorpusDiagnosticsFibers.yieldTimes(5));
    scheduler.run();
    assertTrue(a.timesPreempted() > 0, "a: " + a.timesPreempted());
    assertEquals(0, a.timesYielded());
    assertEquals(0, a.timesWaited());
    assertTrue(b.runTime().toNanos() > 0);
    assertEquals(5, y.timesYielded());
    assertEquals(Fiber.State.DONE, a.state());
  }

  @Test
  void theUncaughtExceptionHandlerHearsOfEveryFailedFiber() {
    List<String> heard = new ArrayList<>();
    Scheduler scheduler =
        Scheduler.builder()
            .uncaughtExceptionHandler(
                (fiber, failure) -> {
                  heard.add(fiber.name() + ": " + failure.getMessage());
                  throw new IllegalStateException("the handler failed too");
                })
            .build();
    Fiber<Integer> bad = scheduler.spawn(CorpusWaitsFibers.failing(2));
    Fiber<Integer> good = scheduler.spawn(CorpusWaitsFibers.failing(0));
    scheduler.run();
    assertEquals(List.of("CorpusWaits.failing: failed 2"), heard);
    assertEquals(0, good.result());
    Throwable failure = bad.failure();
    assertEquals("failed 2", failure.getMessage());
    assertEquals("the handler failed too", failure.getSuppressed()[0].getMessage());
  }

  @Test
  void aFailedFiberSaysSo() {
    Scheduler scheduler = Scheduler.create();
    Fiber<Integer> f = scheduler.spawn(CorpusWaitsFibers.failing(1));
    scheduler.run();
    assertEquals(Fiber.State.FAILED, f.state());
    assertEquals(Fiber.State.NEW, CorpusWaitsFibers.failing(1).state());
  }

  @Test
  void anIdleSchedulerCanBeDumpedFromAnyThreadARunningOneOnlyFromItsOwn() throws Exception {
    Scheduler scheduler = Scheduler.create();
    scheduler.spawn(CorpusDiagnosticsFibers.spin(10));
    String idle = scheduler.dump();
    assertTrue(idle.contains("1 live fiber"), idle);
    assertTrue(idle.contains("CorpusDiagnostics.spin, runnable"), idle);

    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Scheduler busy = Scheduler.create();
    busy.spawn(CorpusDiagnosticsFibers.holdThread(entered, release));
    Thread driver = new Thread(busy::run);
    driver.start();
    entered.await();
    IllegalStateException e = assertThrows(IllegalStateException.class, busy::dump);
    assertTrue(e.getMessage().contains("while this scheduler runs"), e.getMessage());
    release.countDown();
    driver.join();
    assertTrue(busy.dump().contains("0 live fibers"));
  }
}
