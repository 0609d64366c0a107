package dev.fibered;

/** What the processor would generate for {@link DispatchTest.Sub}: registered under Base.who. */
final class DispatchTest_SubFibers {
  static {
    Dispatch.register(
        DispatchTest.Sub.class,
        DispatchTest.Base.class,
        "who",
        new Class<?>[] {int.class},
        (receiver, arguments) -> new TestMachines.Value<>("machine Sub " + arguments[0]));
    // A registration under another method is not taken for who(int).
    Dispatch.register(
        DispatchTest.Sub.class,
        DispatchTest.Base.class,
        "who",
        new Class<?>[] {long.class},
        (receiver, arguments) -> new TestMachines.Value<>("wrong overload"));
  }

  private DispatchTest_SubFibers() {}
}
