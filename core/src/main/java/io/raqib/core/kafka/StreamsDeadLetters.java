package io.raqib.core.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * What the Streams exception handlers need to dead-letter a record: the stage named in the header and the largest
 * value its producer can write, both read from the Streams configuration.
 *
 * @param stage         the pipeline stage, {@code unknown} when the configuration does not say
 * @param maxValueBytes DLQ values are cut to this length
 */
record StreamsDeadLetters(String stage, int maxValueBytes) {

    /** Before {@code configure} is called. */
    static final StreamsDeadLetters UNCONFIGURED =
            new StreamsDeadLetters("unknown", DeadLetterRecords.DEFAULT_MAX_VALUE_BYTES);

    /** The stage from {@link DeadLetterRecords#STAGE_CONFIG} and the limit from the producer's request size. */
    static StreamsDeadLetters from(Map<String, ?> configs) {
        Object stage = configs.get(DeadLetterRecords.STAGE_CONFIG);
        Object limit = configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        return new StreamsDeadLetters(stage == null ? UNCONFIGURED.stage : stage.toString(),
                limit == null ? UNCONFIGURED.maxValueBytes : DeadLetterRecords.valueLimit(
                        Integer.parseInt(limit.toString())));
    }

    /** The DLQ record for the input record being processed in {@code context}. */
    List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext context, byte[] key, byte[] value,
                                            Exception error) {
        return DeadLetterRecords.of(stage, context, key, value, error, maxValueBytes);
    }
}
