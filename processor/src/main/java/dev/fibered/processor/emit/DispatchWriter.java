package dev.fibered.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.fibered.processor.lower.MachineModel;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the virtual dispatch of a file's overridable and abstract methods (one runtime {@code
 * Dispatch} field each, which their {@code $machine} factories go through when the receiver's
 * class is not the host), and registers each machine as the implementation of the {@code
 * @Fibered} methods it overrides, in the class's static initialiser.
 */
final class DispatchWriter {
  static final ClassName DISPATCH_CLASS = ClassName.get("dev.fibered", "Dispatch");
  private static final String RECEIVER = "receiver";
  private static final String ARGUMENTS = "arguments";

  private final List<MachineModel> machines;
  private final Map<MachineModel, String> fields = new IdentityHashMap<>();

  DispatchWriter(List<MachineModel> machines) {
    this.machines = machines;
    Map<String, Integer> taken = new HashMap<>();
    for (MachineModel machine : machines) {
      if (machine.signature().dispatched()) {
        String name = machine.signature().name();
        int n = taken.merge(name, 1, Integer::sum);
        fields.put(machine, name + "$dispatch" + (n == 1 ? "" : Integer.toString(n)));
      }
    }
  }

  /** Adds the dispatch fields and the registrations to the generated class. */
  void addTo(TypeSpec.Builder type) {
    for (MachineModel machine : machines) {
      if (fields.containsKey(machine)) {
        type.addField(dispatchField(machine));
      }
    }
    CodeBlock.Builder registrations = CodeBlock.builder();
    for (MachineModel machine : machines) {
      MachineModel.Dispatch dispatch = machine.signature().dispatch();
      if (dispatch == null || machine.isStub()) {
        continue;
      }
      for (MachineModel.Method overridden : dispatch.registeredUnder()) {
        registrations.addStatement(
            "$T.register($T.class,$W$L,$W$L)",
            DISPATCH_CLASS,
            dispatch.own().declaringType(),
            key(overridden),
            lambda(
                CodeBlock.of(
                    "new $L($L$L)",
                    machine.className(),
                    castReceiver(machine),
                    castParameters(machine, ", "))));
      }
    }
    if (!registrations.isEmpty()) {
      type.addStaticBlock(registrations.build());
    }
  }

  /** The body of the {@code $machine} factory. */
  CodeBlock machineFactoryBody(MachineModel machine, String instantiated, CodeBlock arguments) {
    CodeBlock own = CodeBlock.of("return new $L($L);\n", instantiated, arguments);
    String field = fields.get(machine);
    if (field == null) {
      return own;
    }
    String self = machine.names().self();
    CodeBlock dispatched =
        CodeBlock.of("return $L.machine($L, $L);\n", field, self, boxedArguments(machine));
    if (machine.signature().isAbstract()) {
      return dispatched;
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L.isOverriddenBy($L))", field, self)
        .add(dispatched)
        .endControlFlow()
        .add(own)
        .build();
  }

  private FieldSpec dispatchField(MachineModel machine) {
    MachineModel.Signature signature = machine.signature();
    MachineModel.Dispatch dispatch = signature.dispatch();
    CodeBlock call =
        CodeBlock.of("$L.$L($L)", castReceiver(machine), signature.name(), castParameters(machine, ""));
    CodeBlock plainCall =
        signature.resultType().equals(ClassName.get(Void.class))
            ? CodeBlock.of("() -> { $L; return null; }", call)
            : CodeBlock.of("() -> $L", call);
    return FieldSpec.builder(DISPATCH_CLASS, fields.get(machine), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "Chooses the machine of {@link $L} by the receiver's class; an implementation that is\n"
                + "not {@code @Fibered} runs as a plain call.\n",
            signature.javadocLink())
        .initializer(
            "$T.of($L,$W$L)",
            DISPATCH_CLASS,
            key(dispatch.own()),
            lambda(CodeBlock.of("$T.plain($L)", DISPATCH_CLASS, plainCall)))
        .build();
  }

  /** The arguments of {@code Dispatch.of} and {@code register} that name a method. */
  private static CodeBlock key(MachineModel.Method method) {
    CodeBlock.Builder types = CodeBlock.builder();
    String separator = "";
    for (TypeName t : method.erasedParameters()) {
      types.add("$L$T.class", separator, t);
      separator = ", ";
    }
    return CodeBlock.of(
        "$T.class,$W$S,$Wnew $T<?>[] {$L}",
        method.declaringType(),
        method.name(),
        Class.class,
        types.build());
  }

  private static CodeBlock lambda(CodeBlock body) {
    return CodeBlock.of("($L, $L) ->$W$L", RECEIVER, ARGUMENTS, body);
  }

  /** A {@code Factory}'s receiver, cast to the (raw) host. */
  private static CodeBlock castReceiver(MachineModel machine) {
    return CodeBlock.of("(($T) $L)", machine.signature().dispatch().own().declaringType(), RECEIVER);
  }

  /**
   * A {@code Factory}'s arguments, cast back to the method's erased parameter types (the machine
   * class is used raw, so erasures are what its constructor takes), each after {@code first}.
   */
  private static CodeBlock castParameters(MachineModel machine, String first) {
    CodeBlock.Builder args = CodeBlock.builder();
    List<TypeName> types = machine.signature().dispatch().own().erasedParameters();
    for (int i = 0; i < types.size(); i++) {
      args.add("$L($T) $L[$L]", i == 0 ? first : ", ", types.get(i), ARGUMENTS, i);
    }
    return args.build();
  }

  /** The factory's arguments in an {@code Object[]}, for {@code Dispatch.machine}. */
  private static CodeBlock boxedArguments(MachineModel machine) {
    List<MachineModel.Parameter> parameters = machine.signature().parameters();
    if (parameters.isEmpty()) {
      return CodeBlock.of("new $T[0]", Object.class);
    }
    CodeBlock.Builder args = CodeBlock.builder().add("new $T[] {", Object.class);
    String separator = "";
    for (MachineModel.Parameter p : parameters) {
      args.add("$L$L", separator, p.name());
      separator = ", ";
    }
    return args.add("}").build();
  }
}
