package io.raqib.app;

import io.raqib.core.model.Alert;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.ingest.ArticleFileReader;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import io.raqib.ingest.IngestSummary;
import io.raqib.sink.AlertFactory;
import io.raqib.sink.ArticleMatcher;
import io.raqib.sink.WatchRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pipeline without a broker: the same file readers, enricher and matcher the services use, applied to
 * each article in input order.
 */
public final class OfflinePipeline implements AutoCloseable {

    private final ArticleValidator validator;
    private final ArticleEnricher enricher = new ArticleEnricher(new LanguageDetector());
    private final WatchRegistry registry = new WatchRegistry();
    private final ArticleMatcher matcher = new ArticleMatcher(registry, new AlertFactory(Clock.systemUTC()));

    public OfflinePipeline(List<Watch> watches, int maxArticleBytes) {
        this.validator = new ArticleValidator(maxArticleBytes);
        registry.putAll(watches);
    }

    /** Reads, enriches and matches every article of {@code inputs}, handing each alert to {@code onAlert}. */
    public IngestSummary match(List<Path> inputs, Set<Path> excluded, Consumer<Alert> onAlert) throws IOException {
        return new FileIngestor(new ArticleFileReader(validator),
                article -> matcher.alertsFor(enricher.enrich(article)).forEach(onAlert)).ingest(inputs, excluded);
    }

    @Override
    public void close() throws IOException {
        registry.close();
    }
}
