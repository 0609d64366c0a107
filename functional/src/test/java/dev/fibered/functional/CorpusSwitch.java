package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Switch statements and switch expressions without switch points inside, copied whole into a
 * state: on ints, strings and enums, old and arrow forms, inside lowered loops, with break (of the
 * switch), continue and labelled break (of the loops around it), return and yield.
 */
final class CorpusSwitch {
  private CorpusSwitch() {}

  enum Color {
    RED,
    GREEN,
    BLUE
  }

  @Fibered
  static String onInts(int n) {
    String out = "";
    for (int i = 0; i < n; i++) {
      switch (i % 5) {
        case 0:
          out += "zero";
          break;
        case 1:
          continue;
        case 2:
        case 3:
          out += "two-three";
          break;
        default:
          if (i > 12) {
            return out + "!";
          }
          out += "d";
      }
      out += ",";
    }
    return out;
  }

  @Fibered
  static String onStringsAndEnums(String[] words, Color[] colors) {
    String out = "";
    Map<String, List<Integer>> index = new HashMap<>();
    outer:
    for (int i = 0; i < words.length; i++) {
      switch (words[i]) {
        case "skip":
          continue;
        case "stop":
          break outer;
        case "a":
        case "b":
          out += "ab";
          break;
        default:
          out += "?";
      }
      Color c = colors[i % colors.length];
      switch (c) {
        case RED -> out += "r";
        case GREEN -> {
          if (i > 3) {
            continue outer;
          }
          out += "g";
        }
        default -> out += "x";
      }
      int len =
          switch (words[i].length()) {
            case 0 -> 0;
            case 1, 2 -> {
              int t = words[i].length() * 10;
              yield t;
            }
            default -> -1;
          };
      out += len;
      List<Integer> at = index.get(words[i]);
      if (at == null) {
        at = new ArrayList<>();
        index.put(words[i], at);
      }
      at.add(i);
      Fiber.yieldNow();
    }
    return out + new java.util.TreeMap<>(index);
  }

  /** A switch expression as a return value and as a local's initializer, with a yield after. */
  @Fibered
  static int switchExpressions(Color c, int n) {
    int base =
        switch (c) {
          case RED -> 1;
          case GREEN -> 2;
          case BLUE -> 3;
        };
    Fiber.yieldNow();
    int total = 0;
    for (int i = 0; i < n; i++) {
      total +=
          switch (i % 3) {
            case 0 -> base;
            case 1 -> base * 10;
            default -> {
              if (total > 1000) {
                yield 0;
              }
              yield base * 100;
            }
          };
    }
    return switch (total % 2) {
      case 0 -> total;
      default -> -total;
    };
  }

  /** Copied switches inside do/while and while: continue goes to the condition / the head. */
  @Fibered
  static String insideDoWhileAndWhile(int n) {
    String out = "";
    int i = 0;
    do {
      i++;
      switch (i % 4) {
        case 0:
          continue;
        case 1:
          out += "one";
          break;
        case 2:
          if (i > 20) {
            break;
          }
          out += "two";
          break;
        default:
          out += i;
      }
      out += ".";
    } while (i < n);
    int j = 0;
    scan:
    while (j < n) {
      j++;
      switch (j % 3) {
        case 0 -> {
          continue scan;
        }
        case 1 -> out += "a";
        default -> {
          if (j > 10) {
            break scan;
          }
          out += "b";
        }
      }
      Fiber.yield();
    }
    return out + "|" + i + "|" + j;
  }
}
