package dev.fibered.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.fibered.processor.lower.MachineModel;
import dev.fibered.processor.lower.MachineNames;
import dev.fibered.processor.model.FibersNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes one {@code FooFibers} file: per method, a public factory returning an unstarted fiber, a
 * {@code $machine} factory for fibered callers, and a private nested machine class with one
 * {@code case} per state.
 */
public final class FibersWriter {
  private static final String PROCESSOR = "dev.fibered.processor.FiberedProcessor";

  /**
   * Every type the generated code names on its own account (the user's types come from the
   * user's names). Where the host file means another type by one of these simple names, the
   * generated file must spell ours out in full.
   */
  public static final List<ClassName> TYPES_USED =
      List.of(
          FibersNames.FIBER_CLASS,
          FibersNames.MACHINE_CLASS,
          FibersNames.SOURCE_MAP_CLASS,
          DispatchWriter.DISPATCH_CLASS,
          ClassName.get(Class.class),
          ClassName.get(StackTraceElement.class),
          ClassName.get(String.class),
          ClassName.get("java.util", "Iterator"),
          ClassName.get("javax.annotation.processing", "Generated"),
          ClassName.get(Override.class),
          ClassName.get(SuppressWarnings.class),
          ClassName.get(Object.class),
          ClassName.get(Throwable.class),
          ClassName.get(IllegalStateException.class),
          ClassName.get(Void.class),
          ClassName.get(Long.class),
          ClassName.get(Integer.class),
          ClassName.get(Short.class),
          ClassName.get(Byte.class),
          ClassName.get(Character.class),
          ClassName.get(Boolean.class),
          ClassName.get(Float.class),
          ClassName.get(Double.class));

  /**
   * Warnings that generated code must not raise under {@code -Xlint:all -Werror}: the machine
   * copies the user's expressions, so whatever they trigger would otherwise be reported a second
   * time, in a file the user cannot edit.
   */
  private static final String[] SUPPRESSED = {
    "cast", "deprecation", "removal", "rawtypes", "static", "unchecked"
  };

  private FibersWriter() {}

  /** The Java source of the file, with the host file's imports copied in. */
  public static String write(FibersFile file) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(file.className())
            .addModifiers(Modifier.FINAL)
            .addJavadoc(
                "Fibers for the {@code @Fibered} methods of {@link $L}: one factory per method,\n"
                    + "returning an unstarted {@link $T}. Generated from $L; do not edit.\n",
                file.hostName(),
                FibersNames.FIBER_CLASS,
                file.sourceFileName())
            .addAnnotation(suppressWarnings())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (file.generatedAnnotation() != null) {
      type.addAnnotation(
          AnnotationSpec.builder(file.generatedAnnotation())
              .addMember("value", "$S", PROCESSOR)
              .addMember("comments", "$S", "from " + file.sourceFileName())
              .build());
    }
    if (file.machines().stream().anyMatch(m -> m.signature().exposed())) {
      type.addModifiers(Modifier.PUBLIC);
    }
    type.alwaysQualify(file.alwaysQualify().toArray(new String[0]));
    if (file.machines().stream().anyMatch(m -> !m.isStub())) {
      type.addField(
          FieldSpec.builder(
                  String.class,
                  MachineNames.SOURCE_LINES,
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .addJavadoc(
                  "Where the machines' code comes from, for stack traces: from each generated line\n"
                      + "listed on, the source line after the colon.\n")
              .initializer("$S", SourceLines.PLACEHOLDER)
              .build());
    }
    DispatchWriter dispatch = new DispatchWriter(file.machines());
    dispatch.addTo(type);
    for (MachineModel machine : file.machines()) {
      type.addMethod(fiberFactory(machine, file.className()));
      type.addMethod(machineFactory(machine, dispatch));
    }
    for (MachineModel machine : file.machines()) {
      if (!machine.isStub()) {
        type.addType(MachineWriter.machineClass(machine));
      }
    }
    String source =
        JavaFile.builder(file.className().packageName(), type.build())
            .skipJavaLangImports(true)
            .build()
            .toString();
    // Last: the line table must see the file's final lines.
    return SourceLines.resolve(MemberTypes.unwrap(withImports(source, file.importLines())));
  }

  private static AnnotationSpec suppressWarnings() {
    AnnotationSpec.Builder spec = AnnotationSpec.builder(SuppressWarnings.class);
    for (String warning : SUPPRESSED) {
      spec.addMember("value", "$S", warning);
    }
    return spec.build();
  }

