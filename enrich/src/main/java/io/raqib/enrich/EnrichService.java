package io.raqib.enrich;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.StreamsProperties;
import io.raqib.core.kafka.StreamsService;
import org.apache.kafka.streams.StreamsBuilder;

/** The enrich stage as a service: the enrich topology on a Kafka Streams instance. */
public final class EnrichService implements AutoCloseable {

    private final StreamsService streams;

    public EnrichService(RaqibConfig config, ArticleEnricher enricher) {
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, enricher);
        streams = new StreamsService("enrich", builder.build(), StreamsProperties.forStage(config, "enrich"));
    }

    /** Starts processing in the background. */
    public void start() {
        streams.start();
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
