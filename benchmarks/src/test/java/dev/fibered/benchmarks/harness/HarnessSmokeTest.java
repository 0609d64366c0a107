package dev.fibered.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fibered.benchmarks.CheckOverhead;
import dev.fibered.benchmarks.DispatchCost;
import dev.fibered.benchmarks.peers.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark harness still runs and every peer still gives the right answers, at small sizes,
 * in this JVM. Nothing here is timed; speed is measured only by {@code benchmarks/run}.
 */
@Timeout(120)
class HarnessSmokeTest {
  static {
    // Read when the first virtual thread starts; only matters when this JVM has them (21+).
    System.setProperty("jdk.virtualThreadScheduler.parallelism", "1");
  }

  @Test
  void everyCaseGivesTheRightAnswerOnEveryPeerThisJvmHas() {
    for (String name : Bench.PEERS) {
      Peer peer = Child.peer(name);
      if (peer.unavailable() != null) {
        continue;
      }
      // Child.run throws on a wrong answer.
      Child.run("skynet", peer, 1, 1_000, 0);
      Child.run("yield", peer, 1, 1_000, 0);
      Child.run("channel", peer, 1, 1_000, 0);
      Child.run("spawn", peer, 1, 1_000, 0);
      Child.run("footprint", peer, 1, 1_000, 0);
      Child.run("ring", peer, 1, 2_000, 3);
      Child.run("fairness", peer, 1, 30, 1);
    }
  }

  @Test
  void checkOverheadKernelsGiveThePlainAnswers() {
    CheckOverhead.checkAnswers();
  }

  @Test
  void dispatchCostFibersGiveThePlainAnswers() {
    DispatchCost.checkAnswers();
  }

  @Test
  void theMultiCoreCasesGiveTheRightAnswersOnTwoCarriers() {
    Peer fibered = Child.peer("fibered");
    assertEquals(499_500L, fibered.skynet(1_000, 2));
    Child.run("skynet", fibered, 2, 1_000, 0);
    Child.run("ring", fibered, 2, 2_000, 3);
    Child.run("fairness", fibered, 2, 30, 1);
  }

  @Test
  void theFairnessCaseRunsUnderTheTickerOnOneAndTwoCarriers() {
    Peer ticker = Child.peer("fibered-ticker");
    Child.run("fairness", ticker, 1, 30, 1);
    Child.run("fairness", ticker, 2, 30, 1);
  }

  @Test
  void compileTimeCaseCompilesWithAndWithoutTheProcessor() {
    List<List<Double>> runs = CompileTime.run(20, 1);
    assertEquals(1, runs.get(0).size());
    assertEquals(1, runs.get(1).size());
  }

  @Test
  void jainIndex() {
    assertEquals(1.0, Child.jain(new long[] {5, 5}), 1e-9);
    assertEquals(0.5, Child.jain(new long[] {7, 0}), 1e-9);
  }
}
