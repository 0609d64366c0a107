package dev.fibered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * How {@link Dispatch} picks the machine for a receiver, with hand-written registrations in the
 * shape generated {@code FooFibers} classes make ({@link DispatchTest_BaseFibers} and its
 * siblings): the nearest registered implementation up the classes, then the most specific
 * interface default, and a plain call for implementations that are not machines.
 */
class DispatchTest {
  static class Base {
    String who(int n) {
      return "plain Base " + n;
    }
  }

  /** Registered in {@link DispatchTest_SubFibers}. */
  static class Sub extends Base {
    @Override
    String who(int n) {
      return "plain Sub " + n;
    }
  }

  /** Inherits Sub's implementation; has no generated class of its own. */
  static final class SubSub extends Sub {}

  /** Overrides without a machine: a plain call. */
  static final class Plain extends Base {
    @Override
    String who(int n) {
      return "plain Plain " + n;
    }
  }

  interface Named {
    String name();
  }

  /** Its default is registered in {@link DispatchTest_LoudFibers}. */
  interface Loud extends Named {
    @Override
    default String name() {
      return "plain Loud";
    }
  }

  static final class Quiet implements Loud {}

  /** Names both interfaces: Loud's default is the more specific one. */
  static final class Both implements Named, Loud {}

  static final class Own implements Loud {
    @Override
    public String name() {
      return "plain Own";
    }
  }

  static final Dispatch WHO =
      Dispatch.of(
          Base.class,
          "who",
          new Class<?>[] {int.class},
          (receiver, arguments) -> Dispatch.plain(() -> ((Base) receiver).who((int) arguments[0])));

  static final Dispatch NAME =
      Dispatch.of(
          Named.class,
          "name",
          new Class<?>[0],
          (receiver, arguments) -> Dispatch.plain(() -> ((Named) receiver).name()));

  private static Object run(Machine<?> machine) {
    Scheduler scheduler = Scheduler.create();
    Fiber<?> fiber = scheduler.spawn(Fiber.of("dispatched", machine));
    scheduler.run();
    return fiber.result();
  }

  @Test
  void theNearestRegisteredImplementationUpTheClasses() {
    assertEquals("machine Base 1", run(WHO.machine(new Base(), new Object[] {1})));
    assertEquals("machine Sub 2", run(WHO.machine(new Sub(), new Object[] {2})));
    assertEquals("machine Sub 3", run(WHO.machine(new SubSub(), new Object[] {3})));
  }

  @Test
  void anOverrideThatIsNotAMachineRunsAsAPlainCall() {
    assertEquals("plain Plain 4", run(WHO.machine(new Plain(), new Object[] {4})));
    assertEquals("plain lambda", run(NAME.machine((Named) () -> "plain lambda", new Object[0])));
  }

  @Test
  void theMostSpecificDefaultMethodOfTheInterfaces() {
    assertEquals("machine Loud", run(NAME.machine(new Quiet(), new Object[0])));
    assertEquals("machine Loud", run(NAME.machine(new Both(), new Object[0])));
    assertEquals("plain Own", run(NAME.machine(new Own(), new Object[0])));
  }

  @Test
  void onlyAReceiverOfAnotherClassNeedsTheLookup() {
    assertFalse(WHO.isOverriddenBy(new Base()));
    assertTrue(WHO.isOverriddenBy(new Sub()));
    assertTrue(WHO.isOverriddenBy(null));
  }

  @Test
  void aNullReceiverNamesTheMethod() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> WHO.machine(null, new Object[] {1}));
    assertTrue(e.getMessage().contains("DispatchTest$Base.who(int)"), e.getMessage());
  }

  @Test
  void aPlainCallThrowsWhatTheMethodThrows() {
    Named failing =
        () -> {
          throw new IllegalStateException("from the plain call");
        };
    Machine<Object> machine = NAME.machine(failing, new Object[0]);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(machine));
    assertEquals("from the plain call", e.getMessage());
  }
}
