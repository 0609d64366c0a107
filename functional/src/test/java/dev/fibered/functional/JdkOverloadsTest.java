package dev.fibered.functional;

import org.junit.jupiter.api.Test;

class JdkOverloadsTest {
  @Test
  void stringBuilderAppendIndexOfAndJoin() {
    String[] words = {"a", "bb", "ccc"};
    Check.same(
        () -> CorpusJdkOverloads.build(words), () -> CorpusJdkOverloadsFibers.build(words));
  }
}
