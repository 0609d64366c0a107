package p;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.fibered.Machine;
import dev.fibered.SourceMap;
import java.util.Iterator;
import javax.annotation.processing.Generated;

/**
 * Fibers for the {@code @Fibered} methods of {@link Tagger}: one factory per method,
 * returning an unstarted {@link Fiber}. Generated from Tagger.java; do not edit.
 */
@SuppressWarnings({
    "cast",
    "deprecation",
    "removal",
    "rawtypes",
    "static",
    "unchecked"
})
@Generated(
    value = "dev.fibered.processor.FiberedProcessor",
    comments = "from Tagger.java"
)
final class TaggerFibers {
  /**
   * Where the machines' code comes from, for stack traces: from each generated line
   * listed on, the source line after the colon.
   */
  private static final String SOURCE_LINES = "109:11 118:12 119:13 130:15 131:23 132:24 141:25 142:13 152:27 153:28 165:29 167:28 175:31 202:20";

  private TaggerFibers() {
  }

  /**
   * Returns an unstarted fiber that runs {@link Tagger#tags(java.lang.String, int)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<List<String>> tags(String prefix, int n) {
    return new TagsMachine(prefix, n).asFiber("Tagger.tags");
  }

  /**
   * Returns the state machine of {@link Tagger#tags(java.lang.String, int)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<List<String>> tags$machine(String prefix, int n) {
    return new TagsMachine(prefix, n);
  }

  /**
   * {@link Tagger#tags(java.lang.String, int)} as a state machine (Tagger.java:10).
   */
  private static final class TagsMachine extends Machine<List<String>> {
    private static final SourceMap SOURCE = new SourceMap("p.Tagger", "tags", "Tagger.java", new int[] {11, 11, 13, 24, 13, 28, 28}, SOURCE_LINES);

    private int state;

    private String prefix;

    private int n;

    /**
     * local tags, line 12
     */
    private List<Supplier<String>> tags;

    /**
     * local i, line 13
     */
    private int i;

    /**
     * the captured values of Tag, line 15
     */
    private TagScope tagScope;

    /**
     * local out, line 27
     */
    private List<String> out;

    /**
     * the iterator of the for-each, line 28
     */
    private Iterator<? extends Supplier<String>> iterator;

    /**
     * local t, line 28
     */
    private Supplier<String> t;

    TagsMachine(String prefix, int n) {
      this.prefix = prefix;
      this.n = n;
    }

    @Override
    protected Object resume() throws Throwable {
      while (true) {
        switch (state) {
          case 0: {
            // Tagger.java:11: entry: static List<String> tags(String prefix, int n) {
            if (check()) {
              state = 1;
              return SUSPEND;
            }
            state = 1;
            continue;
          }
          case 1: {
            // Tagger.java:11: body: static List<String> tags(String prefix, int n) {
            tags = new ArrayList<>();
            i = 0;
            state = 2;
            continue;
          }
          case 2: {
            // Tagger.java:13: for (int i = 0; i < n; i++) {
            if (!(i < n)) {
              state = 4;
              continue;
            }
            int k = i;
            tagScope = new TagScope(prefix, k);
            tags.add(tagScope.new Tag());
            if (yieldDue()) {
              state = 3;
              return SUSPEND;
            }
            state = 3;
            continue;
          }
          case 3: {
            // Tagger.java:24: after: Fiber.yield();
            tags.add(tagScope.new Tag());
            i++;
            if (check()) {
              state = 2;
              return SUSPEND;
            }
            state = 2;
            continue;
          }
          case 4: {
            // Tagger.java:13: after: for (int i = 0; i < n; i++) {
            out = new ArrayList<>();
            iterator = iterate(tags);
            state = 5;
            continue;
          }
          case 5: {
            // Tagger.java:28: for (Supplier<String> t : tags) {
            if (!iterator.hasNext()) {
              state = 6;
              continue;
            }
            t = iterator.next();
            {
              out.add(t.get());
            }
            if (check()) {
              return SUSPEND;
            }
            state = 5;
            continue;
          }
          case 6: {
            // Tagger.java:28: after: for (Supplier<String> t : tags) {
            { List<String> result = out; return result; }
          }
          default:
            throw new IllegalStateException("TagsMachine resumed in unknown state " + state);
        }
      }
    }

    @Override
    protected StackTraceElement sourceFrame(int generatedLine) {
      return SOURCE.frame(state, generatedLine);
    }

    // local class Tag, line 15
    final class TagScope {
      private final String prefix;
      private final int k;

      TagScope(String prefix, int k) {
        this.prefix = prefix;
        this.k = k;
      }

      class Tag implements Supplier<String> {
        final String text = prefix + k;
        @Override
        public String get() {
          return text;
        }
      }
    }
  }
}
