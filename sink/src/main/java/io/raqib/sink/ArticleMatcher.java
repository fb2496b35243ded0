package io.raqib.sink;

import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import java.util.List;

/** Matches an enriched article against the registry and returns one alert per matching watch. */
public final class ArticleMatcher {

    private final WatchRegistry registry;
    private final AlertFactory alerts;

    public ArticleMatcher(WatchRegistry registry, AlertFactory alerts) {
        this.registry = registry;
        this.alerts = alerts;
    }

    /** The alerts this article raises, in watch-id order. */
    public List<Alert> alertsFor(EnrichedArticle article) {
        return registry.match(article).stream().map(m -> alerts.create(m, article)).toList();
    }
}
