package dev.fibered.functional;

import dev.fibered.Fibered;
import dev.fibered.functional.lib.CorpusLib;

/** Calls public @Fibered methods of a class in another package. */
final class CorpusCrossPackage {
  private CorpusCrossPackage() {}

  @Fibered
  static int use(int n) {
    int a = CorpusLib.work(n);
    CorpusLib.Acc acc = new CorpusLib.Acc();
    acc.add(a);
    acc.add(1);
    return acc.total();
  }
}
