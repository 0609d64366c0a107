package dev.fibered.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.fibered.processor.lower.MachineModel;
import dev.fibered.processor.lower.State;
import dev.fibered.processor.model.FibersNames;
import javax.lang.model.element.Modifier;

/**
 * Writes the nested machine class of one method: a field per parameter and hoisted local, the
 * state field, and {@code resume()} as a {@code while (true) switch (state)} loop.
 */
final class MachineWriter {
  private MachineWriter() {}

  static TypeSpec machineClass(MachineModel machine) {
    MachineModel.Signature signature = machine.signature();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(machine.className())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(FibersNames.MACHINE_CLASS, signature.resultType()))
            .addJavadoc("{@link $L} as a state machine ($L).\n", signature.javadocLink(), signature.origin());
    if (!signature.suppressedWarnings().isEmpty()) {
      // The copied body raises what the source method raised; the user silenced it there.
      AnnotationSpec.Builder suppress = AnnotationSpec.builder(SuppressWarnings.class);
      signature.suppressedWarnings().forEach(w -> suppress.addMember("value", "$S", w));
      type.addAnnotation(suppress.build());
    }
    type.addField(TypeName.INT, machine.names().state(), Modifier.PRIVATE);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    if (signature.receiver() != null) {
      String self = machine.names().self();
      type.addField(
          FieldSpec.builder(signature.receiver(), self, Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc("The receiver, {@code this} in the source method.\n")
              .build());
      constructor
          .addParameter(signature.receiver(), self)
          .addStatement("this.$L = receiver($L)", self, self); // null fails here, as a call would
    }
    for (int i = 0; i < signature.parameters().size(); i++) {
      TypeName paramType = signature.parameters().get(i).type();
      String field = machine.parameterFields().get(i);
      type.addField(paramType, field, Modifier.PRIVATE);
      constructor.addParameter(paramType, field).addStatement("this.$L = $L", field, field);
    }
    for (MachineModel.Field local : machine.locals()) {
      FieldSpec.Builder field =
          FieldSpec.builder(local.type(), local.name(), Modifier.PRIVATE)
              .addJavadoc("$L\n", local.comment());
      if (local.constantValue() != null) {
        field
            .addModifiers(Modifier.STATIC, Modifier.FINAL)
            .initializer(FibersWriter.code(local.constantValue(), java.util.Map.of()));
      }
      type.addField(field.build());
    }
    type.addMethod(constructor.build());
    type.addMethod(resume(machine));
    return type.build();
  }

  private static MethodSpec resume(MachineModel machine) {
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("while (true)");
    body.beginControlFlow("switch ($L)", machine.names().state());
    for (State state : machine.states()) {
      body.add(FibersWriter.stateCase(state, machine));
    }
    body.add("default:\n$>");
    body.addStatement(
        "throw new $T($S + $L)",
        IllegalStateException.class,
        machine.className() + " resumed in unknown state ",
        machine.names().state());
    body.add("$<");
    body.endControlFlow();
    body.endControlFlow();
    return MethodSpec.methodBuilder("resume")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(ClassName.OBJECT)
        .addException(Throwable.class)
        .addCode(body.build())
        .build();
  }
}
