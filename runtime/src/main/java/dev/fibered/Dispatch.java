package dev.fibered;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Virtual dispatch for {@code @Fibered} methods that can be overridden, abstract ones and those
 * declared in interfaces: the machine a fibered call pushes is the one of the method Java would
 * run for the receiver's runtime class. Used by generated {@code FooFibers} classes; not meant to
 * be called by hand.
 *
 * <p>Each generated class registers, when it is initialised, a machine factory for every {@code
 * @Fibered} method of its host that can be reached by dispatch: under the host's own method, and
 * under each {@code @Fibered} method of a supertype that it overrides. A call through a {@code
 * Dispatch} finds, for the receiver's class, the nearest implementation as the JVM would (classes
 * from the receiver up, then the most specific default method of an interface), initialises that
 * class's generated class so its registrations are in, and uses the registered factory. An
 * implementation that is not {@code @Fibered} (a lambda, an anonymous class, a class compiled
 * without the processor) runs as a plain call: at once, to its end, on the fiber's carrier thread.
 * What each receiver class resolves to is computed once and cached.
 *
 * <p>Thread-safe.
 */
public final class Dispatch {
  /** Makes the machine of one implementation for a receiver and the call's arguments. */
  @FunctionalInterface
  public interface Factory {
    /**
     * Makes an unstarted machine.
     *
     * @param receiver the receiver, not null
     * @param arguments the arguments, boxed, in order
     * @return an unstarted machine
     */
    Machine<?> machine(Object receiver, Object[] arguments);
  }

  /**
   * A method called as plain Java, with whatever it throws.
   *
   * @param <T> the boxed result type
   */
  @FunctionalInterface
  public interface PlainCall<T> {
    /**
     * Calls the method.
     *
     * @return its result, or null for void
     * @throws Throwable whatever the method throws
     */
    T call() throws Throwable;
  }

  private static final Map<Class<?>, List<Registration>> REGISTRY = new ConcurrentHashMap<>();

