package dev.fibered.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fibered.processor.Fixtures.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor behind the wrappers build tools put around javac's processing environment:
 * Gradle's incremental processing (a class holding its delegate in a field, with its own Filer
 * that records originating elements), IDE proxies, and, as a last resort, a wrapper whose delegate
 * cannot be found ([Fibered/NoTreeApi] on each method, never a crash).
 */
class EnvironmentDiagnosticsTest {
  private static final JavaFileObject SOURCE =
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

  @Test
  void gradleStyleWrapperIsLookedThroughAndEachFileHasOneOriginatingElement() {
    List<String> created = new ArrayList<>();
    Compilation compilation =
        compileBehind(env -> new IncrementalProcessingEnvironment(env, created));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.HostFibers");
    // Gradle's isolating mode: every generated file names exactly the type it was made from.
    assertEquals(List.of("p.HostFibers <- [p.Host]"), created);
  }

  @Test
  void declaresItselfIsolatingForGradle() throws IOException {
    String declared;
    try (java.io.InputStream in =
        FiberedProcessor.class.getResourceAsStream(
            "/META-INF/gradle/incremental.annotation.processors")) {
      assertNotNull(in, "META-INF/gradle/incremental.annotation.processors is missing");
      declared = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    }
    assertEquals(FiberedProcessor.class.getName() + ",isolating", declared);
  }

  @Test
  void proxyWrapperIsLookedThrough() {
    Compilation compilation = compileBehind(EnvironmentDiagnosticsTest::proxyOf);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.HostFibers");
  }

  @Test
  void wrapperWithoutAReadableDelegateIsReportedOnEveryMethod() {
    Compilation compilation =
        compileBehind(
            env -> {
              Supplier<ProcessingEnvironment> opaque = () -> env;
              return (ProcessingEnvironment)
                  Proxy.newProxyInstance(
                      ProcessingEnvironment.class.getClassLoader(),
                      new Class<?>[] {ProcessingEnvironment.class},
                      (proxy, method, args) -> invoke(opaque.get(), method, args));
            });
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[Fibered/NoTreeApi]")
        .inFile(SOURCE)
        .onLineContaining("static long first(int n) {");
    assertThat(compilation)
        .hadErrorContaining("[Fibered/NoTreeApi]")
        .inFile(SOURCE)
        .onLineContaining("static long second(int n) {");
    assertThat(compilation).hadErrorCount(2);
  }

  private static Compilation compileBehind(Function<ProcessingEnvironment, ProcessingEnvironment> wrap) {
    return Compiler.javac()
        .withProcessors(new WrappingProcessor(new FiberedProcessor(), wrap))
        .compile(SOURCE);
  }

  private static ProcessingEnvironment proxyOf(ProcessingEnvironment env) {
    return (ProcessingEnvironment)
        Proxy.newProxyInstance(
            ProcessingEnvironment.class.getClassLoader(),
            new Class<?>[] {ProcessingEnvironment.class},
            (proxy, method, args) -> invoke(env, method, args));
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Shaped like Gradle's wrapper: the delegate in a private field, and a recording Filer. */
  private static final class IncrementalProcessingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;
    private final Filer filer;

    IncrementalProcessingEnvironment(ProcessingEnvironment delegate, List<String> created) {
      this.delegate = delegate;
      this.filer = new RecordingFiler(delegate.getFiler(), created);
    }

    @Override
    public Map<String, String> getOptions() {
      return delegate.getOptions();
    }

    @Override
    public Messager getMessager() {
      return delegate.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return delegate.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return delegate.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return delegate.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return delegate.getLocale();
    }
  }

  /** Records each generated source file with its originating elements, as Gradle does. */
  private static final class RecordingFiler implements Filer {
    private final Filer delegate;
    private final List<String> created;

    RecordingFiler(Filer delegate, List<String> created) {
      this.delegate = delegate;
      this.created = created;
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
        throws IOException {
      List<String> origins = new ArrayList<>();
      for (Element e : originatingElements) {
        origins.add(((TypeElement) e).getQualifiedName().toString());
      }
      created.add(name + " <- " + origins);
      return delegate.createSourceFile(name, originatingElements);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
        throws IOException {
      throw new AssertionError("the processor writes sources only");
    }

    @Override
    public FileObject createResource(
        JavaFileManager.Location location,
        CharSequence moduleAndPkg,
        CharSequence relativeName,
        Element... originatingElements)
        throws IOException {
      throw new AssertionError("the processor writes sources only");
    }

    @Override
    public FileObject getResource(
        JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
        throws IOException {
      return delegate.getResource(location, moduleAndPkg, relativeName);
    }
  }

  /** Hands the delegate a wrapped environment, as a build tool would. */
  private static final class WrappingProcessor implements Processor {
    private final Processor delegate;
    private final Function<ProcessingEnvironment, ProcessingEnvironment> wrap;

    WrappingProcessor(
        Processor delegate, Function<ProcessingEnvironment, ProcessingEnvironment> wrap) {
      this.delegate = delegate;
      this.wrap = wrap;
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
      delegate.init(wrap.apply(env));
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
