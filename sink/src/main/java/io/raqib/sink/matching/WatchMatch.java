package io.raqib.sink.matching;

import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import java.util.List;
import java.util.function.Supplier;

/**
 * One watch that matched an article, and the highlights that show why: drafted the first time they are asked
 * for, their fragments cut only when the finished highlights are, so matches the alert gate holds back pay for
 * little or nothing. Not thread-safe: used by the thread that matched.
 */
public final class WatchMatch {

    private final Watch watch;
    private Supplier<List<HighlightDraft>> build;
    private List<HighlightDraft> drafts;

    /** A match whose highlight drafts {@code build} makes when first asked for. */
    public WatchMatch(Watch watch, Supplier<List<HighlightDraft>> build) {
        this.watch = watch;
        this.build = build;
    }

    /** The watch that matched. */
    public Watch watch() {
        return watch;
    }

    /** The highlights before their fragments are cut, title first. */
    public List<HighlightDraft> drafts() {
        if (drafts == null) {
            drafts = build.get();
            build = null;
        }
        return drafts;
    }

    /** The highlights on the article's original text, title first. */
    public List<Highlight> highlights() {
        return drafts().stream().map(HighlightDraft::highlight).toList();
    }
}
