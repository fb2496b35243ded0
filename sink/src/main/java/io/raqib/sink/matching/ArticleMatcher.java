package io.raqib.sink.matching;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.sink.gate.AlertCandidate;
import io.raqib.sink.gate.AlertFactory;
import io.raqib.sink.watches.WatchRegistry;
import java.util.List;

/** Matches an enriched article against the registry: one alert candidate per matching watch. */
public final class ArticleMatcher {

    private final WatchRegistry registry;
    private final AlertFactory alerts;

    public ArticleMatcher(WatchRegistry registry, AlertFactory alerts) {
        this.registry = registry;
        this.alerts = alerts;
    }

    /**
     * The candidates this article raises, in watch-id order, before the alert gate; their highlights are drafts
     * ({@link AlertCandidate#highlighted()} finishes them).
     */
    public List<AlertCandidate> candidatesFor(EnrichedArticle article) {
        return registry.match(article).stream()
                .map(m -> AlertCandidate.of(m.watch(), article, alerts.create(m, article), m.drafts())).toList();
    }

    /** The live watches. */
    public WatchRegistry registry() {
        return registry;
    }
}
