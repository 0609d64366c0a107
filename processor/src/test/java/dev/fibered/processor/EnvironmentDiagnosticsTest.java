package dev.fibered.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.host;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * [Fibered/NoTreeApi]: javac's processing environment behind a wrapper (as Gradle's incremental
 * processing hands it over) makes {@code Trees.instance} refuse it. The processor must say so on
 * each method instead of failing.
 */
class EnvironmentDiagnosticsTest {
  @Test
  void wrappedEnvironmentIsReportedOnEveryMethod() {
    JavaFileObject source =
        host(
            """
            @Fibered
            static long first(int n) {
              Fiber.yield();
              return n;
            }

            @Fibered
            static long second(int n) {
              Fiber.yieldNow();
              return n;
            }
            """);
    Compilation compilation =
        Compiler.javac().withProcessors(new WrappingProcessor(new FiberedProcessor())).compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[Fibered/NoTreeApi]")
        .inFile(source)
        .onLineContaining("static long first(int n) {");
    assertThat(compilation)
        .hadErrorContaining("[Fibered/NoTreeApi]")
        .inFile(source)
        .onLineContaining("static long second(int n) {");
    assertThat(compilation).hadErrorCount(2);
  }

  /** Hands the delegate a proxy of the real environment, as a build tool's wrapper would. */
  private static final class WrappingProcessor implements Processor {
    private final Processor delegate;

    WrappingProcessor(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      ProcessingEnvironment wrapped =
          (ProcessingEnvironment)
              Proxy.newProxyInstance(
                  ProcessingEnvironment.class.getClassLoader(),
                  new Class<?>[] {ProcessingEnvironment.class},
                  (proxy, method, args) -> {
                    try {
                      return method.invoke(env, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      delegate.init(wrapped);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
