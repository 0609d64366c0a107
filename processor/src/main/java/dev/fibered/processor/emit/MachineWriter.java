package dev.fibered.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.fibered.processor.lower.Code;
import dev.fibered.processor.lower.Label;
import dev.fibered.processor.lower.MachineModel;
import dev.fibered.processor.lower.MachineNames;
import dev.fibered.processor.lower.Op;
import dev.fibered.processor.lower.SourceLine;
import dev.fibered.processor.lower.State;
import dev.fibered.processor.lower.TryRegion;
import dev.fibered.processor.model.FibersNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            .addTypeVariables(signature.typeVariables())
            .superclass(ParameterizedTypeName.get(FibersNames.MACHINE_CLASS, signature.resultType()))
            .addJavadoc("{@link $L} as a state machine ($L).\n", signature.javadocLink(), signature.origin());
    if (!signature.suppressedWarnings().isEmpty()) {
      // The copied body raises what the source method raised; the user silenced it there.
      AnnotationSpec.Builder suppress = AnnotationSpec.builder(SuppressWarnings.class);
      signature.suppressedWarnings().forEach(w -> suppress.addMember("value", "$S", w));
      type.addAnnotation(suppress.build());
    }
    type.addField(sourceMap(machine));
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
            .initializer(code(local.constantValue(), java.util.Map.of()));
      }
      type.addField(field.build());
    }
    type.addMethod(constructor.build());
    type.addMethod(resume(machine));
    if (catchesExceptions(machine)) {
      type.addMethod(enterHandler(machine));
    }
    type.addMethod(sourceFrame(machine));
    for (int i = 0; i < machine.memberTypes().size(); i++) {
      type.addType(MemberTypes.placeholder(i, code(machine.memberTypes().get(i), Map.of())));
    }
    // Types the copied code names by these simple names elsewhere must be spelled out in full.
    type.alwaysQualify(machine.memberTypeNames().toArray(new String[0]));
    return type.build();
  }

  /** Where the source method is, for stack traces: each state's line, and the file's line table. */
  private static FieldSpec sourceMap(MachineModel machine) {
    MachineModel.Signature signature = machine.signature();
    StringBuilder stateLines = new StringBuilder();
    for (State state : machine.states()) {
      stateLines.append(stateLines.length() == 0 ? "" : ", ").append(state.line());
    }
    return FieldSpec.builder(
            FibersNames.SOURCE_MAP_CLASS,
            machine.names().source(),
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(
            "new $T($S, $S, $S, new int[] {$L}, $L)",
            FibersNames.SOURCE_MAP_CLASS,
            signature.hostBinaryName(),
            signature.name(),
            signature.fileName(),
            stateLines,
            MachineNames.SOURCE_LINES)
        .build();
  }

  private static MethodSpec sourceFrame(MachineModel machine) {
    return MethodSpec.methodBuilder("sourceFrame")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(StackTraceElement.class)
        .addParameter(TypeName.INT, "generatedLine")
        .addStatement(
            "return $L.frame($L, generatedLine)", machine.names().source(), machine.names().state())
        .build();
  }

  private static boolean catchesExceptions(MachineModel machine) {
    return machine.states().stream().anyMatch(s -> s.region() != null);
  }

  /**
   * The loop of states. In a machine with lowered tries, an exception a state throws goes to
   * {@code enterHandler}, which moves to the catch or finally block that covers the state; the
   * runtime calls {@code enterHandler} too, for an exception it raises where the machine waits.
   */
  private static MethodSpec resume(MachineModel machine) {
    boolean catches = catchesExceptions(machine);
    CodeBlock.Builder body =
        machine.labelledDispatch()
            ? CodeBlock.builder().add("$L:\n", machine.names().dispatch()).beginControlFlow("while (true)")
            : CodeBlock.builder().beginControlFlow("while (true)");
    if (catches) {
      body.beginControlFlow("try");
    }
    body.beginControlFlow("switch ($L)", machine.names().state());
    for (State state : machine.states()) {
      body.add(stateCase(state, machine));
    }
    body.add("default:\n$>");
    body.addStatement(
        "throw new $T($S + $L)",
        IllegalStateException.class,
        machine.className() + " resumed in unknown state ",
        machine.names().state());
    body.add("$<");
    body.endControlFlow();
    if (catches) {
      String thrown = machine.names().thrown();
      body.nextControlFlow("catch ($T $L)", Throwable.class, thrown);
      body.beginControlFlow("if (!enterHandler($L))", thrown);
      body.addStatement("throw $L", thrown);
      body.endControlFlow();
      body.endControlFlow();
    }
    body.endControlFlow();
    return MethodSpec.methodBuilder("resume")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(ClassName.OBJECT)
        .addException(Throwable.class)
        .addCode(body.build())
        .build();
  }

  /**
   * Moves to the handler that catches {@code thrown} in the current state: the states of one
   * region share a {@code case}, and its handlers are tried in order, as Java tries a try's catch
   * clauses, then its finally block, then the enclosing try's.
   */
  private static MethodSpec enterHandler(MachineModel machine) {
    String state = machine.names().state();
    String thrown = machine.names().thrown();
    Map<TryRegion, List<Integer>> statesByRegion = new LinkedHashMap<>();
    for (State s : machine.states()) {
      if (s.region() != null) {
        statesByRegion.computeIfAbsent(s.region(), r -> new ArrayList<>()).add(s.number());
      }
    }
    Map<Label, Integer> numbers = machine.states().get(0).numbers();
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch ($L)", state);
    statesByRegion.forEach(
        (region, states) -> {
          for (int s : states) {
            body.add("case $L:\n", s);
          }
          body.indent();
          boolean caughtAll = false;
          for (TryRegion.Handler h : region.chain()) {
            boolean test = !h.catchesEverything();
            if (test) {
              List<CodeBlock> tests = new ArrayList<>();
              h.caught().forEach(t -> tests.add(CodeBlock.of("$L instanceof $T", thrown, t)));
              body.beginControlFlow("if ($L)", CodeBlock.join(tests, " || "));
            }
            if (h.fieldType().equals(TypeName.get(Throwable.class))) {
              body.addStatement("$L = $L", h.field(), thrown);
            } else {
              body.addStatement("$L = ($T) $L", h.field(), h.fieldType(), thrown);
            }
            body.addStatement("$L = $L", state, numbers.get(h.target()));
            body.addStatement("return true");
            if (test) {
              body.endControlFlow();
            } else {
              caughtAll = true;
              break; // a finally block takes everything: later handlers never see it
            }
          }
          if (!caughtAll) {
            body.addStatement("return false");
          }
          body.unindent();
        });
    body.add("default:\n$>").addStatement("return false").add("$<").endControlFlow();
    return MethodSpec.methodBuilder("enterHandler")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(TypeName.BOOLEAN)
        .addParameter(Throwable.class, thrown)
        .addCode(body.build())
        .build();
  }

  /** Turns lowered code into a JavaPoet block: labels become state numbers. */
  static CodeBlock code(Code code, Map<Label, Integer> numbers) {
    CodeBlock.Builder block = CodeBlock.builder();
    for (Object part : code.parts()) {
      if (part instanceof Label) {
        block.add("$L", numbers.get(part));
      } else if (part instanceof TypeName) {
        block.add("$T", part);
      } else if (part instanceof SourceLine) {
        block.add("$L", SourceLines.marker(((SourceLine) part).line()));
      } else {
        block.add("$L", part);
      }
    }
    return block.build();
  }

  static CodeBlock stateCase(State state, MachineModel machine) {
    String stateField = machine.names().state();
    Map<Label, Integer> numbers = state.numbers();
    CodeBlock.Builder block = CodeBlock.builder();
    block.beginControlFlow("case $L:", state.number());
    if (!state.comment().isEmpty()) {
      block.add("// $L\n", state.comment().replace("\\u", "\\ u"));
    }
    for (int i = 0; i < state.ops().size(); i++) {
      Op op = state.ops().get(i);
      if (state.opLines().get(i) > 0) {
        block.add("$L", SourceLines.marker(state.opLines().get(i)));
      }
      if (op instanceof Op.Statements) {
        block.add(code(((Op.Statements) op).code(), numbers)).add("\n");
      } else if (op instanceof Op.Jump) {
        block.addStatement("$L = $L", stateField, numbers.get(((Op.Jump) op).target()));
        block.addStatement("continue");
      } else if (op instanceof Op.JumpIf) {
        Op.JumpIf jump = (Op.JumpIf) op;
        block.beginControlFlow("if ($L)", code(jump.condition(), numbers));
        block.addStatement("$L = $L", stateField, numbers.get(jump.target()));
        block.addStatement("continue");
        block.endControlFlow();
      } else if (op instanceof Op.SuspendIf) {
        Op.SuspendIf suspend = (Op.SuspendIf) op;
        int resume = numbers.get(suspend.resume());
        block.beginControlFlow("if ($L)", suspend.due());
        if (resume != state.number()) {
          block.addStatement("$L = $L", stateField, resume);
        }
        block.addStatement("return SUSPEND");
        block.endControlFlow();
      } else if (op instanceof Op.Suspend) {
        block.addStatement("$L = $L", stateField, numbers.get(((Op.Suspend) op).resume()));
        block.addStatement("return SUSPEND");
      } else if (op instanceof Op.Call) {
        Op.Call call = (Op.Call) op;
        block.addStatement("$L = $L", stateField, numbers.get(call.resume()));
        block.addStatement("return call($L)", code(call.machine(), numbers));
      }
    }
    block.endControlFlow();
    return block.build();
  }
}
