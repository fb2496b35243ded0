package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import io.raqib.sink.Articles;
import io.raqib.sink.matching.MatchingMode;
import io.raqib.sink.matching.WatchMatch;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchRegistryTest {

    private final WatchRegistry registry = new WatchRegistry();

    @AfterEach
    void close() throws Exception {
        registry.close();
    }

    private static Watch watch(String id, String query, String... languages) {
        return new Watch(id, id + " name", query, null, null, List.of(languages), null, null);
    }

    private List<String> matchingIds(EnrichedArticle article) {
        return registry.match(article).stream().map(m -> m.watch().id()).toList();
    }

    @Test
    void aLanguagePartitionIsReleasedWithItsLastWatch() throws Exception {
        String[] codes = java.util.Locale.getISOLanguages();
        try (WatchRegistry monitors = new WatchRegistry(WatchLimits.defaults(), MatchingMode.MONITOR)) {
            for (int i = 0; i < 50; i++) {
                monitors.put(watch("w" + i, "wheat", codes[i], "ar"));
            }
            assertThat(monitors.partitions()).isGreaterThan(1);
            for (int i = 0; i < 50; i++) {
                monitors.remove("w" + i);
            }

            assertThat(monitors.partitions()).isZero();
            monitors.put(watch("again", "wheat", "ar"));
            assertThat(monitors.match(Articles.of("a1", "ar", "wheat", "wheat"))).extracting(m -> m.watch().id())
                    .containsExactly("again");
        }
    }

    @Test
    void matchingWhileTheLastWatchOfItsLanguageComesAndGoesNeverFails() throws Exception {
        EnrichedArticle article = Articles.of("a1", "sw", "wheat", "wheat");
        Thread churn = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                registry.put(watch("w", "wheat", "sw"));
                registry.remove("w");
            }
        });
        churn.start();
        try {
            while (churn.isAlive()) {
                assertThat(matchingIds(article)).isSubsetOf("w");
            }
        } finally {
            churn.join();
        }
    }

    @Test
    void phraseWatchMatchesAndHighlightsTheOriginalBodySpan() {
        registry.put(watch("unsc", "\"security council\" AND 2254"));
        String body = "Read also: unrelated\nDiplomats said the UN Security Council passed resolution 2254.";

        List<WatchMatch> matches = registry.match(Articles.of("a1", "en", "Vote in New York", body));

        assertThat(matches).hasSize(1);
        List<Highlight> highlights = matches.get(0).highlights();
        assertThat(highlights).extracting(Highlight::text).containsExactly("Security Council", "2254");
        Highlight first = highlights.get(0);
        assertThat(first.field()).isEqualTo("body");
        assertThat(body.substring(first.start(), first.end())).isEqualTo("Security Council");
        assertThat(first.fragment()).contains("UN Security Council passed").doesNotContain("unrelated");
    }

    @Test
    void disguisedArabicIsMatchedAndHighlightedAsWritten() {
        registry.put(watch("terror", "\"قوى الإرهاب\""));
        String body = "ستواصل روسيا لمكـ.ـافحة قوى الإرهـ.ـاب والتطـ.ـرف في سوريا.";

        List<WatchMatch> matches = registry.match(Articles.of("a2", "ar", "خبر", body));

        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).highlights()).extracting(Highlight::text).containsExactly("قوى الإرهـ.ـاب");
    }

    @Test
    void titleHitsPointIntoTheTitle() {
        registry.put(watch("wheat", "wheat"));

        Highlight h = registry.match(Articles.of("a3", "en", "Wheat prices soar", "Nothing here.")).get(0)
                .highlights().get(0);

        assertThat(h.field()).isEqualTo("title");
        assertThat(h.start()).isZero();
        assertThat(h.end()).isEqualTo(5);
        assertThat(h.text()).isEqualTo("Wheat");
    }

    @Test
    void languageRestrictionFiltersArticles() {
        registry.put(watch("ar-only", "2254", "ar"));
        registry.put(watch("any", "2254"));

        assertThat(matchingIds(Articles.of("en1", "en", "Resolution 2254", "Text."))).containsExactly("any");
        assertThat(matchingIds(Articles.of("ar1", "ar", "القرار 2254", "نص."))).containsExactly("any", "ar-only");
    }

    @Test
    void fieldQueriesOnTitleAndSource() {
        registry.put(watch("title-only", "title:drought"));
        registry.put(watch("by-source", "source:example AND rain"));

        assertThat(matchingIds(Articles.of("t1", "en", "Drought deepens", "Rain is scarce."))).containsExactly(
                "by-source", "title-only");
        assertThat(matchingIds(Articles.of("t2", "en", "Harvest report", "The drought and no rain."))).containsExactly(
                "by-source");
    }

    @Test
    void replacingAndRemovingWatchesTakesEffectImmediately() {
        EnrichedArticle article = Articles.of("r1", "en", "Floods in Pakistan", "Heavy monsoon rain.");
        registry.put(watch("w", "earthquake"));
        assertThat(matchingIds(article)).isEmpty();

        registry.put(watch("w", "floods"));
        assertThat(matchingIds(article)).containsExactly("w");
        assertThat(registry.size()).isEqualTo(1);

        registry.remove("w");
        assertThat(matchingIds(article)).isEmpty();
        assertThat(registry.size()).isZero();
    }

    @Test
    void invalidQueryIsRefusedWithItsPositionAndLeavesTheRegistryUnchanged() {
        assertThatThrownBy(() -> registry.put(watch("bad", "\"unclosed phrase")))
                .isInstanceOf(InvalidWatchException.class)
                .hasMessageContaining("watch 'bad'")
                .hasMessageContaining("column");
        assertThatThrownBy(() -> registry.put(watch("empty", " ")))
                .hasMessageContaining("query is required");
        assertThat(registry.size()).isZero();
    }

    @Test
    void aWatchWithThousandsOfLanguagesIsRefusedWithoutCreatingAnIndexOrAThread() {
        long before = purgeThreads();
        String[] languages = IntStream.range(0, 1_000).mapToObj(i -> "l" + i).toArray(String[]::new);

        assertThatThrownBy(() -> registry.put(watch("babel", "wheat", languages)))
                .isInstanceOfSatisfying(InvalidWatchException.class, e -> assertThat(e.field()).isEqualTo("languages"));
        assertThat(purgeThreads()).isLessThanOrEqualTo(before);
        assertThat(registry.size()).isZero();
    }

    @Test
    void aBatchLuceneCannotIndexChangesNothingWhicheverPartitionFails() throws Exception {
        EnrichedArticle wheat = Articles.of("w", "en", "Wheat harvest", "Wheat.");
        try (WatchRegistry failing = new WatchRegistry(() -> failingOn("poison"), WatchLimits.defaults(),
                MatchingMode.MONITOR)) {
            failing.put(watch("grain", "wheat", "en"));

            assertThatThrownBy(() -> failing.putAll(List.of(watch("grain", "flour", "ar"), watch("bad", "poison"))))
                    .isInstanceOf(InvalidWatchException.class).hasMessageContaining("cannot be indexed");
            assertThatThrownBy(() -> failing.putAll(List.of(watch("grain", "flour"), watch("bad", "poison", "ar"))))
                    .isInstanceOf(InvalidWatchException.class).hasMessageContaining("grain, bad");

            assertThat(failing.all()).extracting(Watch::query).containsExactly("wheat");
            assertThat(failing.match(wheat)).extracting(m -> m.watch().id()).containsExactly("grain");
            for (String language : List.of("ar", "en", "fr")) {
                assertThat(failing.match(Articles.of("f", language, "Flour poison", "Flour poison."))).isEmpty();
            }
            failing.put(watch("grain", "flour", "ar"));
            assertThat(failing.match(Articles.of("f", "ar", "Flour", "Flour."))).hasSize(1);
            assertThat(failing.match(wheat)).isEmpty();
        }
    }

    /** A presearcher that cannot index a query mentioning {@code word}, as Lucene fails on one beyond its limits. */
    private static Presearcher failingOn(String word) {
        Presearcher real = new MultipassTermFilteredPresearcher(WatchRegistry.PRESEARCH_PASSES);
        return new Presearcher() {
            @Override
            public Query buildQuery(LeafReader reader, BiPredicate<String, BytesRef> termAcceptor) {
                return real.buildQuery(reader, termAcceptor);
            }

            @Override
            public Document indexQuery(Query query, Map<String, String> metadata) {
                if (query.toString().contains(word)) {
                    throw new IllegalArgumentException("cannot index " + query);
                }
                return real.indexQuery(query, metadata);
            }
        };
    }

    /** Live Lucene Monitor purge threads: one per Monitor. */
    private static long purgeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("cache-purge"))
                .count();
    }
}
