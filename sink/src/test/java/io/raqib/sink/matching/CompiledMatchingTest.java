package io.raqib.sink.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Topic;
import io.raqib.core.model.Watch;
import io.raqib.sink.Articles;
import io.raqib.sink.watches.WatchRegistry;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compiled matcher on the query shapes whose Lucene semantics are easy to get wrong: each case states the
 * expected result and checks that a Monitor-only registry agrees.
 */
class CompiledMatchingTest {

    private final WatchRegistry compiled = new WatchRegistry(WatchLimits.defaults(), MatchingMode.COMPILED);
    private final WatchRegistry monitor = new WatchRegistry(WatchLimits.defaults(), MatchingMode.MONITOR);

    @AfterEach
    void close() throws Exception {
        compiled.close();
        monitor.close();
    }

    @Test
    void everyDocumentedShapeIsCompiled() {
        for (String query : List.of("wheat", "\"wheat harvest\"", "\"wheat harvest\"~3", "harv*",
                "wheat AND NOT rice", "(wheat OR rice) AND title:drought", "entity:Q1 AND topic:11000000",
                "lang:ar OR source:example", "\"رئيس الوزراء\"", "NOT wheat", "\"sun sun\"~2")) {
            put(new Watch("w" + compiled.size(), "n", query, null, null, List.of(), null, null));
        }
        assertThat(compiled.compiledCount()).isEqualTo(compiled.size());
    }

    @Test
    void sloppyPhrasesCountMovesAsLuceneDoes() {
        put(watch("near", "\"wheat harvest\"~2"));
        put(watch("reversed-too-far", "\"wheat harvest\"~1"));

        expect(article("Wheat harvest", "Nothing."), "near", "reversed-too-far");
        expect(article("Harvest wheat", "Nothing."), "near");
        expect(article("Harvest of wheat", "Nothing."));
        expect(article("Wheat, the great harvest", "Nothing."), "near");
        expect(article("Wheat and a great big harvest", "Nothing."));
    }

    @Test
    void aRepeatedWordInASloppyPhraseNeedsTwoPlaces() {
        put(watch("twice", "\"sun sun\"~2"));

        expect(article("Report", "One sun only."));
        expect(article("Report", "The sun, the sun."), "twice");
    }

    @Test
    void booleansFollowLuceneIncludingPurelyNegativeClauses() {
        put(watch("not-only", "NOT rice"));
        put(watch("nested-not", "wheat AND (NOT rice)"));
        put(watch("either", "wheat OR rice"));
        put(watch("both-not", "wheat AND NOT rice"));

        expect(article("Wheat", "Only wheat."), "both-not", "either");
        expect(article("Rice", "Wheat and rice."), "either");
    }

    @Test
    void prefixesMatchTermsAsIndexed() {
        put(watch("harv", "harv*"));
        put(watch("title-harv", "title:harv*"));

        expect(article("Report", "The harvests were good."), "harv");
        expect(article("Harvesting", "Nothing."), "harv", "title-harv");
        expect(article("Report", "A harsh winter."));
    }

    @Test
    void keywordFieldsAreExact() {
        put(watch("entity", "entity:Q1 AND wheat"));
        put(watch("topic", "topic:11000000"));
        put(watch("lang", "lang:AR"));

        EnrichedArticle tagged = new EnrichedArticle("k1", "https://example.org/k1", "example", "Wheat", "Wheat.",
                null, "ar", Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:00:01Z"), "Wheat.",
                List.of(new Entity("Q1", "One", "PER", List.of())), List.of(new Topic("medtop:11000000", "politics")),
                null, "k1");
        expect(tagged, "entity", "lang", "topic");
        expect(article("Wheat", "Wheat."));
    }

    @Test
    void weightedWatchesReachTheirThresholdOnDistinctTermsOnly() {
        put(new Watch("weighted", "n", null, null, null, List.of(), null, null,
                List.of(new Watch.Term("drought", 2.0), new Watch.Term("wheat", 1.0)), 3.0, List.of("harvest"),
                List.of("rice")));

        expect(article("Drought", "Drought, drought and harvest."));
        expect(article("Drought", "Drought hits the wheat harvest."), "weighted");
        expect(article("Drought", "Drought hits the wheat and rice harvest."));
    }

    @Test
    void languagesRestrictCompiledWatchesAsTheyDoMonitors() {
        put(watch("ar-only", "wheat", "ar"));

        expect(article("Wheat", "Wheat."));
        expect(articleIn("ar", "Wheat", "Wheat."), "ar-only");
        expect(articleIn(null, "Wheat", "Wheat."));
    }

    @Test
    void replacedAndRemovedWatchesLeaveTheIndex() {
        put(watch("w", "wheat"));
        put(watch("w", "rice"));
        expect(article("Wheat", "Wheat."));
        expect(article("Rice", "Rice."), "w");

        compiled.remove("w");
        monitor.remove("w");
        expect(article("Rice", "Rice."));
        assertThat(compiled.compiledCount()).isZero();
    }

    /**
     * Batches of watches registered and removed over and over (the slot array grows, freed slots are reused) while
     * an article is matched: the watch that stays is always found, and a watch that cannot match never is.
     */
    @Test
    void watchesComingAndGoingWhileMatchingNeverHideOneOrInventOne() throws Exception {
        compiled.put(watch("stable", "\"wheat harvest\""));
        EnrichedArticle article = article("Wheat harvest", "The wheat harvest and the barley fields.");
        Thread churn = new Thread(() -> {
            for (int round = 0; round < 300; round++) {
                List<Watch> batch = IntStream.range(0, 40).mapToObj(i -> i % 2 == 0
                        ? watch("barley-" + i, "barley AND fields") : watch("rye-" + i, "\"rye harvest\"")).toList();
                compiled.putAll(batch);
                batch.forEach(w -> compiled.remove(w.id()));
            }
        });
        churn.start();
        try {
            while (churn.isAlive()) {
                List<String> found = ids(compiled, article);
                assertThat(found).contains("stable").allMatch(id -> id.equals("stable") || id.startsWith("barley-"));
            }
        } finally {
            churn.join();
        }
        assertThat(ids(compiled, article)).containsExactly("stable");
    }

    private void put(Watch watch) {
        compiled.put(watch);
        monitor.put(watch);
    }

    private void expect(EnrichedArticle article, String... ids) {
        List<String> reference = ids(monitor, article);
        assertThat(ids(compiled, article)).as("compiled vs Lucene Monitor").isEqualTo(reference);
        assertThat(reference).as("Lucene Monitor").containsExactly(ids);
    }

    private static List<String> ids(WatchRegistry registry, EnrichedArticle article) {
        return registry.match(article).stream().map(m -> m.watch().id()).toList();
    }

    private static Watch watch(String id, String query, String... languages) {
        return new Watch(id, id, query, null, null, List.of(languages), null, null);
    }

    private static EnrichedArticle article(String title, String body) {
        return articleIn("en", title, body);
    }

    private static EnrichedArticle articleIn(String language, String title, String body) {
        return Articles.of("a-" + Math.abs((title + body).hashCode()), language, title, body);
    }
}
