package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The one gate every source goes through (files, feeds, HTTP push): stamp, validate, assign the stable id, drop
 * exact duplicates, publish, and count each outcome per source. An article counts as published, and is
 * remembered as such, only once the sender confirmed it; one whose send failed is forgotten, so offering it again
 * publishes it. Thread-safe when the sender is.
 */
public final class ArticleIntake {

    /** Where published articles go: the future completes when the article is stored, or fails with the reason. */
    @FunctionalInterface
    public interface Sender {
        /** Sends one article (with its id assigned). */
        CompletableFuture<?> send(Article article);

        /** A sender that hands each article to {@code consumer} and counts it stored when the consumer returns. */
        static Sender of(Consumer<Article> consumer) {
            return article -> {
                consumer.accept(article);
                return CompletableFuture.completedFuture(null);
            };
        }
    }

    /** What became of one article. */
    public enum Outcome { PUBLISHED, DUPLICATE, REJECTED, FAILED }

    /** The outcome, the article (id assigned) and, for rejections and failures, why. */
    public record Verdict(Outcome outcome, Article article, String reason) {
    }

    /** The verdicts of {@link #offerAll}, in the order offered. */
    public record Batch(List<Verdict> verdicts) {

        /** The ids of the articles with {@code outcome}, in order. */
        public List<String> ids(Outcome outcome) {
            return verdicts.stream().filter(v -> v.outcome() == outcome).map(v -> v.article().id()).toList();
        }

        /** How many articles had {@code outcome}. */
        public int count(Outcome outcome) {
            return (int) verdicts.stream().filter(v -> v.outcome() == outcome).count();
        }

        /** The position of the first article with {@code outcome}, or -1. */
        public int indexOf(Outcome outcome) {
            for (int i = 0; i < verdicts.size(); i++) {
                if (verdicts.get(i).outcome() == outcome) {
                    return i;
                }
            }
            return -1;
        }

        /** Why the first article with {@code outcome} (rejected or failed) had it, or null when none had it. */
        public String reason(Outcome outcome) {
            int i = indexOf(outcome);
            return i < 0 ? null : verdicts.get(i).reason();
        }
    }

    private final ArticleValidator validator;
    private final DuplicateFilter duplicates;
    private final Sender sender;
    private final IngestMetrics metrics;
    private final Duration ackTimeout;

    /** @param ackTimeout how long {@link #offerAll} waits for the sender to confirm a batch */
    public ArticleIntake(ArticleValidator validator, DuplicateFilter duplicates, Sender sender, IngestMetrics metrics,
                         Duration ackTimeout) {
        this.validator = validator;
        this.duplicates = duplicates;
        this.sender = sender;
        this.metrics = metrics;
        this.ackTimeout = ackTimeout;
    }

    /** How long {@link #offerAll} waits for the sender. */
    public Duration ackTimeout() {
        return ackTimeout;
    }

    /** The meters the intake counts in. */
    public IngestMetrics metrics() {
        return metrics;
    }

    /** Validates the article without publishing it: the problem, or null. */
    public ArticleValidator.Problem check(Article raw) {
        return validator.check(raw);
    }

    /**
     * Takes one article through the gate; the verdict completes once its fate is known (at once for a rejection
     * or a duplicate, on the sender's confirmation or failure otherwise). A send refused for the article itself
     * ({@link ArticleRefusedException}) is a rejection, any other failed send a failure. An article offered while
     * the same one is being published gets that send's outcome: a duplicate if it succeeds, a failure if not.
     */
    public CompletableFuture<Verdict> offer(Article raw) {
        metrics.fetched(raw.source());
        Article stamped = raw.ingestedAt() == null ? raw.withIngestedAt(Instant.now()) : raw;
        ArticleValidator.Problem problem = validator.check(stamped);
        if (problem != null) {
            metrics.rejected(raw.source(), problem.code());
            return CompletableFuture.completedFuture(new Verdict(Outcome.REJECTED, stamped, problem.reason()));
        }
        Article article = ArticleIds.assign(stamped);
        DuplicateFilter.Claim claim = duplicates.claim(article);
        if (claim instanceof DuplicateFilter.Seen) {
            return CompletableFuture.completedFuture(duplicate(article));
        }
        if (claim instanceof DuplicateFilter.InFlight inFlight) {
            return inFlight.published().thenApply(published -> published ? duplicate(article)
                    : failed(article, "the same article, offered at the same time, was not acknowledged"));
        }
        return send(article, (DuplicateFilter.Reservation) claim);
    }

    /**
     * Offers the articles in order and waits up to the acknowledgement bound for all verdicts. Articles whose
     * fate is still open then, or that were not sent because the bound had passed, are {@code FAILED}; an open one
     * is still remembered if the broker acknowledges it later, so offering it again is then a duplicate.
     */
    public Batch offerAll(List<Article> articles) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<CompletableFuture<Verdict>> verdicts = new ArrayList<>(articles.size());
        for (Article article : articles) {
            verdicts.add(System.nanoTime() < deadline ? offer(article)
                    : CompletableFuture.completedFuture(notSent(article)));
        }
        awaitUntil(CompletableFuture.allOf(verdicts.toArray(CompletableFuture[]::new)), deadline);
        List<Verdict> out = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            out.add(verdicts.get(i).getNow(new Verdict(Outcome.FAILED, ArticleIds.assign(articles.get(i)),
                    "not acknowledged by Kafka within " + ackTimeout.toSeconds() + " s")));
        }
        return new Batch(List.copyOf(out));
    }

    /** Counts a document-level rejection (a feed or file that yielded no articles). */
    public void rejectedDocument(String source, String code) {
        metrics.rejected(source, code);
    }

    private CompletableFuture<Verdict> send(Article article, DuplicateFilter.Reservation reservation) {
        CompletableFuture<?> sent;
        try {
            sent = sender.send(article);
        } catch (RuntimeException e) {
            reservation.abandoned();
            throw e;
        }
        return sent.handle((ignored, error) -> {
            if (error == null) {
                reservation.published();
                metrics.published(article.source());
                return new Verdict(Outcome.PUBLISHED, article, null);
            }
            reservation.abandoned();
            Throwable cause = unwrap(error);
            if (cause instanceof ArticleRefusedException) {
                metrics.rejected(article.source(), "refused-by-kafka");
                return new Verdict(Outcome.REJECTED, article, cause.getMessage());
            }
            return failed(article, "not acknowledged by Kafka: " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()));
        });
    }

    private Verdict duplicate(Article article) {
        metrics.duplicate(article.source());
        return new Verdict(Outcome.DUPLICATE, article, null);
    }

    private Verdict failed(Article article, String reason) {
        metrics.unacknowledged(article.source());
        return new Verdict(Outcome.FAILED, article, reason);
    }

    private Verdict notSent(Article raw) {
        metrics.fetched(raw.source());
        return failed(ArticleIds.assign(raw), "not sent: Kafka did not acknowledge the articles before it within "
                + ackTimeout.toSeconds() + " s");
    }

    private static void awaitUntil(CompletableFuture<?> all, long deadline) {
        try {
            all.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // The verdicts still open are reported as not acknowledged; a failed one carries its own reason.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
