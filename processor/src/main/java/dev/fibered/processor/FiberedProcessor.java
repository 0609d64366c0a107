package dev.fibered.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeVariableName;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.fibered.processor.discover.HostDiscovery;
import dev.fibered.processor.emit.FibersFile;
import dev.fibered.processor.emit.FibersWriter;
import dev.fibered.processor.emit.TypesUsed;
import dev.fibered.processor.lower.Lowerer;
import dev.fibered.processor.lower.MachineModel;
import dev.fibered.processor.model.FiberedMethod;
import dev.fibered.processor.model.FibersNames;
import dev.fibered.processor.model.Overrides;
import dev.fibered.processor.model.Resolver;
import dev.fibered.processor.model.SourceFile;
import dev.fibered.processor.model.SwitchPointFinder;
import dev.fibered.processor.validate.LocalHostScan;
import dev.fibered.processor.validate.Messages;
import dev.fibered.processor.validate.OverrideRules;
import dev.fibered.processor.validate.Reporter;
import dev.fibered.processor.validate.SignatureRules;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;

/**
 * Turns each {@code @Fibered} method into a resumable state machine.
 *
 * <p>Per round:
 *
 * <ol>
 *   <li>discover the {@code @Fibered} methods and group them by declaring type;
 *   <li>per type, read its compilation unit (imports, names in use) once;
 *   <li>per method, check the declaration, then the body's constructs, then lower the body into
 *       states; a method with an error is reported and left out, the others go on;
 *   <li>write one {@code FooFibers} file per type, originating from that type alone.
 * </ol>
 *
 * An unexpected exception becomes an error on the method it happened in, never a javac crash.
 *
 * <p>{@code process} claims {@code @Fibered} and {@code @Generated} when they are all a round holds
 * (see {@link #claims}).
 */
@AutoService(Processor.class)
public final class FiberedProcessor extends AbstractProcessor {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private Trees trees;
  private String treesUnavailable;
  private Reporter reporter;
  private Settings settings;
  private Overrides overrides;

  @Override
  public Set<String> getSupportedOptions() {
    return Settings.OPTIONS;
  }

  /**
   * All annotations, so that {@code process} also runs for files whose only {@code @Fibered}
   * methods sit in local or anonymous classes: javac does not report annotations there, and such
   * a method must get an error rather than be ignored. What {@code process} claims is decided per
   * round (see there).
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
    super.init(env);
    try {
      trees = TreeApi.of(env);
    } catch (IllegalArgumentException e) {
      // Not javac, or a wrapper whose delegate cannot be found.
      treesUnavailable = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    reporter = new Reporter(env.getMessager(), trees);
    settings = new Settings(env.getOptions(), env.getMessager());
    overrides = new Overrides(env.getElementUtils(), env.getTypeUtils());
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Elements elements = processingEnv.getElementUtils();
    TypeElement fibered = elements.getTypeElement(FibersNames.FIBERED);
    if (fibered == null) {
      return false; // the runtime is not on the classpath: no @Fibered method can exist
    }
    List<HostDiscovery.Host> hosts = HostDiscovery.discover(round, fibered);
    if (trees != null) {
      scanForLocalHosts(round);
    }
    for (TypeElement type : javax.lang.model.util.ElementFilter.typesIn(round.getRootElements())) {
      OverrideRules.check(type, overrides, reporter);
    }
    Set<String> fiberedNames = new HashSet<>();
    for (HostDiscovery.Host host : hosts) {
      host.methods().forEach(m -> fiberedNames.add(m.getSimpleName().toString()));
    }
    for (HostDiscovery.Host host : hosts) {
      if (trees == null) {
        host.methods().forEach(m -> reporter.error(m, Messages.noTreeApi(treesUnavailable)));
        continue;
      }
      try {
        processHost(host, fiberedNames);
      } catch (RuntimeException | IOException e) {
        reporter.error(host.host(), Messages.internalError(e));
      }
    }
    return claims(annotations);
  }

  /**
   * Claims the round's annotations when they are only {@code @Fibered}, the {@code @Generated} on
   * files this processor wrote, and {@code java.lang} ones ({@code @Override}, which javac never
   * warns about). Claiming keeps javac from warning "No processor claimed any of these
   * annotations" under {@code -Xlint:processing}, which would fail builds compiled with {@code
   * -Xlint:all -Werror}; in a round with any other annotation javac warns about that one anyway,
   * so nothing is claimed and other processors see everything.
   */
  private static boolean claims(Set<? extends TypeElement> annotations) {
    for (TypeElement annotation : annotations) {
      String name = annotation.getQualifiedName().toString();
      boolean javaLang =
          name.startsWith("java.lang.") && name.indexOf('.', "java.lang.".length()) < 0;
      if (!name.equals(FibersNames.FIBERED) && !name.equals(GENERATED) && !javaLang) {
        return false;
      }
    }
    return true;
  }

