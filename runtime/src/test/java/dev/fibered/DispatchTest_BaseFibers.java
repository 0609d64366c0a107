package dev.fibered;

/** What the processor would generate for {@link DispatchTest.Base}: its own registration. */
final class DispatchTest_BaseFibers {
  static {
    Dispatch.register(
        DispatchTest.Base.class,
        DispatchTest.Base.class,
        "who",
        new Class<?>[] {int.class},
        (receiver, arguments) -> new TestMachines.Value<>("machine Base " + arguments[0]));
  }

  private DispatchTest_BaseFibers() {}
}
