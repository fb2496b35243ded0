package io.raqib.core.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.metrics.PipelineMeters;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * What the Streams exception handlers need to dead-letter a record: the stage named in the header, the largest
 * value its producer can write, both read from the Streams configuration, and where to count the record.
 *
 * @param stage         the pipeline stage, {@code unknown} when the configuration does not say
 * @param maxValueBytes DLQ values are cut to this length
 * @param written       {@code raqib.dlq.records} of the stage
 */
record StreamsDeadLetters(String stage, int maxValueBytes, Counter written) {

    /** Streams config key holding the {@link MeterRegistry} the handlers count in (an object, not a string). */
    static final String METRICS_CONFIG = "raqib.metrics";

    /** Before {@code configure} is called. */
    static final StreamsDeadLetters UNCONFIGURED = new StreamsDeadLetters("unknown",
            DeadLetterRecords.DEFAULT_MAX_VALUE_BYTES, PipelineMeters.dlqRecords(new SimpleMeterRegistry(), "unknown"));

    /** Makes the handlers of the Streams application configured by {@code streams} count in {@code registry}. */
    static void countIn(Properties streams, MeterRegistry registry) {
        streams.put(METRICS_CONFIG, registry);
    }

    /**
     * The stage from {@link DeadLetterRecords#STAGE_CONFIG}, the limit from the producer's request size, the meters
     * from {@link #METRICS_CONFIG} (a private registry when absent).
     */
    static StreamsDeadLetters from(Map<String, ?> configs) {
        Object stage = configs.get(DeadLetterRecords.STAGE_CONFIG);
        Object limit = configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        String name = stage == null ? UNCONFIGURED.stage : stage.toString();
        MeterRegistry registry = configs.get(METRICS_CONFIG) instanceof MeterRegistry r ? r : new SimpleMeterRegistry();
        return new StreamsDeadLetters(name,
                limit == null ? UNCONFIGURED.maxValueBytes : DeadLetterRecords.valueLimit(
                        Integer.parseInt(limit.toString())), PipelineMeters.dlqRecords(registry, name));
    }

    /** The DLQ record for the input record being processed in {@code context}, counted as written. */
    List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext context, byte[] key, byte[] value,
                                            Exception error) {
        written.increment();
        return DeadLetterRecords.of(stage, context, key, value, error, maxValueBytes);
    }
}
