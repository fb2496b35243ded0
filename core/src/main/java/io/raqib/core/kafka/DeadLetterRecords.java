package io.raqib.core.kafka;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds the {@code raqib.dlq} record for a failed input record: original bytes plus {@link DlqHeaders}. A value
 * too large to be written again (a record refused for its size) is cut to what the producer can send, and the
 * header {@link DlqHeaders#ORIGINAL_BYTES} says how long it was: the DLQ write itself must never fail.
 */
public final class DeadLetterRecords {

    /** Streams config key naming the pipeline stage written into the {@code raqib.stage} header. */
    public static final String STAGE_CONFIG = "raqib.stage";
    /** Room left for the key, headers and record overhead below the producer's request limit. */
    static final int OVERHEAD_BYTES = 64 * 1024;
    /** Value limit of DLQ records whose producer keeps Kafka's default {@code max.request.size}. */
    static final int DEFAULT_MAX_VALUE_BYTES = valueLimit(1024 * 1024);

    private DeadLetterRecords() {
    }

    /** One DLQ record for the record being processed in {@code context}, its value cut to {@code maxValueBytes}. */
    public static List<ProducerRecord<byte[], byte[]>> of(String stage, ErrorHandlerContext context,
                                                          byte[] key, byte[] value, Exception error,
                                                          int maxValueBytes) {
        return List.of(record(stage, key, value, error, context.topic(), context.partition(), context.offset(),
                maxValueBytes));
    }

    /**
     * The DLQ record for {@code failed}, read by a plain consumer outside Kafka Streams (webhook delivery, watch
     * listener), its value cut to {@code maxValueBytes}; {@code error} may be an {@link Error} such as a stack
     * overflow the record caused.
     */
    public static ProducerRecord<byte[], byte[]> of(String stage, ConsumerRecord<byte[], byte[]> failed,
                                                    Throwable error, int maxValueBytes) {
        return record(stage, failed.key(), failed.value(), error, failed.topic(), failed.partition(),
                failed.offset(), maxValueBytes);
    }

    /** The largest DLQ value a producer with {@code max.request.size = maxRequestBytes} can always write. */
    public static int valueLimit(int maxRequestBytes) {
        return Math.max(1024, maxRequestBytes - OVERHEAD_BYTES);
    }

    private static ProducerRecord<byte[], byte[]> record(String stage, byte[] key, byte[] value, Throwable error,
                                                         String topic, int partition, long offset,
                                                         int maxValueBytes) {
        Headers headers = DlqHeaders.of(stage, error, topic, partition, offset);
        byte[] kept = value;
        if (value != null && value.length > maxValueBytes) {
            kept = Arrays.copyOf(value, maxValueBytes);
            DlqHeaders.put(headers, DlqHeaders.ORIGINAL_BYTES, Integer.toString(value.length));
        }
        return new ProducerRecord<>(Topics.DLQ.name(), null, key, kept, headers);
    }
}
