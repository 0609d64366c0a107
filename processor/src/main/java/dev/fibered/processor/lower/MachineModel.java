package dev.fibered.processor.lower;

import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.Set;

/**
 * Everything the emitter needs to write one machine and its factories; the emitter reads only
 * this, never elements or trees.
 *
 * @param signature the source method as the factories expose it
 * @param className the simple name of the nested machine class
 * @param names the machine's own field and local names
 * @param parameterFields the fields holding the parameters, in order (a parameter's own name unless
 *     that would hide a member the machine inherits)
 * @param locals the hoisted locals and loop temporaries, in declaration order
 * @param states the states, state 0 first
 * @param labelledDispatch whether code jumps to {@link MachineNames#dispatch}, so {@code resume}'s
 *     loop must carry that label
 * @param memberTypes the local types of the body, hoisted: each one's declaration, in its holder
 *     class if it has one
 * @param memberTypeNames the simple names those declarations take in the machine class
 */
public record MachineModel(
    Signature signature,
    String className,
    MachineNames names,
    List<String> parameterFields,
    List<Field> locals,
    List<State> states,
    boolean labelledDispatch,
    List<Code> memberTypes,
    Set<String> memberTypeNames) {

  /**
   * A stand-in for a method whose body has an error (already reported): no machine class, and
   * factories that throw. It keeps fibered callers in other generated files compiling, so the
   * user sees the real error and no follow-up "cannot find symbol" in files they cannot edit.
   */
  public static MachineModel stub(Signature signature, Set<String> identifiersInFile) {
    Namer namer = new Namer(identifiersInFile);
    MachineNames names = new MachineNames(null, namer.internal("self"), null, null, null, null);
    return new MachineModel(
        signature, null, names, List.of(), List.of(), List.of(), false, List.of(), Set.of());
  }

  /** Whether this is a {@link #stub}. */
  public boolean isStub() {
    return className == null;
  }

  /**
   * The source method.
   *
   * @param name the method's name, also the factory's name
   * @param fiberName the default name of its fibers, {@code Host.method}
   * @param exposed whether the factories are public (the method is public or protected)
   * @param receiver the host type for an instance method, null for a static one
   * @param parameters the parameters in order
   * @param resultType the boxed result type ({@code Void} for void)
   * @param javadocLink a {@code {@link}} target for the source method
   * @param origin the file and line the method is declared at, {@code Jobs.java:12}
   * @param hostBinaryName the binary name of the declaring class, {@code p.Outer$Inner}, for stack
   *     traces
   * @param fileName the source file's name, {@code Jobs.java}
   * @param timeSliceNanos the time slice the method's fibers ask for, or 0 for their scheduler's
   * @param suppressedWarnings what {@code @SuppressWarnings} on the method and its enclosing types
   *     silence, in order
   * @param typeVariables the host's type parameters (for an instance method of a generic class),
   *     then the method's: the machine class and the factories declare them all
   * @param dispatch how calls reach overrides and how this method is registered as one, or null
   *     for a static method, or an instance method that neither can be overridden nor overrides
   *     a {@code @Fibered} method
   */
  public record Signature(
      String name,
      String fiberName,
      boolean exposed,
      TypeName receiver,
      List<Parameter> parameters,
      TypeName resultType,
      String javadocLink,
      String origin,
      String hostBinaryName,
      String fileName,
      long timeSliceNanos,
      List<String> suppressedWarnings,
      List<TypeVariableName> typeVariables,
      Dispatch dispatch) {
    public boolean isGeneric() {
      return !typeVariables.isEmpty();
    }

    /** Whether the factories choose the machine by the receiver's runtime class. */
    public boolean dispatched() {
      return dispatch != null && (dispatch.overridable() || dispatch.isAbstract());
    }

    /** Whether the method has no body: its calls always go to an implementation. */
    public boolean isAbstract() {
      return dispatch != null && dispatch.isAbstract();
    }
  }

  /**
   * Virtual dispatch of an instance method (see the runtime's {@code Dispatch}).
   *
   * @param overridable whether a subclass may override the method, so calls must look at the
   *     receiver's class
   * @param isAbstract whether the method has no body (abstract, or in an interface)
   * @param own the method itself, the key calls dispatch on
   * @param registeredUnder the methods this one's machine is registered as the implementation of:
   *     itself if it is overridable and has a body, and every {@code @Fibered} method of a
   *     supertype it overrides
   */
  public record Dispatch(
      boolean overridable, boolean isAbstract, Method own, List<Method> registeredUnder) {}

  /**
   * A method as the runtime's dispatch keys it.
   *
   * @param declaringType the raw class or interface declaring it
   * @param name its name
   * @param erasedParameters the erasures of its parameter types
   */
  public record Method(TypeName declaringType, String name, List<TypeName> erasedParameters) {}

  /**
   * A parameter of the method, and the machine field of the same name that holds it.
   *
   * @param name the parameter's name
   * @param type its type
   * @param varargs whether it is a trailing varargs parameter
   */
  public record Parameter(String name, TypeName type, boolean varargs) {}

  /**
   * A field of the machine that holds a local.
   *
   * @param name the field's name
   * @param type its type, as generated code
   * @param comment why it exists, for the generated declaration
   * @param constantValue for a constant local: its initializer, and the field is {@code static
   *     final}; else null
   */
  public record Field(String name, TypeName type, String comment, Code constantValue) {}
}
