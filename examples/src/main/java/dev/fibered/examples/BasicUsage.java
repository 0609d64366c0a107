package dev.fibered.examples;

import dev.fibered.Fibered;
import dev.fibered.Scheduler;

/**
 * greenlet_fiber's "basic usage": register fibers, which do not run until scheduled, then run
 * them all until none is left.
 */
public final class BasicUsage {
  private BasicUsage() {}

  @Fibered
  static void say(String text) {
    Log.line(text);
  }

  public static void main(String[] args) {
    Scheduler scheduler = Scheduler.create();
    // Registered, not run yet: like greenlet_fiber's fiber(print, ...).
    scheduler.spawn(BasicUsageFibers.say("hello world"));
    scheduler.spawn(BasicUsageFibers.say("hello! world! again!"));
    Log.line("fibers registered; nothing printed by them yet");
    // Like schedule(): runs every fiber until none is left, then returns here.
    scheduler.run();
  }
}
