package io.raqib.sink.watches;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import io.raqib.sink.matching.WatchMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Runs one watch against one article without storing anything: "would this watch fire, and why?". */
public final class WatchTester {

    private WatchTester() {
    }

    /**
     * The outcome for {@code watch} on {@code article}; throws {@link InvalidWatchException} for a bad watch, one
     * beyond {@code limits} included.
     */
    public static Result test(Watch watch, EnrichedArticle article, WatchLimits limits) {
        try (WatchRegistry registry = new WatchRegistry(limits)) {
            registry.put(watch);
            List<WatchMatch> matches = registry.match(article);
            return new Result(watch.id(), !matches.isEmpty(), article.language(),
                    matches.isEmpty() ? List.of() : matches.get(0).highlights());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the watch matched the article (in {@code language}), with the highlights that show why. */
    public record Result(String watchId, boolean matched, String language, List<Highlight> highlights) {
    }
}
