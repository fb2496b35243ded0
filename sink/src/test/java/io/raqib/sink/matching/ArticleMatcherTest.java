package io.raqib.sink.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.Articles;
import io.raqib.sink.gate.AlertCandidate;
import io.raqib.sink.gate.AlertFactory;
import io.raqib.sink.gate.OfflineAlerting;
import io.raqib.sink.watches.WatchRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Matches reach the alert gate with highlight drafts; only the ones it lets through get finished highlights. */
class ArticleMatcherTest {

    private final WatchRegistry registry = new WatchRegistry();
    private final ArticleMatcher matcher = new ArticleMatcher(registry, new AlertFactory(Clock.systemUTC()));
    private final EnrichedArticle article = Articles.of("a1", "en", "Vote in New York",
            "Diplomats said the UN Security Council passed resolution 2254.");

    @AfterEach
    void close() throws Exception {
        registry.close();
    }

    @Test
    void candidatesCarryDraftsWhichTheAdmittedOnesTurnIntoTheMatchsHighlights() {
        registry.put(new Watch("unsc", "UNSC", "\"security council\"", null, null, List.of(), null, null));

        AlertCandidate candidate = matcher.candidatesFor(article).get(0);

        assertThat(candidate.alert().data().highlights()).isEmpty();
        assertThat(candidate.drafts()).isNotEmpty();
        AlertCandidate finished = candidate.highlighted();
        assertThat(finished.drafts()).isNull();
        assertThat(finished.alert().data().highlights()).isEqualTo(registry.match(article).get(0).highlights())
                .extracting(h -> h.text()).containsExactly("Security Council");
    }

    @Test
    void theGateFinishesTheAlertsItLetsThroughAndDropsTheRest() {
        registry.put(new Watch("unsc", "UNSC", "\"security council\"", null, null, List.of(), null, null));
        OfflineAlerting alerting = new OfflineAlerting(matcher, new SimpleMeterRegistry());
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        List<Alert> first = alerting.alertsFor(article, now);
        List<Alert> again = alerting.alertsFor(article, now.plusSeconds(60));

        assertThat(first).singleElement().satisfies(a -> assertThat(a.data().highlights()).isNotEmpty());
        assertThat(again).isEmpty();
    }
}