  private void scanForLocalHosts(RoundEnvironment round) {
    Set<CompilationUnitTree> seen = new HashSet<>();
    for (javax.lang.model.element.Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path != null && seen.add(path.getCompilationUnit())) {
        LocalHostScan.check(path.getCompilationUnit(), reporter);
      }
    }
  }

  private void processHost(HostDiscovery.Host host, Set<String> fiberedNames) throws IOException {
    Elements elements = processingEnv.getElementUtils();
    TypeElement type = host.host();
    TreePath path = trees.getPath(type);
    if (path == null) {
      return; // not from source in this compilation: nothing to read
    }
    SourceFile file = new SourceFile(path.getCompilationUnit(), trees);
    TypeElement topLevel = type;
    while (topLevel.getEnclosingElement() instanceof TypeElement) {
      topLevel = (TypeElement) topLevel.getEnclosingElement();
    }
    if (!file.fileName().equals(topLevel.getSimpleName() + ".java")) {
      for (ExecutableElement method : host.methods()) {
        reporter.error(method, Messages.auxiliaryHost(topLevel.getSimpleName().toString(), file.fileName()));
      }
      return;
    }
    Resolver resolver = new Resolver(elements, processingEnv.getTypeUtils(), type, file, explicitAccessors(type));
    Set<String> classNames = new HashSet<>(file.identifiers());
    List<MachineModel> machines = new ArrayList<>();
    Set<String> factories = new HashSet<>();
    for (ExecutableElement method : host.methods()) {
      try {
        machineFor(method, file, resolver, fiberedNames, classNames)
            .filter(machine -> uniqueFactory(method, machine, factories))
            .ifPresent(machines::add);
      } catch (RuntimeException e) {
        reporter.error(method, Messages.internalError(e)); // on the method, not its host
      }
    }
    if (machines.isEmpty()) {
      return;
    }
    ClassName fibersClass = FibersNames.fibersClass(elements, type);
    TypeElement generated = elements.getTypeElement(GENERATED);
    FibersFile model =
        new FibersFile(
            fibersClass,
            String.join(".", ClassName.get(type).simpleNames()),
            file.fileName(),
            file.importLines(),
            namesToQualify(file, resolver, TypesUsed.in(machines)),
            generated == null ? null : ClassName.get(generated),
            machines);
    JavaFileObject out = processingEnv.getFiler().createSourceFile(fibersClass.canonicalName(), type);
    try (Writer writer = out.openWriter()) {
      writer.write(FibersWriter.write(model));
    }
  }

  /**
   * The machine of one method; for a method whose declaration is fine but whose body has an
   * error, a stub whose factories throw, so that fibered callers in other files still compile and
   * the user sees only the real error.
   */
  private Optional<MachineModel> machineFor(
      ExecutableElement method,
      SourceFile file,
      Resolver resolver,
      Set<String> fiberedNames,
      Set<String> classNames) {
    if (!SignatureRules.check(method, reporter)) {
      return Optional.empty();
    }
    MethodTree tree = trees.getTree(method);
    if (tree == null) {
      return Optional.empty(); // not from source: nothing to lower
    }
    TypeElement host = (TypeElement) method.getEnclosingElement();
    FiberedMethod fibered =
        new FiberedMethod(method, tree, host, file, resolver, localsByName(tree));
    MachineModel.Signature signature = signature(fibered, file, tree);
    if (signature.isAbstract()) {
      return Optional.of(MachineModel.stub(signature, file.identifiers()));
    }
    String className = uniqueName(capitalize(fibered.name()) + "Machine", classNames);
    Optional<MachineModel> machine = Optional.empty();
    try {
      SwitchPointFinder finder = new SwitchPointFinder(fibered, reporter, fiberedNames);
      machine =
          Lowerer.lower(
              fibered, settings.checks(method), finder, reporter, processingEnv.getElementUtils(), className, signature);
    } catch (RuntimeException e) {
      reporter.error(method, Messages.internalError(e));
    }
    return Optional.of(machine.orElseGet(() -> MachineModel.stub(signature, file.identifiers())));
  }

  private MachineModel.Signature signature(FiberedMethod method, SourceFile file, Tree tree) {
    ExecutableElement element = method.element();
    List<MachineModel.Parameter> params = new ArrayList<>();
    List<String> erased = new ArrayList<>();
    List<? extends VariableElement> elements = element.getParameters();
    for (int i = 0; i < elements.size(); i++) {
      VariableElement p = elements.get(i);
      boolean varargs = element.isVarArgs() && i == elements.size() - 1;
      params.add(new MachineModel.Parameter(p.getSimpleName().toString(), TypeName.get(p.asType()), varargs));
      erased.add(processingEnv.getTypeUtils().erasure(p.asType()).toString());
    }
    TypeName returnType = TypeName.get(element.getReturnType());
    ClassName host = ClassName.get(method.host());
    String hostName = String.join(".", host.simpleNames());
    Set<Modifier> modifiers = element.getModifiers();
    List<TypeVariableName> typeVariables = new ArrayList<>();
    TypeName receiver = null;
    if (!method.isStatic()) {
      method.host().getTypeParameters().forEach(t -> typeVariables.add(TypeVariableName.get(t)));
      receiver =
          typeVariables.isEmpty()
              ? host
              : ParameterizedTypeName.get(host, typeVariables.toArray(new TypeName[0]));
    }
    element.getTypeParameters().forEach(t -> typeVariables.add(TypeVariableName.get(t)));
    return new MachineModel.Signature(
        method.name(),
        method.displayName(),
        modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED),
        receiver,
        params,
        returnType.equals(TypeName.VOID) ? ClassName.get(Void.class) : returnType.box(),
        hostName + "#" + method.name() + "(" + String.join(", ", erased) + ")",
        file.fileName() + ":" + file.line(tree),
        processingEnv.getElementUtils().getBinaryName(method.host()).toString(),
        file.fileName(),
        settings.timeSliceNanos(element),
        suppressedWarnings(element),
        typeVariables,
        dispatch(method));
  }

  /** How calls reach the method's overrides, and what it overrides; null if neither applies. */
  private MachineModel.Dispatch dispatch(FiberedMethod method) {
    ExecutableElement element = method.element();
    boolean overridable = SignatureRules.overridable(element, method.host());
    boolean isAbstract = element.getModifiers().contains(Modifier.ABSTRACT);
    List<MachineModel.Method> registeredUnder = new ArrayList<>();
    MachineModel.Method own = dispatchKey(element);
    if (overridable && !isAbstract) {
      registeredUnder.add(own);
    }
    if (!isAbstract) {
      overrides.fiberedOverridden(element, method.host()).forEach(m -> registeredUnder.add(dispatchKey(m)));
    }
    return overridable || isAbstract || !registeredUnder.isEmpty()
        ? new MachineModel.Dispatch(overridable, isAbstract, own, registeredUnder)
        : null;
  }

  private MachineModel.Method dispatchKey(ExecutableElement method) {
    javax.lang.model.util.Types types = processingEnv.getTypeUtils();
    List<TypeName> erased = new ArrayList<>();
    method.getParameters().forEach(p -> erased.add(TypeName.get(types.erasure(p.asType()))));
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    return new MachineModel.Method(ClassName.get(declaring), method.getSimpleName().toString(), erased);
  }

  /** Reports a factory whose erased signature another method's factory has already taken. */
  private boolean uniqueFactory(ExecutableElement method, MachineModel machine, Set<String> taken) {
    MachineModel.Signature signature = machine.signature();
    List<String> erased = new ArrayList<>();
    if (signature.receiver() != null) {
      erased.add(signature.receiver().toString());
    }
    for (VariableElement p : method.getParameters()) {
      erased.add(processingEnv.getTypeUtils().erasure(p.asType()).toString());
    }
    String factory = signature.name() + "(" + String.join(", ", erased) + ")";
    if (taken.add(factory)) {
      return true;
    }
    reporter.error(method, Messages.factoryClash(factory));
    return false;
  }

  /** Names of zero-argument methods written in the host's source: for records, explicit accessors. */
  private Set<String> explicitAccessors(TypeElement host) {
    Set<String> names = new HashSet<>();
    Tree tree = trees.getTree(host);
    if (tree instanceof ClassTree) {
      for (Tree member : ((ClassTree) tree).getMembers()) {
        if (member instanceof MethodTree && ((MethodTree) member).getParameters().isEmpty()) {
          names.add(((MethodTree) member).getName().toString());
        }
      }
    }
    return names;
  }

  /** The warnings silenced on the method and on every type enclosing it, without repeats. */
  private static List<String> suppressedWarnings(javax.lang.model.element.Element method) {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (javax.lang.model.element.Element e = method; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null) {
        names.addAll(List.of(suppress.value()));
      }
      if (e.getKind() == javax.lang.model.element.ElementKind.PACKAGE) {
        break;
      }
    }
    return List.copyOf(names);
  }

  /**
   * Names JavaPoet must spell out in full. A simple name of the host file that does not denote a
   * type there (a variable, a method, a package) must not become an import of ours; a name the
   * file uses for a type keeps meaning that type, which is the one our code means by it too, so
   * those can stay short.
   */
  private static Set<String> namesToQualify(
      SourceFile file, Resolver resolver, Set<ClassName> typesUsed) {
    Set<String> names = new TreeSet<>();
    for (String name : file.identifiers()) {
      // A FooFibers that does not resolve yet is generated in this round, into the package of
      // its host: JavaPoet names it as it should, and a qualified name could be obscured.
      if (resolver.type(name).isEmpty() && !name.endsWith("Fibers")) {
        names.add(name);
      }
    }
    for (ClassName ours : typesUsed) {
      Optional<TypeElement> theirs = resolver.type(ours.simpleName());
      if (theirs.isPresent()
          && !theirs.get().getQualifiedName().contentEquals(ours.canonicalName())) {
        names.add(ours.simpleName()); // the host means another type by this name
      }
    }
    return names;
  }

  /** Every local declared in the body, by name: for finding a receiver's declared type. */
  private static Map<String, List<VariableTree>> localsByName(MethodTree tree) {
    Map<String, List<VariableTree>> locals = new HashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        locals.computeIfAbsent(node.getName().toString(), k -> new ArrayList<>()).add(node);
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(tree.getBody(), null);
    return locals;
  }

  private static String uniqueName(String preferred, Set<String> taken) {
    String name = preferred;
    for (int i = 2; taken.contains(name); i++) {
      name = preferred + i;
    }
    taken.add(name);
    return name;
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
