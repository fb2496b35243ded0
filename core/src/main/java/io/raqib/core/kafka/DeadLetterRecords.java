package io.raqib.core.kafka;

import java.util.List;
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
        return List.of(new ProducerRecord<>(Topics.DLQ.name(), null, key, value,
                DlqHeaders.of(stage, error, context.topic(), context.partition(), context.offset())));
    }

    static String stage(java.util.Map<String, ?> configs) {
        Object stage = configs.get(STAGE_CONFIG);
        return stage == null ? "unknown" : stage.toString();
    }
}
