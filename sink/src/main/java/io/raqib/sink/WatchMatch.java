package io.raqib.sink;

import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import java.util.List;
import java.util.function.Supplier;

/**
 * One watch that matched an article, and the highlights that show why: built the first time they are asked for,
 * so matches the alert gate holds back never pay for them. Not thread-safe: used by the thread that matched.
 */
public final class WatchMatch {

    private final Watch watch;
    private Supplier<List<Highlight>> build;
    private List<Highlight> highlights;

    /** A match whose highlights are known. */
    public WatchMatch(Watch watch, List<Highlight> highlights) {
        this.watch = watch;
        this.highlights = highlights;
    }

    /** A match whose highlights {@code build} makes when first asked for. */
    public WatchMatch(Watch watch, Supplier<List<Highlight>> build) {
        this.watch = watch;
        this.build = build;
    }

    /** The watch that matched. */
    public Watch watch() {
        return watch;
    }

    /** The highlights on the article's original text, title first. */
    public List<Highlight> highlights() {
        if (highlights == null) {
            highlights = build.get();
            build = null;
        }
        return highlights;
    }
}
