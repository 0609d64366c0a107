package dev.fibered.processor.discover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Finds the {@code @Fibered} methods of a round and groups them by declaring type: one generated
 * file per type, with that type as its only originating element (so the processor can be
 * isolating for Gradle). Types come in name order and methods in source order, so output is the
 * same from build to build.
 */
public final class HostDiscovery {
  private HostDiscovery() {}

  /**
   * A type that declares {@code @Fibered} methods.
   *
   * @param host the declaring type
   * @param methods its {@code @Fibered} methods, in source order
   */
  public record Host(TypeElement host, List<ExecutableElement> methods) {}

  public static List<Host> discover(RoundEnvironment round, TypeElement fibered) {
    Map<String, List<ExecutableElement>> byHost = new TreeMap<>();
    Map<String, TypeElement> hosts = new TreeMap<>();
    for (Element e : round.getElementsAnnotatedWith(fibered)) {
      if (e.getKind() != ElementKind.METHOD) {
        continue; // @Target(METHOD): javac has reported anything else already
      }
      TypeElement host = (TypeElement) e.getEnclosingElement();
      String key = host.getQualifiedName().toString();
      if (key.isEmpty()) {
        key = host.toString(); // local and anonymous classes have no qualified name
      }
      hosts.put(key, host);
      byHost.computeIfAbsent(key, k -> new ArrayList<>()).add((ExecutableElement) e);
    }
    List<Host> result = new ArrayList<>();
    for (Map.Entry<String, List<ExecutableElement>> entry : byHost.entrySet()) {
      TypeElement host = hosts.get(entry.getKey());
      List<ExecutableElement> methods = new ArrayList<>(entry.getValue());
      List<? extends Element> order = host.getEnclosedElements();
      methods.sort(Comparator.comparingInt(order::indexOf));
      result.add(new Host(host, List.copyOf(methods)));
    }
    return result;
  }
}
