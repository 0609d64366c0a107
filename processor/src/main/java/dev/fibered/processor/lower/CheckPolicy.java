package dev.fibered.processor.lower;

import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the processor puts scheduling checks, the compile-time counterparts of greenlet_fiber's
 * {@code wrap} and {@code inject}. Chosen per compilation with {@code -Afibered.checks}:
 *
 * <ul>
 *   <li>{@code default}: at method entry and on every loop back-edge, so that every path that can
 *       run unboundedly passes a check;
 *   <li>{@code calls}: also before every statement that calls a method ({@code wrap});
 *   <li>{@code every:N}: also before every N-th statement of a block ({@code inject(per=N)});
 *   <li>{@code none}: no checks; the fiber switches only at its explicit switch points.
 * </ul>
 *
 * Checks are placed only where the machine can resume: the extra checks of {@code calls} and
 * {@code every:N} are left out inside {@code try}, {@code switch} and {@code synchronized} bodies,
 * lambdas and class bodies. Under {@code none}, loops are still taken apart into states (only
 * their checks go), so the rules for loops inside {@code try} and the like stay the same.
 */
public final class CheckPolicy {
  /** The processor option that chooses the policy. */
  public static final String OPTION = "fibered.checks";

  /** What {@link #parse} takes, for messages. */
  public static final String VALUES = "default, calls, none or every:N (N >= 1)";

  public static final CheckPolicy DEFAULT = new CheckPolicy(Kind.DEFAULT, 0);

  private enum Kind {
    DEFAULT,
    CALLS,
    EVERY,
    NONE
  }

  private final Kind kind;
  private final int every;

  private CheckPolicy(Kind kind, int every) {
    this.kind = kind;
    this.every = every;
  }

  /**
   * Reads an option value: {@code default}, {@code calls}, {@code none} or {@code every:N} with N
   * at least 1; empty for anything else.
   */
  public static Optional<CheckPolicy> parse(String value) {
    switch (value) {
      case "default":
        return Optional.of(DEFAULT);
      case "calls":
        return Optional.of(new CheckPolicy(Kind.CALLS, 0));
      case "none":
        return Optional.of(new CheckPolicy(Kind.NONE, 0));
      default:
        if (value.startsWith("every:")) {
          try {
            int n = Integer.parseInt(value.substring("every:".length()));
            if (n >= 1) {
              return Optional.of(new CheckPolicy(Kind.EVERY, n));
            }
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        }
        return Optional.empty();
    }
  }

  /** Whether methods get an entry check and loops a back-edge check. */
  boolean checksEntryAndLoops() {
    return kind != Kind.NONE;
  }

  /**
   * Whether a check goes right before {@code statement}, the {@code index}-th of its block (0 for a
   * statement that is not in a block). {@code hasCall} tells whether a simple statement calls a
   * method and is not a switch point already.
   */
  boolean checksBefore(StatementTree statement, int index, Predicate<Tree> hasCall) {
    switch (kind) {
      case CALLS:
        return isSimple(statement) && hasCall.test(statement);
      case EVERY:
        return index > 0 && index % every == 0;
      default:
        return false;
    }
  }

  /**
   * Whether this policy puts checks inside {@code statement}, where the Lowerer can place them (so
   * the statement must be taken apart rather than copied whole).
   */
  boolean checksInside(StatementTree statement, Predicate<Tree> hasCall) {
    if (kind != Kind.CALLS && kind != Kind.EVERY) {
      return false;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        if (found[0] || node == null) {
          return null;
        }
        switch (node.getKind()) {
          case TRY, SWITCH, SYNCHRONIZED, LAMBDA_EXPRESSION, CLASS, INTERFACE, ENUM, RECORD, NEW_CLASS -> {
            return null; // no checks in there
          }
          case BLOCK -> {
            if (kind == Kind.EVERY && ((com.sun.source.tree.BlockTree) node).getStatements().size() > every) {
              found[0] = true;
              return null;
            }
            return super.scan(node, unused);
          }
          default -> {
            if (node != statement
                && node instanceof StatementTree
                && checksBefore((StatementTree) node, 0, hasCall)) {
              found[0] = true;
              return null;
            }
            return super.scan(node, unused);
          }
        }
      }
    }.scan(isSimple(statement) ? null : statement, null);
    return found[0];
  }

  /** A statement that holds expressions but no other statements. */
  private static boolean isSimple(StatementTree statement) {
    switch (statement.getKind()) {
      case EXPRESSION_STATEMENT, VARIABLE, RETURN, THROW:
        return true;
      default:
        return false;
    }
  }

  @Override
  public String toString() {
    return kind == Kind.EVERY ? "every:" + every : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
