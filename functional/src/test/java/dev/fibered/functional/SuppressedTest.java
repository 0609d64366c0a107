package dev.fibered.functional;

import org.junit.jupiter.api.Test;

class SuppressedTest {
  @Test
  void suppressedWarningsStaySuppressed() {
    Check.same(() -> CorpusSuppressed.fallthrough(10), () -> CorpusSuppressedFibers.fallthrough(10));
    Check.same(
        () -> CorpusSuppressed.unusedResource(1), () -> CorpusSuppressedFibers.unusedResource(1));
  }
}
