package io.raqib.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.matching.MatchingMode;
import io.raqib.sink.watches.WatchRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** The two {@link MatchingMode}s of {@link WatchRegistry} on the same watches and articles, and the verdict. */
final class ModeComparison {

    /** Differences a failure lists; the message gives the total. */
    private static final int LISTED = 10;

    private ModeComparison() {
    }

    /** Registers {@code watches} in a Monitor-only (reference) and a compiled registry and matches both. */
    static MatchComparison run(List<Watch> watches, List<EnrichedArticle> articles) throws IOException {
        try (WatchRegistry monitor = new WatchRegistry(WatchLimits.defaults(), MatchingMode.MONITOR);
             WatchRegistry compiled = new WatchRegistry(WatchLimits.defaults(), MatchingMode.COMPILED)) {
            long start = System.nanoTime();
            monitor.putAll(watches);
            compiled.putAll(watches);
            long registered = System.nanoTime();
            MatchComparison comparison = MatchComparison.of(monitor, "monitor", compiled, "compiled", articles);
            System.out.printf(Locale.ROOT, "%d watches × %d articles: registered in %.1f s, matched in %.1f s; "
                            + "monitor %d matches (%d watches matched), compiled %d, differences=%d%n",
                    watches.size(), articles.size(), (registered - start) / 1e9,
                    (System.nanoTime() - registered) / 1e9, comparison.referencePairs(),
                    comparison.referenceMatches().size(), comparison.candidatePairs(),
                    comparison.differences().size());
            return comparison;
        }
    }

    /** Fails listing the first differences when the modes disagree on any (watch, article) pair. */
    static void assertSame(MatchComparison comparison) {
        assertThat(comparison.differences().size())
                .as(() -> comparison.differences().size() + " (watch, article) pairs differ, first ones:\n"
                        + String.join("\n", comparison.firstDifferences(LISTED)))
                .isZero();
        assertThat(comparison.candidatePairs()).isEqualTo(comparison.referencePairs());
    }
}
