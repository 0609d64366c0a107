package dev.fibered.processor.validate;

/**
 * Every message the processor reports, in one place. Each starts with a stable id {@code
 * [Fibered/Name]} that users can search for and tests can match, says what is wrong, and says
 * what to change.
 */
public final class Messages {
  private Messages() {}

  private static String id(String name) {
    return "[Fibered/" + name + "] ";
  }

  public static String badOption(String option, String value, String expected) {
    return id("BadOption")
        + "-A"
        + option
        + "="
        + value
        + " is not a value this option takes; use "
        + expected;
  }

  public static String badSetting(String element, String value, String expected) {
    return id("BadSetting")
        + element
        + " = \""
        + value
        + "\" is not a value @Fibered takes there; use "
        + expected
        + ", or leave it out for the compilation's -Afibered."
        + element;
  }

  public static String unknownOption(String option, java.util.Collection<String> known) {
    return id("UnknownOption")
        + "-A"
        + option
        + " is not an option of the Fibered processor; the options are "
        + String.join(", ", known);
  }

  public static String nativeMethod() {
    return id("NativeMethod")
        + "a native method has no Java body to turn into a state machine; remove @Fibered";
  }

  public static String genericHost(String host) {
    return id("GenericHost")
        + "@Fibered instance methods of an inner class of the generic type around "
        + host
        + " are not supported yet (the machine cannot name the outer type's parameters); make"
        + " the class static, or the method static with the receiver as a parameter";
  }

  public static String inaccessibleHost(String host) {
    return id("InaccessibleHost")
        + "the generated class cannot see "
        + host
        + "; @Fibered methods must be declared in a top-level or member class that is not"
        + " private (a local or anonymous class cannot host them)";
  }

  public static String auxiliaryHost(String host, String file) {
    return id("AuxiliaryHost")
        + host
        + " is a second top-level class in "
        + file
        + ", which javac does not let another file use without a warning; move it to its own"
        + " file "
        + host
        + ".java, or make it a static member class";
  }

  public static String localHost() {
    return id("InaccessibleHost")
        + "@Fibered methods of a local or anonymous class are not processed (javac does not hand"
        + " such classes to annotation processors, and no other class could name them); move"
        + " the method to a top-level or member class";
  }

  public static String factoryClash(String factory) {
    return id("FactoryClash")
        + "the generated factory "
        + factory
        + " would have the same signature as another one (an instance method's factory takes its"
        + " receiver first); rename one of the methods";
  }

  public static String overrideNotFibered(String overridden) {
    return id("OverrideNotFibered")
        + "this method overrides the @Fibered method "
        + overridden
        + ", so it must be @Fibered too: a fiber calling "
        + overridden
        + " on this class reaches it, and a method that is not @Fibered could only run there as a"
        + " plain call, which cannot suspend its fiber or be time-sliced; add @Fibered"
        + " (a lambda or an anonymous class implementing it runs as such a plain call)";
  }

  public static String switchPointInLambda() {
    return id("SwitchPointInLambda")
        + "a lambda cannot suspend its fiber: it runs as plain Java wherever it is called, so a"
        + " call to a @Fibered method, Fiber.yield() or Fiber.yieldNow() inside it would not be"
        + " a switch point; call it outside the lambda, or make the lambda's work a @Fibered"
        + " method";
  }

  public static String framedConstructorReference(String type) {
    return id("LocalClass")
        + "a constructor reference to "
        + type
        + " cannot be copied: this local class captures locals, so the machine creates it through"
        + " the holder of its captured values, and a method reference cannot name that; write a"
        + " lambda instead (args -> new "
        + type
        + "(args))";
  }

  public static String capturedVarLocal(String local, String type) {
    return id("VarLocal")
        + "local class "
        + type
        + " captures `"
        + local
        + "`, declared with `var`: the machine keeps the captured values in fields, which need a"
        + " declared type; give `"
        + local
        + "` its type";
  }

  public static String switchExpressionValueType(String value) {
    return id("SwitchPointInExpression")
        + "a switch expression with a switch point inside keeps its value in a field of its type,"
        + " but the type of `"
        + value
        + "` cannot be told from the source, or does not match the other cases' values; assign it"
        + " to a local variable with a type first and yield that variable"
        + " (or make the switch a statement)";
  }

  public static String switchPointInClassBody() {
    return id("SwitchPointInClassBody")
        + "a local or anonymous class cannot suspend its fiber: its methods run as plain Java"
        + " wherever they are called, so a call to a @Fibered method, Fiber.yield() or"
        + " Fiber.yieldNow() inside one would not be a switch point; call it outside the class"
        + " body, or make the work a @Fibered method";
  }

