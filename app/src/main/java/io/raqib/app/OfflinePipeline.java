package io.raqib.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Article;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.enrich.OfflineEnricher;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import io.raqib.ingest.IngestSummary;
import io.raqib.sink.gate.AlertFactory;
import io.raqib.sink.gate.OfflineAlerting;
import io.raqib.sink.matching.ArticleMatcher;
import io.raqib.sink.watches.WatchRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pipeline without a broker: the same file readers, enricher and matcher the services use, applied to
 * each article in input order, through the sink's alert gate (near-duplicates within the inputs raise one
 * alert per watch, throttles apply by ingest time).
 */
public final class OfflinePipeline implements AutoCloseable {

    private final ArticleValidator validator;
    private final OfflineEnricher enricher;
    private final WatchRegistry registry;
    private final OfflineAlerting alerting;

    /**
     * A pipeline matching {@code watches}, with the article limit, enrich settings and watch limits of
     * {@code config}.
     */
    public OfflinePipeline(List<Watch> watches, RaqibConfig config) {
        this.registry = new WatchRegistry(config.sink().watchLimits());
        this.alerting = new OfflineAlerting(new ArticleMatcher(registry, new AlertFactory(Clock.systemUTC())),
                new SimpleMeterRegistry());
        this.validator = new ArticleValidator(config.maxArticleBytes());
        this.enricher = new OfflineEnricher(new ArticleEnricher(new LanguageDetector(), config.enrich()));
        registry.putAll(watches);
    }

    /** Reads, enriches and matches every article of {@code inputs}, handing each alert to {@code onAlert}. */
    public IngestSummary match(List<Path> inputs, Set<Path> excluded, Consumer<Alert> onAlert) throws IOException {
        return FileIngestor.inMemory(validator,
                article -> alerting.alertsFor(enricher.enrich(article), eventTime(article)).forEach(onAlert))
                .ingest(inputs, excluded);
    }

    /** The time the alert gate (throttle, story memory) sees: when the article was ingested. */
    private static Instant eventTime(Article article) {
        return article.ingestedAt() != null ? article.ingestedAt() : Instant.now();
    }

    @Override
    public void close() throws IOException {
        registry.close();
    }
}