  private static MethodSpec fiberFactory(MachineModel machine, ClassName fibersClass) {
    MachineModel.Signature signature = machine.signature();
    return factory(machine, signature.name(), ParameterizedTypeName.get(FibersNames.FIBER_CLASS, signature.resultType()))
        .addJavadoc(
            "Returns an unstarted fiber that runs {@link $L}; pass it to\n"
                + "{@code Scheduler.spawn} to run it.\n",
            signature.javadocLink())
        .addCode(
            notGenerated(machine)
                ? notGenerated(machine.signature())
                : CodeBlock.of(
                    "return $L.asFiber($S$L);\n",
                    signature.dispatched()
                        ? CodeBlock.of(
                            "$L$L($L)",
                            typeArguments(machine, fibersClass),
                            signature.name() + "$machine",
                            arguments(machine))
                        : CodeBlock.of("new $L($L)", instantiated(machine), arguments(machine)),
                    signature.fiberName(),
                    signature.timeSliceNanos() > 0 ? ", " + signature.timeSliceNanos() + "L" : ""))
        .build();
  }

  private static MethodSpec machineFactory(MachineModel machine, DispatchWriter dispatch) {
    MachineModel.Signature signature = machine.signature();
    return factory(
            machine,
            signature.name() + "$machine",
            ParameterizedTypeName.get(FibersNames.MACHINE_CLASS, signature.resultType()))
        .addJavadoc(
            "Returns the state machine of {@link $L}, unstarted; generated code\n"
                + "calls this to push the method onto the calling fiber.\n",
            signature.javadocLink())
        .addCode(
            notGenerated(machine)
                ? notGenerated(machine.signature())
                : dispatch.machineFactoryBody(machine, instantiated(machine), arguments(machine)))
        .build();
  }

  private static MethodSpec.Builder factory(MachineModel machine, String name, TypeName returns) {
    MachineModel.Signature signature = machine.signature();
    MethodSpec.Builder factory =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.STATIC)
            .addTypeVariables(signature.typeVariables())
            .returns(returns);
    if (signature.exposed()) {
      factory.addModifiers(Modifier.PUBLIC);
    }
    if (signature.receiver() != null) {
      factory.addParameter(signature.receiver(), machine.names().self());
    }
    for (MachineModel.Parameter p : signature.parameters()) {
      factory.addParameter(ParameterSpec.builder(p.type(), p.name()).build());
      factory.varargs(p.varargs());
    }
    return factory;
  }

  /** Whether the method's body had an error, so that there is no machine to make. */
  private static boolean notGenerated(MachineModel machine) {
    return machine.isStub() && !machine.signature().isAbstract();
  }

  private static CodeBlock notGenerated(MachineModel.Signature signature) {
    return CodeBlock.of(
        "throw new $T($S);\n",
        IllegalStateException.class,
        signature.fiberName()
            + " has a compile error (see the [Fibered/...] error on it): no machine was generated");
  }

  /**
   * Explicit type arguments for a call from one factory to the other: a static generic method
   * named without a receiver cannot take them, so the call is qualified with the class.
   */
  private static CodeBlock typeArguments(MachineModel machine, ClassName fibersClass) {
    if (!machine.signature().isGeneric()) {
      return CodeBlock.of("");
    }
    List<String> names = new ArrayList<>();
    machine.signature().typeVariables().forEach(t -> names.add(t.name()));
    return CodeBlock.of("$T.<$L>", fibersClass, String.join(", ", names));
  }

  /**
   * The machine class as a factory instantiates it: with the factory's own type variables as its
   * arguments, never a diamond, which could infer a capture from a wildcard parameter.
   */
  private static String instantiated(MachineModel machine) {
    if (!machine.signature().isGeneric()) {
      return machine.className();
    }
    List<String> names = new ArrayList<>();
    machine.signature().typeVariables().forEach(t -> names.add(t.name()));
    return machine.className() + "<" + String.join(", ", names) + ">";
  }

  /** The constructor arguments: the receiver and the parameters. */
  private static CodeBlock arguments(MachineModel machine) {
    CodeBlock.Builder args = CodeBlock.builder();
    String separator = "";
    if (machine.signature().receiver() != null) {
      args.add("$L", machine.names().self());
      separator = ", ";
    }
    for (MachineModel.Parameter p : machine.signature().parameters()) {
      args.add("$L$L", separator, p.name());
      separator = ", ";
    }
    return args.build();
  }

  /**
   * Copies the host file's imports after the package line, so that names in copied code resolve
   * as they did in the host. JavaPoet's own imports cannot collide with them: every simple name of
   * the host file is passed to {@code alwaysQualify}.
   */
  private static String withImports(String source, List<String> importLines) {
    if (importLines.isEmpty()) {
      return source;
    }
    StringBuilder kept = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      if (!importLines.contains(line)) {
        kept.append(line).append('\n');
      }
    }
    source = kept.substring(0, kept.length() - 1);
    String imports = String.join("\n", importLines) + "\n";
    if (source.startsWith("package ")) {
      int end = source.indexOf('\n') + 1;
      return source.substring(0, end) + "\n" + imports + source.substring(end);
    }
    return imports + "\n" + source;
  }
}
