package io.raqib.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * Ingest meters, tagged by source: {@code raqib.ingest.fetched}, {@code .published}, {@code .duplicates},
 * {@code .rejected} (also by reason), {@code .unacknowledged} (sends Kafka did not acknowledge);
 * {@code raqib.ingest.push.unavailable} (HTTP 503 answers), {@code raqib.ingest.feed.fetch} (latency, by feed and
 * outcome), {@code raqib.ingest.feed.failures} and {@code raqib.ingest.feed.refused} (fetches refused because of
 * the address, by feed).
 */
public final class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters kept in memory only (tests, one-shot commands). */
    public static IngestMetrics inMemory() {
        return new IngestMetrics(new SimpleMeterRegistry());
    }

    /** The registry the meters live in. */
    public MeterRegistry registry() {
        return registry;
    }

    void fetched(String source) {
        counter("raqib.ingest.fetched", source).increment();
    }

    void published(String source) {
        counter("raqib.ingest.published", source).increment();
    }

    void duplicate(String source) {
        counter("raqib.ingest.duplicates", source).increment();
    }

    void unacknowledged(String source) {
        counter("raqib.ingest.unacknowledged", source).increment();
    }

    /** Counts a push request answered 503 because Kafka did not acknowledge all of it. */
    public void pushUnavailable() {
        Counter.builder("raqib.ingest.push.unavailable").register(registry).increment();
    }

    /** Counts a feed fetch refused because the feed or a redirect pointed at a non-public address. */
    public void feedRefused(String feed) {
        Counter.builder("raqib.ingest.feed.refused").tag("feed", tag(feed)).register(registry).increment();
    }

    /** Counts a rejected article or document; {@code reason} is a short code ({@code empty}, {@code too-large}…). */
    public void rejected(String source, String reason) {
        Counter.builder("raqib.ingest.rejected").tag("source", tag(source)).tag("reason", reason)
                .register(registry).increment();
    }

    /** Records one feed fetch: how long it took and whether it succeeded, was unchanged or failed. */
    public void feedFetch(String feed, String outcome, Duration took) {
        Timer.builder("raqib.ingest.feed.fetch").tag("feed", tag(feed)).tag("outcome", outcome)
                .register(registry).record(took);
        if ("failed".equals(outcome)) {
            Counter.builder("raqib.ingest.feed.failures").tag("feed", tag(feed)).register(registry).increment();
        }
    }

    /** How many fetches of a feed failed so far. */
    public double feedFailures(String feed) {
        Counter c = registry.find("raqib.ingest.feed.failures").tag("feed", tag(feed)).counter();
        return c == null ? 0 : c.count();
    }

    /** The value of a per-source counter (0 when never incremented). */
    public double count(String name, String source) {
        Counter c = registry.find(name).tag("source", tag(source)).counter();
        return c == null ? 0 : c.count();
    }

    private Counter counter(String name, String source) {
        return Counter.builder(name).tag("source", tag(source)).register(registry);
    }

    private static String tag(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
