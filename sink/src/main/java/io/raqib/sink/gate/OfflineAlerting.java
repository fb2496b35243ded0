package io.raqib.sink.gate;

import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Highlight;
import io.raqib.sink.matching.ArticleMatcher;
import io.raqib.sink.matching.HighlightDraft;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matching and the alert gate without Kafka, one article after the other: the code path of the sink topology
 * with the gate's memory in maps. Used by {@code raqib match} (near-duplicates within its inputs raise one alert)
 * and {@code raqib replay}. Not thread-safe.
 */
public final class OfflineAlerting {

    private final ArticleMatcher matcher;
    private final AlertGate gate;

    public OfflineAlerting(ArticleMatcher matcher, MeterRegistry metrics) {
        this.matcher = matcher;
        this.gate = new AlertGate(new InMemoryAlertGateStore(AlertGate.DEFAULT_STORY_MEMORY), metrics);
    }

    /** The alerts the article raises at {@code time} (its event time), after the gate. */
    public List<Alert> alertsFor(EnrichedArticle article, Instant time) {
        return admitted(article, time).stream().map(AlertCandidate::alert).toList();
    }

    /** The admitted candidates (alert plus desk) the article raises at {@code time}. */
    public List<AlertCandidate> admitted(EnrichedArticle article, Instant time) {
        Map<HighlightDraft, Highlight> cut = new IdentityHashMap<>();
        return gate.admit(matcher.candidatesFor(article), time).stream().map(c -> c.highlighted(cut)).toList();
    }
}
