package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

/**
 * A final class whose @Fibered method uses members inherited from an abstract base: fields, a
 * plain method, a final @Fibered instance method and a static @Fibered method of the base.
 */
final class CorpusInheritance extends CorpusInheritanceBase {
  int own = 1;

  @Fibered
  int work(int n) {
    int a = baseWork(n);
    int b = this.baseWork(1);
    int c = baseStatic(n);
    int d = CorpusInheritanceBase.baseStatic(1);
    inherited += 1;
    return a + b + c + d + inherited + own + plain();
  }
}
