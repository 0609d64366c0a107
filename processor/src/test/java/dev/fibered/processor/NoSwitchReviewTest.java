package dev.fibered.processor;

import static dev.fibered.processor.Fixtures.assertSingleError;
import static dev.fibered.processor.Fixtures.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class NoSwitchReviewTest {
  @Test
  void staticallyImportedNoSwitch() {
    JavaFileObject src =
        source(
            "p.Host",
            """
            package p;

            import static dev.fibered.Fiber.noSwitch;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Host {
              @Fibered
              static long guarded(int n) {
                long x = n;
                try (Fiber.NoSwitch guard = noSwitch()) {
                  x++;
                  Fiber.yieldNow();
                }
                return x;
              }
            }
            """);
    assertSingleError(src, "SwitchPointInNoSwitch", "Fiber.yieldNow();");
  }

  @Test
  void guardDeclaredBeforeTheTry() {
    JavaFileObject src =
        source(
            "p.Host",
            """
            package p;

            import dev.fibered.Fiber;
            import dev.fibered.Fibered;

            final class Host {
              @Fibered
              static long guarded(int n) {
                long x = n;
                Fiber.NoSwitch guard = Fiber.noSwitch();
                try (guard) {
                  x++;
                  Fiber.yieldNow();
                }
                return x;
              }
            }
            """);
    assertSingleError(src, "SwitchPointInNoSwitch", "Fiber.yieldNow();");
  }
}
