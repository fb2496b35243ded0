package io.raqib.core.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Builds the {@code raqib.dlq} record for a failed input record: original bytes plus {@link DlqHeaders}. */
public final class DeadLetterRecords {

    /** Streams config key naming the pipeline stage written into the {@code raqib.stage} header. */
    public static final String STAGE_CONFIG = "raqib.stage";

    private DeadLetterRecords() {
    }

    /** One DLQ record for the record being processed in {@code context}. */
    public static List<ProducerRecord<byte[], byte[]>> of(String stage, ErrorHandlerContext context,
                                                          byte[] key, byte[] value, Exception error) {
        return List.of(record(stage, key, value, error, context.topic(), context.partition(), context.offset()));
    }

    /**
     * The DLQ record for {@code failed}, read by a plain consumer outside Kafka Streams (webhook delivery, watch
     * listener); {@code error} may be an {@link Error} such as a stack overflow the record caused.
     */
    public static ProducerRecord<byte[], byte[]> of(String stage, ConsumerRecord<byte[], byte[]> failed,
                                                    Throwable error) {
        return record(stage, failed.key(), failed.value(), error, failed.topic(), failed.partition(),
                failed.offset());
    }

    private static ProducerRecord<byte[], byte[]> record(String stage, byte[] key, byte[] value, Throwable error,
                                                         String topic, int partition, long offset) {
        return new ProducerRecord<>(Topics.DLQ.name(), null, key, value,
                DlqHeaders.of(stage, error, topic, partition, offset));
    }

    static String stage(java.util.Map<String, ?> configs) {
        Object stage = configs.get(STAGE_CONFIG);
        return stage == null ? "unknown" : stage.toString();
    }
}
