package io.raqib.app.bench;

import io.raqib.core.model.Alert;
import io.raqib.core.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * End-to-end latency of every alert: from its article's ingest time to the wall-clock moment the alert was read
 * from {@code raqib.alerts}. Record timestamps are no help here (a Streams output record carries its input's event
 * time), so receipts are timed as they are read. Ingest times are read back from {@code raqib.articles.raw}, which
 * works alike whether ingest runs in this process or in another. Thread-safe: ingest times and receipts may
 * arrive in any order.
 */
final class AlertLatencies {

    /** Latency figures in milliseconds over {@code alerts} alerts of this run's articles. */
    record Summary(int alerts, double p50, double p99, double max) {
    }

    private record Receipt(String articleId, Instant readAt) {
    }

    private final Map<String, Instant> ingested = new ConcurrentHashMap<>();
    private final List<Receipt> receipts = new ArrayList<>();

    /** Notes when an article read from {@code raqib.articles.raw} was ingested (its {@code ingestedAt} stamp). */
    void ingested(Article article) {
        ingested.put(article.id(), article.ingestedAt());
    }

    /** The earliest ingest time noted: when the first article was published. */
    Instant firstIngested() {
        return ingested.values().stream().min(Instant::compareTo).orElseThrow();
    }

    /** Notes that {@code alert} has just been read. */
    void read(Alert alert) {
        Receipt receipt = new Receipt(alert.data().articleId(), Instant.now());
        synchronized (receipts) {
            receipts.add(receipt);
        }
    }

    /** Alerts read so far. */
    int alerts() {
        synchronized (receipts) {
            return receipts.size();
        }
    }

    /** The figures over the alerts of articles whose ingest time is known (alerts of other runs are left out). */
    Summary summary() {
        double[] ms;
        synchronized (receipts) {
            ms = receipts.stream().filter(r -> ingested.containsKey(r.articleId()))
                    .mapToDouble(r -> Duration.between(ingested.get(r.articleId()), r.readAt()).toNanos() / 1e6)
                    .sorted().toArray();
        }
        if (ms.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(ms.length, percentile(ms, 0.50), percentile(ms, 0.99), ms[ms.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
