package dev.fibered.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.fibered.processor.lower.Code;
import dev.fibered.processor.lower.MachineModel;
import dev.fibered.processor.lower.Op;
import dev.fibered.processor.lower.State;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every class a generated file names through JavaPoet: its own fixed ones, and those in the
 * machines (signatures, fields, lowered code). JavaPoet may import any of them, and an import can
 * shadow what a name in copied code meant in the host (an on-demand import, or the package), so
 * the processor spells out in full those whose simple name means something else in the host.
 */
public final class TypesUsed {
  private TypesUsed() {}

  public static Set<ClassName> in(List<MachineModel> machines) {
    Set<ClassName> used = new LinkedHashSet<>(FibersWriter.TYPES_USED);
    for (MachineModel machine : machines) {
      MachineModel.Signature signature = machine.signature();
      add(signature.receiver(), used);
      add(signature.resultType(), used);
      signature.parameters().forEach(p -> add(p.type(), used));
      for (MachineModel.Field field : machine.locals()) {
        add(field.type(), used);
        add(field.constantValue(), used);
      }
      for (State state : machine.states()) {
        for (Op op : state.ops()) {
          if (op instanceof Op.Statements) {
            add(((Op.Statements) op).code(), used);
          } else if (op instanceof Op.JumpIf) {
            add(((Op.JumpIf) op).condition(), used);
          } else if (op instanceof Op.Call) {
            add(((Op.Call) op).machine(), used);
          }
        }
      }
    }
    return used;
  }

  private static void add(Code code, Set<ClassName> used) {
    if (code != null) {
      for (Object part : code.parts()) {
        if (part instanceof TypeName) {
          add((TypeName) part, used);
        }
      }
    }
  }

  private static void add(TypeName type, Set<ClassName> used) {
    if (type instanceof ClassName) {
      used.add((ClassName) type);
      used.add(((ClassName) type).topLevelClassName());
    } else if (type instanceof ParameterizedTypeName) {
      add(((ParameterizedTypeName) type).rawType(), used);
      ((ParameterizedTypeName) type).typeArguments().forEach(t -> add(t, used));
    } else if (type instanceof ArrayTypeName) {
      add(((ArrayTypeName) type).componentType(), used);
    } else if (type instanceof WildcardTypeName) {
      ((WildcardTypeName) type).upperBounds().forEach(t -> add(t, used));
      ((WildcardTypeName) type).lowerBounds().forEach(t -> add(t, used));
    }
  }
}
