package dev.fibered.processor.model;

import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves simple names as javac would inside the host type, without attributed trees (during
 * annotation processing method bodies are not attributed: {@code Trees.getTypeMirror} returns
 * null on expressions, seen on JDK 17 and 25). It follows the JLS 6.4/6.5 order: members of the
 * host and its enclosing types (inherited ones included), then single-type imports, the package,
 * on-demand imports and {@code java.lang}. Local variables are the caller's business.
 */
public final class Resolver {
  private final Elements elements;
  private final Types types;
  private final TypeElement host;
  private final Set<String> explicitAccessors;
  private final SourceFile file;
  private final PackageElement pkg;

  public Resolver(
      Elements elements,
      Types types,
      TypeElement host,
      SourceFile file,
      Set<String> explicitAccessors) {
    this.explicitAccessors = explicitAccessors;
    this.elements = elements;
    this.types = types;
    this.host = host;
    this.file = file;
    this.pkg = elements.getPackageOf(host);
  }

  public TypeElement host() {
    return host;
  }

  public PackageElement hostPackage() {
    return pkg;
  }

  /** Members named {@code name} of the innermost type (host, then outward) that has any. */
  public Optional<Members> members(String name, Predicate<Element> kind) {
    for (TypeElement t = host; t != null; t = enclosingType(t)) {
      List<Element> found = new ArrayList<>();
      for (Element e : elements.getAllMembers(t)) {
        if (e.getSimpleName().contentEquals(name) && kind.test(e)) {
          found.add(e);
        }
      }
      if (!found.isEmpty()) {
        return Optional.of(new Members(t, found));
      }
    }
    return Optional.empty();
  }

  public static boolean isField(Element e) {
    return e.getKind() == ElementKind.FIELD || e.getKind() == ElementKind.ENUM_CONSTANT;
  }

  public static boolean isMethod(Element e) {
    return e.getKind() == ElementKind.METHOD;
  }

  public static boolean isType(Element e) {
    return e.getKind().isClass() || e.getKind().isInterface();
  }

  /** Resolves a type name as written in the host's source: simple, or qualified with dots. */
  public Optional<TypeElement> type(String written) {
    int dot = written.indexOf('.');
    if (dot >= 0) {
      Optional<TypeElement> head = type(written.substring(0, dot));
      if (head.isPresent()) {
        return Optional.ofNullable(
            elements.getTypeElement(
                head.get().getQualifiedName() + written.substring(dot)));
      }
      return Optional.ofNullable(elements.getTypeElement(written));
    }
    Optional<Members> member = members(written, Resolver::isType);
    if (member.isPresent()) {
      return Optional.of((TypeElement) member.get().elements().get(0));
    }
    for (ImportTree imp : file.imports()) {
      Tree id = imp.getQualifiedIdentifier();
      if (!imp.isStatic() && lastName(id).equals(written)) {
        return Optional.ofNullable(elements.getTypeElement(id.toString()));
      }
    }
    TypeElement t = elements.getTypeElement(qualify(pkg, written));
    if (t != null) {
      return Optional.of(t);
    }
    for (ImportTree imp : file.imports()) {
      Tree id = imp.getQualifiedIdentifier();
      if (!imp.isStatic() && lastName(id).equals("*")) {
        t = elements.getTypeElement(ownerName(id) + "." + written);
        if (t != null) {
          return Optional.of(t);
        }
      }
    }
    return Optional.ofNullable(elements.getTypeElement("java.lang." + written));
  }

  /**
   * The type that a static import brings {@code name} from, if it names a static member of the
   * given kind (single-static imports first, then on-demand ones, as in JLS 6.4.1).
   */
  public Optional<TypeElement> staticImportOwner(String name, Predicate<Element> kind) {
    for (boolean onDemand : new boolean[] {false, true}) {
      for (ImportTree imp : file.imports()) {
        Tree id = imp.getQualifiedIdentifier();
        String last = lastName(id);
        if (imp.isStatic() && (onDemand ? last.equals("*") : last.equals(name))) {
          TypeElement owner = elements.getTypeElement(ownerName(id));
          if (owner != null && hasStaticMember(owner, name, kind)) {
            return Optional.of(owner);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Members named {@code name} of {@code type}, inherited ones included. */
  public List<Element> membersOf(TypeElement type, String name, Predicate<Element> kind) {
    List<Element> found = new ArrayList<>();
    for (Element e : elements.getAllMembers(type)) {
      if (e.getSimpleName().contentEquals(name) && kind.test(e)) {
        found.add(e);
      }
    }
    return found;
  }

  /** Methods named {@code name} that {@code type} has, inherited ones included. */
  /** The names of every field and method of {@code type}, its own and inherited. */
  public Set<String> memberNames(TypeElement type) {
    Set<String> names = new java.util.HashSet<>();
    for (Element e : elements.getAllMembers(type)) {
      if (isField(e) || isMethod(e)) {
        names.add(e.getSimpleName().toString());
      }
    }
    return names;
  }

  public List<Element> methodsOf(TypeElement type, String name) {
    List<Element> found = new ArrayList<>();
    for (Element e : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (e.getSimpleName().contentEquals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  /**
   * Whether the generated class, a top-level class in the host's package, can use {@code member}
   * by name.
   */
  public boolean visibleFromGeneratedCode(Element member) {
    if (member.getModifiers().contains(Modifier.PUBLIC)) {
      return true;
    }
    if (member.getModifiers().contains(Modifier.PRIVATE)) {
      return false;
    }
    return elements.getPackageOf(member).equals(pkg);
  }

  /**
   * Whether a record component's accessor is written out in the host's source (and so may
   * return something other than the field). Only the host's own source is known.
   */
  public boolean hasExplicitAccessor(TypeElement record, String component) {
    return !record.equals(host) || explicitAccessors.contains(component);
  }

  /** Whether the host itself is {@code type} or a subtype of it. */
  public boolean hostIsA(TypeElement type) {
    return types.isSubtype(types.erasure(host.asType()), types.erasure(type.asType()));
  }

  /** Whether the host (or a type enclosing it) is a subclass of {@code type}. */
  public boolean inheritsFrom(Element type) {
    if (!(type instanceof TypeElement)) {
      return false;
    }
    for (TypeElement t = host; t != null; t = enclosingType(t)) {
      if (types.isSubtype(types.erasure(t.asType()), types.erasure(type.asType()))) {
        return true;
      }
    }
    return false;
  }

  private boolean hasStaticMember(TypeElement owner, String name, Predicate<Element> kind) {
    for (Element e : elements.getAllMembers(owner)) {
      if (e.getSimpleName().contentEquals(name)
          && kind.test(e)
          && e.getModifiers().contains(Modifier.STATIC)) {
        return true;
      }
    }
    return false;
  }

  private static TypeElement enclosingType(TypeElement t) {
    Element e = t.getEnclosingElement();
    return e instanceof TypeElement ? (TypeElement) e : null;
  }

  private static String lastName(Tree id) {
    return id instanceof MemberSelectTree
        ? ((MemberSelectTree) id).getIdentifier().toString()
        : id.toString();
  }

  private static String ownerName(Tree id) {
    return ((MemberSelectTree) id).getExpression().toString();
  }

  private static String qualify(PackageElement pkg, String name) {
    return pkg.isUnnamed() ? name : pkg.getQualifiedName() + "." + name;
  }

  /** Members found by name in {@code owner} (declared there or inherited by it). */
  public record Members(TypeElement owner, List<Element> elements) {}
}
