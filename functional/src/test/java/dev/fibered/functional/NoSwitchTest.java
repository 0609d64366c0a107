package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Fiber#noSwitch()}: guarded blocks run without interleaving, or fail loudly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoSwitchTest {

  @Test
  void guardedBlocksWithoutSwitchPointsRun() {
    Scheduler s = Scheduler.builder().timeSlice(java.time.Duration.ofNanos(1)).build();
    int[] accounts = {100, 0};
    List<String> log = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      s.spawn(CorpusNoSwitchFibers.transfer(accounts, i, log));
    }
    s.run();
    assertEquals(94, accounts[0]);
    assertEquals(6, accounts[1]);
    assertEquals(3, log.size());
  }

  @Test
  void aSwitchWhileAGuardIsOpenFailsTheFiberThere() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Void> f = s.spawn(CorpusNoSwitchFibers.switchesWhileGuarded(log));
    s.run();
    IllegalStateException e = assertInstanceOf(IllegalStateException.class, f.failure());
    assertTrue(e.getMessage().contains("inside a Fiber.noSwitch() block"), e.getMessage());
    assertEquals(List.of("guarded"), log);
  }

  @Test
  @SuppressWarnings("try")
  void outsideFibersTheGuardDoesNothing() {
    try (Fiber.NoSwitch guard = Fiber.noSwitch()) {
      assertEquals(null, Fiber.current());
    }
  }
}
