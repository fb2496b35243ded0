package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The one gate every source goes through (files, feeds, HTTP push): stamp, validate, assign the stable id, drop
 * exact duplicates, publish, and count each outcome per source. Thread-safe when the publisher is.
 */
public final class ArticleIntake {

    /** What became of one article. */
    public enum Outcome { PUBLISHED, DUPLICATE, REJECTED }

    /** The outcome, the article as published (id assigned) and, for rejections, the problem. */
    public record Verdict(Outcome outcome, Article article, ArticleValidator.Problem problem) {
    }

    private final ArticleValidator validator;
    private final DuplicateFilter duplicates;
    private final Consumer<Article> publisher;
    private final IngestMetrics metrics;

    public ArticleIntake(ArticleValidator validator, DuplicateFilter duplicates, Consumer<Article> publisher,
                         IngestMetrics metrics) {
        this.validator = validator;
        this.duplicates = duplicates;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Validates the article without publishing it: the problem, or null. */
    public ArticleValidator.Problem check(Article raw) {
        return validator.check(raw);
    }

    /** Takes one article through the gate. */
    public Verdict offer(Article raw) {
        metrics.fetched(raw.source());
        Article stamped = raw.ingestedAt() == null ? raw.withIngestedAt(Instant.now()) : raw;
        ArticleValidator.Problem problem = validator.check(stamped);
        if (problem != null) {
            metrics.rejected(raw.source(), problem.code());
            return new Verdict(Outcome.REJECTED, stamped, problem);
        }
        Article article = ArticleIds.assign(stamped);
        if (duplicates.duplicateReason(article) != null) {
            metrics.duplicate(article.source());
            return new Verdict(Outcome.DUPLICATE, article, null);
        }
        publisher.accept(article);
        metrics.published(article.source());
        return new Verdict(Outcome.PUBLISHED, article, null);
    }

    /** Counts a document-level rejection (a feed or file that yielded no articles). */
    public void rejectedDocument(String source, String code) {
        metrics.rejected(source, code);
    }
}
