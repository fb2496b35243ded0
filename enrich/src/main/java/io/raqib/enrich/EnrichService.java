package io.raqib.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.config.RecordLimits;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.StreamsService;
import io.raqib.core.kafka.TopicFacts;
import io.raqib.core.kafka.Topics;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The enrich stage as a service: the enrich topology on a Kafka Streams instance, its meters (Streams client
 * metrics, {@code raqib.stage.records{stage=enrich}}, {@code raqib.dlq.records{stage=enrich}}) in the registry it
 * is given.
 */
public final class EnrichService implements AutoCloseable {

    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(30);
    private final StreamsService streams;

    /** An enrich stage whose meters go to a private registry. */
    public EnrichService(RaqibConfig config, ArticleEnricher enricher) {
        this(config, enricher, new SimpleMeterRegistry());
    }

    /**
     * The enrich stage for the cluster of {@code config}, whose topics must exist: records are limited to
     * {@code raqib.max.record.bytes} or, when smaller, to what the enriched topic accepts.
     */
    public EnrichService(RaqibConfig config, ArticleEnricher enricher, MeterRegistry metrics) {
        KafkaClients clients = new KafkaClients(config);
        TopicFacts raw = TopicFacts.describe(clients, Topics.ARTICLES_RAW.name(), DESCRIBE_TIMEOUT);
        TopicFacts enriched = TopicFacts.describe(clients, Topics.ARTICLES_ENRICHED.name(), DESCRIBE_TIMEOUT);
        RecordLimits limits = new RecordLimits(config.maxArticleBytes(),
                Math.min(config.maxRecordBytes(), enriched.maxMessageBytes()));
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, enricher, limits, raw.partitions(), metrics);
        streams = new StreamsService("enrich", builder.build(), clients.streams("enrich", metrics));
        streams.bindMetrics(metrics);
    }

    /** Starts processing in the background. */
    public void start() {
        streams.start();
    }

    /** The error that stopped the stage, or null while it is healthy. */
    public Throwable failure() {
        return streams.failure();
    }

    /** Live unless its Streams client failed; ready once it is RUNNING. */
    public ServiceHealth health() {
        return ServiceHealth.of("enrich", streams.health());
    }

    /** The running streams application. */
    public StreamsService streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close();
    }
}
