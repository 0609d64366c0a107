package dev.fibered.examples;

/**
 * Runs the greenlet_fiber examples ported to Java, one after another. The preemptive one is the
 * point: a fiber that never yields is interleaved with another anyway.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws InterruptedException {
    section("1. Basic usage: fibers are registered, then run()");
    BasicUsage.main(args);

    section("2. Cooperative: niceFunction calls Fiber.yield() after each 20 ms step (10 ms slice)");
    CooperativeScheduling.main(args);

    section("3. Preemptive: badFunction never yields; the compiled-in loop check switches anyway");
    PreemptiveScheduling.main(args);

    section("4. A heavy CPU-bound sum does not hold up a light one");
    HeavyAndLight.main(args);

    section("5. Coming from python-fibers: values passed back and forth, parents, throw (cancel)");
    PythonFibersStyle.main(args);

    section("6. Coming from gruvi: sleep, Event, fiber locals, a blocking pool, run_callback");
    GruviStyle.main(args);

    section("7. Coming from gevent: joinall, Pool, a Queue with a timeout");
    GeventStyle.main(args);
  }

  private static void section(String title) {
    System.out.println();
    System.out.println(title);
  }
}
