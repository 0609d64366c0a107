package dev.fibered.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The compilation unit that declares a host type: its imports (copied into the generated file so
 * that names in copied bodies mean what they meant), and every identifier it uses (so generated
 * names and imports never capture one of them).
 */
public final class SourceFile {
  private final CompilationUnitTree unit;
  private final Trees trees;
  private final List<String> importLines = new ArrayList<>();
  private final List<ImportTree> imports;
  private final Set<String> identifiers = new HashSet<>();

  public SourceFile(CompilationUnitTree unit, Trees trees) {
    this.unit = unit;
    this.trees = trees;
    this.imports = List.copyOf(unit.getImports());
    for (ImportTree imp : imports) {
      importLines.add(
          "import " + (imp.isStatic() ? "static " : "") + imp.getQualifiedIdentifier() + ";");
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        identifiers.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        identifiers.add(node.getIdentifier().toString());
        return super.visitMemberSelect(node, unused);
      }

      // A name declared and never used is no identifier above, but a generated local of that
      // name would still clash with it in copied code.
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        identifiers.add(node.getName().toString());
        return super.visitVariable(node, unused);
      }
    }.scan(unit, null);
  }

  public CompilationUnitTree unit() {
    return unit;
  }

  /** The file's simple name, such as {@code Jobs.java}. */
  public String fileName() {
    String path = unit.getSourceFile().getName();
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  public List<ImportTree> imports() {
    return imports;
  }

  /** The imports as source lines, in their original order. */
  public List<String> importLines() {
    return importLines;
  }

  /** Every simple name that appears in the file as an identifier or a member name. */
  public Set<String> identifiers() {
    return identifiers;
  }

  /** The text of a source line, trimmed, for the comment on a generated state. */
  public String lineText(long line) {
    try {
      CharSequence text = unit.getSourceFile().getCharContent(true);
      int start = (int) unit.getLineMap().getStartPosition(line);
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      return text.subSequence(start, end).toString().trim();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Where {@code tree} starts in the file, in characters, or -1 if it has no position. */
  public long position(Tree tree) {
    return trees.getSourcePositions().getStartPosition(unit, tree);
  }

  public long line(Tree tree) {
    long pos = trees.getSourcePositions().getStartPosition(unit, tree);
    return pos < 0 ? -1 : unit.getLineMap().getLineNumber(pos);
  }
}
