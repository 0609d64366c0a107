package dev.fibered.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Member types of a machine written as Java text: the local types of a body, printed from their
 * trees. JavaPoet builds types only from its own specs, so each one goes in as a placeholder class
 * whose instance initializer holds the text (JavaPoet still resolves, imports or qualifies the
 * types the text names); {@link #unwrap} then replaces every placeholder by its text.
 */
final class MemberTypes {
  private static final String PREFIX = "$FiberedMemberType";

  // "class $FiberedMemberType0 {", its initializer's "{", the text, and the two closing braces,
  // each at the placeholder's indentation (plus one level for the initializer's).
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?m)^( *)class " + Pattern.quote(PREFIX) + "\\d+ \\{\\n\\1  \\{\\n((?:.*\\n)*?)\\1  }\\n\\1}\\n");

  private MemberTypes() {}

  static TypeSpec placeholder(int index, CodeBlock declaration) {
    return TypeSpec.classBuilder(PREFIX + index).addInitializerBlock(declaration).build();
  }

  /** The file with each placeholder replaced by its text, at the placeholder's indentation. */
  static String unwrap(String source) {
    Matcher m = PLACEHOLDER.matcher(source);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String indent = m.group(1);
      StringBuilder text = new StringBuilder();
      String[] lines = m.group(2).split("\n", -1);
      for (String line : java.util.Arrays.copyOf(lines, lines.length - 1)) { // the last is empty
        // JavaPoet put two levels more than the placeholder's before every line of the text.
        String deeper = indent + "    ";
        text.append(line.startsWith(deeper) ? indent + line.substring(deeper.length()) : line).append('\n');
      }
      m.appendReplacement(out, Matcher.quoteReplacement(text.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
