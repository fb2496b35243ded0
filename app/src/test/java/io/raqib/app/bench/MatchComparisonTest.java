package io.raqib.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.watches.WatchRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison itself can fail: two registries that disagree show each pair only one of them found. */
class MatchComparisonTest {

    private static Watch watch(String id, String query) {
        return new Watch(id, id, query, null, null, List.of(), null, null);
    }

    private static EnrichedArticle article(String id, String title, String body) {
        return new EnrichedArticle(id, null, "example", title, body, null, "en", null, null, body, List.of(),
                List.of(), null, id);
    }

    @Test
    void aPairOnlyOneRegistryFindsIsADifferenceNamingTheWatchQueryAndTheArticle() throws Exception {
        try (WatchRegistry wheat = new WatchRegistry(); WatchRegistry flour = new WatchRegistry()) {
            wheat.putAll(List.of(watch("w1", "wheat"), watch("both", "bread")));
            flour.putAll(List.of(watch("w1", "flour"), watch("both", "bread")));

            MatchComparison comparison = MatchComparison.of(wheat, "left", flour, "right", List.of(
                    article("a1", "Bread and wheat", "Wheat prices rose;\nbread too."),
                    article("a2", "Flour", "flour and bread")));

            assertThat(comparison.referenceMatches()).containsExactly(entry("both", 2L), entry("w1", 1L));
            assertThat(comparison.referencePairs()).isEqualTo(3);
            assertThat(comparison.candidatePairs()).isEqualTo(3);
            assertThat(comparison.firstDifferences(5)).containsExactly(
                    "only left: watch w1 query=wheat | article a1 [en, example] Bread and wheat / Wheat prices "
                            + "rose; bread too.",
                    "only right: watch w1 query=flour | article a2 [en, example] Flour / flour and bread");
        }
    }
}
