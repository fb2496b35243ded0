package io.raqib.core.kafka;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends records that cannot be deserialized to {@code raqib.dlq} (KIP-1034) and lets the stream go on. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private StreamsDeadLetters deadLetters = StreamsDeadLetters.UNCONFIGURED;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = StreamsDeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        LOG.warn("{}: unreadable record {}-{}@{} sent to {}: {}", deadLetters.stage(), context.topic(),
                context.partition(), context.offset(), Topics.DLQ.name(), exception.getMessage());
        return Response.resume(deadLetters.of(context, record.key(), record.value(), exception));
    }
}
