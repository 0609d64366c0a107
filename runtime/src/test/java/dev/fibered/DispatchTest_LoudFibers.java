package dev.fibered;

/** What the processor would generate for {@link DispatchTest.Loud}: its default, under Named.name. */
final class DispatchTest_LoudFibers {
  static {
    Dispatch.register(
        DispatchTest.Loud.class,
        DispatchTest.Named.class,
        "name",
        new Class<?>[0],
        (receiver, arguments) -> new TestMachines.Value<>("machine Loud"));
  }

  private DispatchTest_LoudFibers() {}
}
