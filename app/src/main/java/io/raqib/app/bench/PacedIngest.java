package io.raqib.app.bench;

import io.raqib.core.config.IngestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.model.Article;
import io.raqib.ingest.ArticleIntake;
import io.raqib.ingest.ArticlePublisher;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.DuplicateFilter;
import io.raqib.ingest.IngestMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes articles through the real ingest path (the intake's stamp, validation, stable id and exact-duplicate
 * drop, then the idempotent {@code acks=all} publisher), back to back or at a steady rate.
 */
final class PacedIngest {

    /** What became of the articles offered. */
    record Counts(int published, int duplicates, int rejected) {

        /** One line for the report. */
        String describe() {
            return String.format("published %d, exact duplicates %d, rejected %d", published, duplicates, rejected);
        }
    }

    private final RaqibConfig config;

    PacedIngest(RaqibConfig config) {
        this.config = config;
    }

    /**
     * Waits until article {@code i} is due at {@code rate} articles/s from {@code startNanos} (no wait when rate ≤ 0).
     * Paced against the schedule, not the previous send, so that a slow send does not lower the rate.
     */
    static void awaitSlot(long startNanos, int i, double rate) {
        if (rate > 0) {
            LockSupport.parkNanos(startNanos + (long) (i * 1e9 / rate) - System.nanoTime());
        }
    }

    /**
     * Offers every article, the i-th not before {@code i / rate} seconds after the first ({@code rate} ≤ 0: as fast
     * as the producer takes them), and returns once each is acknowledged; throws when one was not.
     */
    Counts publish(List<Article> articles, double rate) throws IOException {
        IngestSettings settings = config.ingest();
        List<CompletableFuture<ArticleIntake.Verdict>> verdicts = new ArrayList<>(articles.size());
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            ArticleIntake intake = new ArticleIntake(new ArticleValidator(config.maxArticleBytes()),
                    new DuplicateFilter(settings.dedupIds(), settings.dedupWindow()), publisher,
                    IngestMetrics.inMemory(), settings.ackTimeout());
            long start = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                awaitSlot(start, i, rate);
                verdicts.add(intake.offer(articles.get(i)));
            }
            publisher.awaitAcknowledged();
        }
        Map<ArticleIntake.Outcome, Integer> counts = new EnumMap<>(ArticleIntake.Outcome.class);
        for (CompletableFuture<ArticleIntake.Verdict> future : verdicts) {
            ArticleIntake.Verdict verdict = future.join();
            if (verdict.outcome() == ArticleIntake.Outcome.FAILED) {
                throw new IOException("article " + verdict.article().id() + " not published: " + verdict.reason());
            }
            counts.merge(verdict.outcome(), 1, Integer::sum);
        }
        return new Counts(counts.getOrDefault(ArticleIntake.Outcome.PUBLISHED, 0),
                counts.getOrDefault(ArticleIntake.Outcome.DUPLICATE, 0),
                counts.getOrDefault(ArticleIntake.Outcome.REJECTED, 0));
    }
}
