package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fibered.Fiber;
import dev.fibered.Generator;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Generator}: values handed one by one from a fibered producer to its consumer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GeneratorsTest {

  @Test
  void theProducerRunsOnlyAsFarAsTheConsumerAsks() {
    List<String> log = new ArrayList<>();
    try (Generator<Integer> g = CorpusGenerators.squaresOf(3, log)) {
      assertEquals(List.of(), log, "nothing runs before the first hasNext()");
      assertEquals(1, g.next());
      assertEquals(List.of("emit 1"), log);
      assertEquals(4, g.next());
      assertEquals(9, g.next());
      assertFalse(g.hasNext());
      assertEquals(List.of("emit 1", "emit 4", "emit 9", "producer done"), log);
      assertThrows(NoSuchElementException.class, g::next);
    }
  }

  @Test
  void aStreamOfAnEndlessProducerStopsAndClosesIt() {
    Generator<Long> g = Generator.of(CorpusGeneratorsFibers::naturals);
    List<Long> firsts;
    try (var stream = g.stream()) {
      firsts = stream.limit(5).collect(Collectors.toList());
    }
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), firsts);
    assertFalse(g.hasNext(), "closed");
  }

  @Test
  void closingEndsTheProducerAsCancelled() {
    List<Fiber<?>> fibers = new ArrayList<>();
    Generator<Long> g =
        Generator.of(
            out -> {
              Fiber<Void> f = CorpusGeneratorsFibers.naturals(out);
              fibers.add(f);
              return f;
            });
    assertEquals(0L, g.next());
    g.close();
    assertEquals(Fiber.State.CANCELLED, fibers.get(0).state());
  }

  @Test
  void theProducersExceptionSurfacesInHasNext() {
    try (Generator<String> g = Generator.of(out -> CorpusGeneratorsFibers.failsAfter(out, 2))) {
      assertEquals("item 0", g.next());
      assertEquals("item 1", g.next());
      IllegalStateException e = assertThrows(IllegalStateException.class, g::hasNext);
      assertEquals("producer failed after 2", e.getMessage());
    }
  }

  @Test
  void aFiberCanConsumeAGeneratorWhileOtherFibersRun() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Integer> a = s.spawn(CorpusGeneratorsFibers.sumInAFiber(4, log));
    Fiber<Integer> b = s.spawn(CorpusGeneratorsFibers.sumInAFiber(2, new ArrayList<>()));
    s.run();
    assertEquals(1 + 4 + 9 + 16, a.result());
    assertEquals(1 + 4, b.result());
    assertEquals(List.of("emit 1", "emit 4", "emit 9", "emit 16", "producer done"), log);
  }

  @Test
  void emitFromPlainCodeIsRefused() {
    Generator<Integer> g = Generator.of(out -> {
      assertThrows(IllegalStateException.class, () -> out.emit(1));
      return CorpusGeneratorsFibers.squares(out, 1, new ArrayList<>());
    });
    assertEquals(1, g.next());
    g.close();
  }
}
