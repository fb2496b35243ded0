package io.raqib.enrich;

import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.story.InMemorySignatureStore;
import io.raqib.enrich.story.NearDuplicateDetector;
import java.time.Clock;
import java.time.Instant;

/**
 * Enrichment without a broker ({@code raqib match}, {@code raqib enrich-file}): the same enricher and
 * near-duplicate logic as the topology, with the detector's state in memory. An article's time is its ingest
 * time, else its publication time, else now. Not thread-safe (one run, articles in order).
 */
public final class OfflineEnricher {

    private final ArticleEnricher enricher;
    private final InMemorySignatureStore store;
    private final Clock clock;

    /** An offline enricher over {@code enricher}'s settings, its window measured on the wall clock. */
    public OfflineEnricher(ArticleEnricher enricher) {
        this(enricher, Clock.systemUTC());
    }

    /** An offline enricher whose "now" comes from {@code clock}. */
    public OfflineEnricher(ArticleEnricher enricher, Clock clock) {
        this.enricher = enricher;
        this.store = new InMemorySignatureStore(enricher.settings().window());
        this.clock = clock;
    }

    /** Enriches one article, comparing it with those enriched before it. */
    public EnrichedArticle enrich(Article article) {
        ArticleEnricher.Analysis analysis = enricher.analyze(article);
        Instant at = article.ingestedAt() != null ? article.ingestedAt()
                : article.published() != null ? article.published() : clock.instant();
        NearDuplicateDetector.Verdict verdict = enricher.detector()
                .assess(article.id(), analysis.signature(), at.toEpochMilli(), store);
        return analysis.article().withStory(verdict.duplicateOf(), verdict.storyId(), verdict.newText());
    }
}