  public static String unknownSupertype(String written) {
    return id("LocalClass")
        + "cannot tell the members of "
        + written
        + ", a supertype of this class body, from the source (the copied class body must know"
        + " which names are its own); name a type the host file can see, or declare the class as a"
        + " member class";
  }

  public static String superReference() {
    return id("SuperReference")
        + "'super' cannot be reached from the generated state machine, which is another class;"
        + " call the super method from a plain helper method of this class";
  }

  public static String qualifiedThis(String name) {
    return id("QualifiedThis")
        + name
        + ".this cannot be reached from the generated state machine; pass what you need as a"
        + " parameter";
  }

  public static String privateMember(String member, String owner) {
    return id("PrivateMember")
        + member
        + " is private in "
        + owner
        + ", and the generated state machine is another class that cannot reach it; make it"
        + " package-private";
  }

  public static String inaccessibleMember(String member, String owner) {
    return id("InaccessibleMember")
        + member
        + " of "
        + owner
        + " is not visible from the generated class in this package; make it public, or"
        + " reach it through a helper method declared in this class";
  }

  public static String outerInstanceMember(String member, String owner) {
    return id("OuterInstanceMember")
        + member
        + " belongs to the enclosing instance of "
        + owner
        + ", which the generated state machine cannot reach; pass it as a parameter";
  }

  public static String innerClassCreation(String type) {
    return id("InnerClassCreation")
        + "creating the inner class "
        + type
        + " needs an enclosing instance that the generated state machine does not have; make"
        + " the class static, or create it in a plain helper method";
  }

  public static String varLocal() {
    return id("VarLocal")
        + "a 'var' local that lives across a switch point needs its type spelled out; declare"
        + " it with an explicit type";
  }

  public static String patternBinding() {
    return id("PatternBinding")
        + "a pattern variable that lives beyond its statement (as after"
        + " 'if (!(o instanceof T t)) return;') or in a condition that guards a switch point is"
        + " not supported yet; cast to a local variable of the pattern's type instead";
  }

  public static String switchPointInExpression() {
    return id("SwitchPointInExpression")
        + "a switch point (a call to a @Fibered method, Fiber.yield() or Fiber.yieldNow()) cannot"
        + " stand in this kind of expression (Fiber.yield() has no value; ?: needs branches of"
        + " one type the source spells out; the qualifier of a method reference is evaluated"
        + " once, where the reference is made); assign the call's result to a local variable"
        + " first, then use the variable";
  }

  public static String operandBeforeSwitchPoint(String operand) {
    return id("SwitchPointInExpression")
        + "Java evaluates `"
        + operand
        + "` before a switch point later in this expression, so it must be kept across it, but"
        + " its type cannot be told from the source; assign it to a local variable with a type"
        + " first, then use the variable";
  }

  public static String switchPointInNoSwitch() {
    return id("SwitchPointInNoSwitch")
        + "a switch point (a @Fibered call, Fiber.yield(), or a loop, whose back-edge has a"
        + " scheduling check) inside a Fiber.noSwitch() block: the block promises that the fiber"
        + " keeps the thread until it ends; move the call or loop out of the block, or the code"
        + " that must not be interleaved into a plain helper method";
  }

  public static String switchPointInSynchronized() {
    return id("SwitchPointInSynchronized")
        + "a switch point inside synchronized cannot be resumed on another thread, and a fiber"
        + " that switches while holding the monitor blocks its scheduler; move the call or"
        + " loop out of the synchronized block";
  }

  public static String unknownReceiver(String method) {
    return id("UnknownReceiver")
        + "cannot tell whether "
        + method
        + "(...) is a @Fibered method, because the type of its receiver is not written in the"
        + " source; assign the receiver to a local variable with an explicit type first";
  }

  public static String ambiguousOverload(String method) {
    return id("AmbiguousOverload")
        + "cannot tell which overload of "
        + method
        + " this call means, and at least one of them is @Fibered; overloads with the same"
        + " number of parameters are not told apart yet, so give the @Fibered one its own name";
  }

  public static String forEachType() {
    return id("ForEachType")
        + "cannot tell whether this for-each loop runs over an array or an Iterable; assign the"
        + " expression to a local variable with an explicit type first";
  }

  public static String unsupportedConstruct(String what) {
    return id("UnsupportedConstruct")
        + what
        + " is not supported inside a @Fibered method yet; move it into a plain helper method";
  }

  public static String noTreeApi(String why) {
    return id("NoTreeApi")
        + "the Fibered processor needs javac's Compiler Tree API to read method bodies, and it is"
        + " not available here ("
        + why
        + "); compile with javac";
  }

  public static String internalError(Throwable t) {
    return id("InternalError")
        + "the Fibered processor failed on this method ("
        + t
        + "); please report it with this method's source. Until then, leave @Fibered off it";
  }
}