  /** Whether a class has a generated {@code Fibers} class, loaded (and so registered) once. */
  private static final ClassValue<Boolean> FIBERS_LOADED =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return loadFibersClass(type);
        }
      };

  private final Signature method;
  private final Factory plain;
  private final ClassValue<Factory> resolved =
      new ClassValue<>() {
        @Override
        protected Factory computeValue(Class<?> receiverClass) {
          return resolve(receiverClass);
        }
      };

  private Dispatch(Signature method, Factory plain) {
    this.method = method;
    this.plain = plain;
  }

  /**
   * The dispatch of one {@code @Fibered} method.
   *
   * @param declaringClass the class or interface that declares the method
   * @param name the method's name
   * @param parameterTypes the erasures of its parameter types
   * @param plain makes a machine that calls the method as plain Java (see {@link #plain}), for
   *     receivers whose implementation is not {@code @Fibered}
   * @return the method's dispatch
   */
  public static Dispatch of(
      Class<?> declaringClass, String name, Class<?>[] parameterTypes, Factory plain) {
    Signature method = new Signature(declaringClass, name, parameterTypes);
    return new Dispatch(method, Objects.requireNonNull(plain));
  }

  /**
   * Registers the machine factory of a {@code @Fibered} method of {@code implementation} that
   * implements or overrides the method named by the other arguments.
   *
   * @param implementation the class whose method the factory's machines run
   * @param declaringClass the class or interface declaring the method it overrides (or {@code
   *     implementation} itself, for its own overridable method)
   * @param name the method's name
   * @param parameterTypes the erasures of the overridden method's parameter types
   * @param factory makes the machine of {@code implementation}'s method
   */
  public static void register(
      Class<?> implementation,
      Class<?> declaringClass,
      String name,
      Class<?>[] parameterTypes,
      Factory factory) {
    Signature overridden = new Signature(declaringClass, name, parameterTypes);
    REGISTRY
        .computeIfAbsent(implementation, k -> new CopyOnWriteArrayList<>())
        .add(new Registration(overridden, Objects.requireNonNull(factory)));
  }

  /**
   * Whether a call on {@code receiver} must go through {@link #machine}: it is null (which {@code
   * machine} reports), or of a class other than the declaring one.
   *
   * @param receiver the receiver of the call
   * @return true unless the receiver's class is exactly the declaring class
   */
  public boolean isOverriddenBy(Object receiver) {
    return receiver == null || receiver.getClass() != method.declaringClass;
  }

  /**
   * The machine of the implementation Java would run for {@code receiver}.
   *
   * @param <T> the boxed result type
   * @param receiver the receiver
   * @param arguments the arguments, boxed, in order
   * @return an unstarted machine
   * @throws NullPointerException if the receiver is null
   */
  @SuppressWarnings("unchecked")
  public <T> Machine<T> machine(Object receiver, Object[] arguments) {
    if (receiver == null) {
      throw new NullPointerException(
          "receiver of a @Fibered instance method is null (calling " + method + ")");
    }
    return (Machine<T>) resolved.get(receiver.getClass()).machine(receiver, arguments);
  }

  /**
   * A machine that makes a plain call when it runs and completes with its result: for
   * implementations that are not {@code @Fibered}.
   *
   * @param <T> the boxed result type
   * @param call the call
   * @return an unstarted machine
   */
  public static <T> Machine<T> plain(PlainCall<T> call) {
    return new PlainMachine<>(call);
  }

  private Factory resolve(Class<?> receiverClass) {
    for (Class<?> k = receiverClass; k != null; k = k.getSuperclass()) {
      Factory registered = registered(k);
      if (registered != null) {
        return registered;
      }
      if (declaresImplementation(k)) {
        return plain;
      }
    }
    return mostSpecificDefault(receiverClass);
  }

  /** The factory {@code type}'s generated class registered for this method, if any. */
  private Factory registered(Class<?> type) {
    if (!FIBERS_LOADED.get(type)) {
      return null;
    }
    for (Registration r : REGISTRY.getOrDefault(type, List.of())) {
      if (r.overridden.equals(method)) {
        return r.factory;
      }
    }
    return null;
  }

  /**
   * Whether {@code type} declares a method that overrides this one and has a body. A method
   * overriding with narrower parameter types is found by the bridge method javac declares with
   * the erased ones.
   */
  private boolean declaresImplementation(Class<?> type) {
    Method m;
    try {
      m = type.getDeclaredMethod(method.name, method.parameterTypes);
    } catch (NoSuchMethodException e) {
      return false;
    }
    int modifiers = m.getModifiers();
    if (Modifier.isStatic(modifiers)
        || Modifier.isPrivate(modifiers)
        || Modifier.isAbstract(modifiers)) {
      return false;
    }
    return !isPackagePrivate(method.declared()) || samePackage(type, method.declaringClass);
  }

  /** Without a class implementation: the interface default method that is not overridden by another. */
  private Factory mostSpecificDefault(Class<?> receiverClass) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    collectInterfaces(receiverClass, interfaces);
    List<Class<?>> candidates = new ArrayList<>();
    for (Class<?> i : interfaces) {
      if (registered(i) != null || declaresImplementation(i)) {
        candidates.add(i);
      }
    }
    candidates.removeIf(
        c -> candidates.stream().anyMatch(other -> other != c && c.isAssignableFrom(other)));
    if (candidates.size() != 1) {
      return plain; // none, or a conflict: the plain call fails as the JVM decides
    }
    Factory registered = registered(candidates.get(0));
    return registered != null ? registered : plain;
  }

  private static void collectInterfaces(Class<?> type, Set<Class<?>> into) {
    for (Class<?> k = type; k != null; k = k.getSuperclass()) {
      for (Class<?> i : k.getInterfaces()) {
        if (into.add(i)) {
          collectInterfaces(i, into);
        }
      }
    }
  }

  private static boolean isPackagePrivate(Method m) {
    int access = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE;
    return m != null && (m.getModifiers() & access) == 0;
  }

  private static boolean samePackage(Class<?> a, Class<?> b) {
    return a.getClassLoader() == b.getClassLoader() && a.getPackageName().equals(b.getPackageName());
  }

  /**
   * Initialises {@code type}'s generated class, so that its registrations are in, if it has one:
   * {@code p.Outer_InnerFibers} for {@code p.Outer.Inner}.
   */
  private static boolean loadFibersClass(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null || type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    StringBuilder simple = new StringBuilder(type.getSimpleName());
    for (Class<?> outer = type.getDeclaringClass(); outer != null; outer = outer.getDeclaringClass()) {
      simple.insert(0, outer.getSimpleName() + "_");
    }
    String pkg = type.getPackageName();
    String name = (pkg.isEmpty() ? "" : pkg + ".") + simple + "Fibers";
    try {
      Class.forName(name, true, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return method.toString();
  }

  /** A method as dispatch keys it: declaring type, name and erased parameter types. */
  private static final class Signature {
    final Class<?> declaringClass;
    final String name;
    final Class<?>[] parameterTypes;

    Signature(Class<?> declaringClass, String name, Class<?>[] parameterTypes) {
      this.declaringClass = Objects.requireNonNull(declaringClass);
      this.name = Objects.requireNonNull(name);
      this.parameterTypes = parameterTypes.clone();
    }

    /** The declared method, or null if reflection cannot see it. */
    Method declared() {
      try {
        return declaringClass.getDeclaredMethod(name, parameterTypes);
      } catch (NoSuchMethodException | SecurityException e) {
        return null;
      }
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Signature)) {
        return false;
      }
      Signature s = (Signature) o;
      return declaringClass == s.declaringClass
          && name.equals(s.name)
          && Arrays.equals(parameterTypes, s.parameterTypes);
    }

    @Override
    public int hashCode() {
      return declaringClass.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(declaringClass.getName() + "." + name + "(");
      for (int i = 0; i < parameterTypes.length; i++) {
        s.append(i == 0 ? "" : ", ").append(parameterTypes[i].getTypeName());
      }
      return s.append(')').toString();
    }
  }

  private static final class Registration {
    final Signature overridden;
    final Factory factory;

    Registration(Signature overridden, Factory factory) {
      this.overridden = overridden;
      this.factory = factory;
    }
  }

  private static final class PlainMachine<T> extends Machine<T> {
    private final PlainCall<T> call;

    PlainMachine(PlainCall<T> call) {
      this.call = call;
    }

    @Override
    protected Object resume() throws Throwable {
      return call.call();
    }
  }
}
