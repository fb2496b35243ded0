package io.raqib.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The meters every stage shares, by the names the operators' dashboards use: {@code raqib.stage.records}
 * (articles each stage handled, tag {@code stage}), {@code raqib.dlq.records} (records each stage wrote to
 * {@code raqib.dlq}), {@code raqib.alerts.sent} (alerts written, tag {@code desk}) and {@code raqib.alert.latency}
 * (article ingested → alert written).
 */
public final class PipelineMeters {

    /** The desk tag of an alert whose watch has no desk. */
    public static final String NO_DESK = "none";
    /** Latency buckets an alerting SLO can be set on, besides the percentile histogram. */
    private static final Duration[] LATENCY_SLOS = {Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private PipelineMeters() {
    }

    /**
     * Articles handled by {@code stage}: ingest counts those Kafka acknowledged on {@code raqib.articles.raw},
     * enrich those written to {@code raqib.articles.enriched}, sink those matched against the watches.
     */
    public static Counter stageRecords(MeterRegistry registry, String stage) {
        return Counter.builder("raqib.stage.records").tag("stage", stage)
                .description("Articles handled by the stage").register(registry);
    }

    /** Records {@code stage} wrote to {@code raqib.dlq}. */
    public static Counter dlqRecords(MeterRegistry registry, String stage) {
        return Counter.builder("raqib.dlq.records").tag("stage", stage)
                .description("Records the stage wrote to raqib.dlq").register(registry);
    }

    /** Alerts written for watches of {@code desk} (null: a watch without desk, tagged {@value #NO_DESK}). */
    public static Counter alertsSent(MeterRegistry registry, String desk) {
        return Counter.builder("raqib.alerts.sent").tag("desk", desk == null || desk.isBlank() ? NO_DESK : desk)
                .description("Alerts written to raqib.alerts").register(registry);
    }

    /** Time from an article's ingest to its alert being written, as a histogram with SLO buckets up to 60 s. */
    public static Timer alertLatency(MeterRegistry registry) {
        return Timer.builder("raqib.alert.latency").publishPercentileHistogram()
                .serviceLevelObjectives(LATENCY_SLOS).minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .description("Article ingested to alert written").register(registry);
    }
}
