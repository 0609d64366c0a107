package dev.fibered.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.call;
import static dev.fibered.processor.Fixtures.generated;
import static dev.fibered.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.fibered.Fiber;
import java.time.Duration;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code -Afibered.timeSlice} and {@code @Fibered(timeSlice = ...)}: the time slice that fibers
 * made by a method's factory ask for, instead of their scheduler's.
 */
class TimeSliceHintTest {
  private static JavaFileObject work(String annotation) {
    return source(
        "p.Work",
        """
        package p;

        import dev.fibered.Fibered;

        final class Work {
          ANNOTATION
          static int plain(int n) {
            return n;
          }

          @Fibered
          static int other(int n) {
            return n;
          }
        }
        """
            .replace("ANNOTATION", annotation));
  }

  private static Compilation compile(JavaFileObject source, String... options) {
    return Compiler.javac()
        .withProcessors(new FiberedProcessor())
        .withOptions((Object[]) options)
        .compile(source);
  }

  private static Optional<Duration> sliceOf(Compilation compilation, String factory)
      throws Exception {
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> fibers = new CompiledClassLoader(compilation).loadClass("p.WorkFibers");
    return ((Fiber<?>) call(fibers, factory, null, 1)).timeSlice();
  }

  @Test
  void withoutAHintFibersUseTheSchedulersSlice() throws Exception {
    Compilation compilation = compile(work("@Fibered"));
    assertEquals(Optional.empty(), sliceOf(compilation, "plain"));
    assertThat(generated(compilation, "p.WorkFibers")).contains(".asFiber(\"Work.plain\");");
  }

  @Test
  void theOptionGivesEveryMethodsFibersItsSlice() throws Exception {
    Compilation compilation = compile(work("@Fibered"), "-Afibered.timeSlice=2ms");
    assertEquals(Optional.of(Duration.ofMillis(2)), sliceOf(compilation, "plain"));
    assertEquals(Optional.of(Duration.ofMillis(2)), sliceOf(compilation, "other"));
    assertThat(generated(compilation, "p.WorkFibers"))
        .contains(".asFiber(\"Work.plain\", 2000000L);");
  }

  @Test
  void aMethodsOwnSliceWinsOverTheOption() throws Exception {
    Compilation compilation =
        compile(work("@Fibered(timeSlice = \"500us\")"), "-Afibered.timeSlice=2ms");
    assertEquals(Optional.of(Duration.ofNanos(500_000)), sliceOf(compilation, "plain"));
    assertEquals(Optional.of(Duration.ofMillis(2)), sliceOf(compilation, "other"));
  }

  @Test
  void everyUnitIsRead() throws Exception {
    assertEquals(
        Optional.of(Duration.ofNanos(750)),
        sliceOf(compile(work("@Fibered(timeSlice = \"750ns\")")), "plain"));
    assertEquals(
        Optional.of(Duration.ofSeconds(3)),
        sliceOf(compile(work("@Fibered(timeSlice = \"3s\")")), "plain"));
  }

  @Test
  void badOptionValuesAreErrors() {
    for (String bad : new String[] {"2", "2 ms", "0ms", "5m", "-1ms", "99999999999999999s"}) {
      Compilation compilation = compile(work("@Fibered"), "-Afibered.timeSlice=" + bad);
      assertThat(compilation).failed();
      assertThat(compilation)
          .hadErrorContaining(
              "[Fibered/BadOption] -Afibered.timeSlice=" + bad + " is not a value this option takes");
    }
  }

  @Test
  void aBadSliceOnAMethodIsAnErrorOnItsAnnotation() {
    JavaFileObject source = work("@Fibered(timeSlice = \"soon\")");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[Fibered/BadSetting] timeSlice = \"soon\" is not a value @Fibered takes there")
        .inFile(source)
        .onLineContaining("@Fibered(timeSlice = \"soon\")");
  }
}
