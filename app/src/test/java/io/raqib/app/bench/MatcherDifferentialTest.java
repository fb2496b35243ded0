package io.raqib.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import io.raqib.sink.matching.MatchingMode;
import io.raqib.sink.matching.WatchMatch;
import io.raqib.sink.watches.InvalidWatchException;
import io.raqib.sink.watches.WatchRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiled matcher against Lucene Monitor (the reference) on enriched articles: both {@link
 * io.raqib.sink.matching.MatchingMode}s must find exactly the same (watch, article) pairs. Here, watches of every
 * documented shape on the samples and generated texts; {@link MatcherDifferentialCorpusIT} does SaudiNewsNet
 * against the 10,000 benchmark watches.
 */
class MatcherDifferentialTest {

    private static final int GENERATED_articles = 200;
    private static final int SHAPED_WATCHES = 1_680;
    private static final int CORPUS_DRAWN_WATCHES = 250;

    private static List<EnrichedArticle> articles;

    @BeforeAll
    static void enrichArticles() throws IOException {
        articles = DifferentialArticles.enriched(GENERATED_articles, 11);
    }

    @Test
    void watchesOfEveryShapeMatchTheSameArticlesInBothModes() throws IOException {
        List<Watch> drawn = drawn();
        List<Watch> watches = valid(drawn);

        MatchComparison comparison = ModeComparison.run(watches, articles);

        // Most drawn watches are valid, and each shape matches something: the comparison is not vacuous.
        assertThat(watches).hasSizeGreaterThan(drawn.size() * 9 / 10);
        assertThat(matchesByShape(comparison, watches)).allSatisfy((shape, n) -> assertThat(n).as(shape)
                .isPositive());
        ModeComparison.assertSame(comparison);
    }

    /**
     * The compiled matcher's highlights, built from the article's positions, are the Monitor's (Lucene's matches
     * API) for every match, except of sloppy phrases, where the span of a window may be chosen differently.
     */
    @Test
    void compiledHighlightsAreTheMonitorsOutsideSloppyPhrases() throws IOException {
        List<Watch> watches = valid(drawn());
        try (WatchRegistry monitor = new WatchRegistry(WatchLimits.defaults(), MatchingMode.MONITOR);
             WatchRegistry compiled = new WatchRegistry(WatchLimits.defaults(), MatchingMode.COMPILED)) {
            monitor.putAll(watches);
            compiled.putAll(watches);
            long compared = 0;
            long sloppyDiffering = 0;
            for (EnrichedArticle article : articles) {
                Map<String, WatchMatch> reference = new TreeMap<>();
                monitor.match(article).forEach(m -> reference.put(m.watch().id(), m));
                for (WatchMatch m : compiled.match(article)) {
                    List<Highlight> expected = reference.get(m.watch().id()).highlights();
                    if (m.watch().query() != null && m.watch().query().contains("~")) {
                        sloppyDiffering += expected.equals(m.highlights()) ? 0 : 1;
                    } else {
                        assertThat(m.highlights()).as(m.watch() + " on " + article.id()).isEqualTo(expected);
                        compared++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "highlights: %d matches equal; sloppy-phrase matches differing: %d%n",
                    compared, sloppyDiffering);
            assertThat(compared).isGreaterThan(1_000);
        }
    }

    private static List<Watch> drawn() {
        List<Watch> drawn = new ArrayList<>(new ShapedWatches(11).generate(SHAPED_WATCHES));
        drawn.addAll(new WatchGenerator(articles.stream().map(a -> new CorpusArticles.Item(a.source(), a.url(),
                a.title(), a.body())).toList(), 11).generate(CORPUS_DRAWN_WATCHES));
        return drawn;
    }

    /** The watches the registry accepts; the generator may draw a prefix too short or a phrase of stop words. */
    private static List<Watch> valid(List<Watch> drawn) {
        try (WatchRegistry check = new WatchRegistry(WatchLimits.defaults())) {
            return drawn.stream().filter(w -> {
                try {
                    check.validate(w);
                    return true;
                } catch (InvalidWatchException e) {
                    return false;
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reference matches per shape ({@code w} = drawn by {@link WatchGenerator}), every shape present. */
    private static Map<String, Long> matchesByShape(MatchComparison comparison, List<Watch> watches) {
        Map<String, Long> out = new TreeMap<>();
        watches.forEach(w -> out.put(shape(w), 0L));
        comparison.referenceMatches().forEach((watchId, n) -> out.merge(shape(watchId), n, Long::sum));
        System.out.println("reference matches by shape: " + out);
        return out;
    }

    private static String shape(Watch watch) {
        return shape(watch.id());
    }

    private static String shape(String watchId) {
        int dash = watchId.indexOf('-');
        return dash < 0 ? "generator" : watchId.substring(0, dash);
    }
}
