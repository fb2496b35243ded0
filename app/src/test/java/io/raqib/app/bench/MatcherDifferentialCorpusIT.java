package io.raqib.app.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.watches.WatchFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compiled matcher against Lucene Monitor on real news: SaudiNewsNet articles, built as {@code raqib bench
 * match} builds them (the path the benchmark measures), against the 10,000 benchmark watches of
 * {@code shared/bench/stock-monitor}. Both {@link io.raqib.sink.matching.MatchingMode}s must find the same pairs.
 * Skipped without {@code ../shared}.
 */
class MatcherDifferentialCorpusIT {

    private static final int ARTICLES = 3_000;

    @Test
    void saudiNewsNetAgainstTenThousandWatchesMatchesTheSameInBothModes() throws Exception {
        Optional<Path> corpus = DifferentialArticles.shared("corpus/saudinewsnet");
        Optional<Path> watchFile = DifferentialArticles.shared("bench/stock-monitor/watches-10k.json");
        assumeTrue(corpus.isPresent() && watchFile.isPresent(), "../shared corpus or benchmark watches not found");
        List<Watch> watches = WatchFiles.read(watchFile.get(), WatchLimits.defaults());
        List<EnrichedArticle> articles = CorpusArticles.articles(CorpusArticles.read(corpus.get(), ARTICLES), 0);

        ModeComparison.assertSame(ModeComparison.run(watches, articles));
    }
}
