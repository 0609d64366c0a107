package dev.fibered.functional;

import static dev.fibered.functional.Check.same;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lambdas and method references in @Fibered bodies ({@link CorpusLambdas}), as fibers. */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LambdasTest {

  @Test
  void aLambdaSeesTheValueOfItsOwnIteration() {
    assertEquals("k0,again0,k10,again10,A2,B2,C2", CorpusLambdas.capturesPerIteration(2));
    same(() -> CorpusLambdas.capturesPerIteration(3), () -> CorpusLambdasFibers.capturesPerIteration(3));
  }

  @Test
  void aLambdaCapturesALocalKeptInJava() {
    same(() -> CorpusLambdas.capturesAJavaLocal(4), () -> CorpusLambdasFibers.capturesAJavaLocal(4));
  }

  @Test
  void blockBodiesKeepTheirOwnJumpsAndReturns() {
    same(() -> CorpusLambdas.blockBodies(100, 7), () -> CorpusLambdasFibers.blockBodies(100, 7));
  }

  @Test
  void lambdasAndMethodReferencesAsArgumentsAndInConditions() {
    List<String> words = List.of("one", "three", "xy");
    same(
        () -> CorpusLambdas.asArgumentsAndInConditions(words, 2),
        () -> CorpusLambdasFibers.asArgumentsAndInConditions(words, 2));
    same(
        () -> CorpusLambdas.asArgumentsAndInConditions(words, 9),
        () -> CorpusLambdasFibers.asArgumentsAndInConditions(words, 9));
  }
}
