package io.raqib.core.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a Streams stage cannot write a result. A result that cannot be serialized never reaches the producer: its
 * input record goes to {@code raqib.dlq} with the reason and the stage goes on. A record the broker refuses
 * (too large for the topic, say) has already spoiled the exactly-once transaction it was part of, so it cannot be
 * skipped: the stage fails, and its process exits non-zero to be restarted, with the reason in the log, instead
 * of hanging. Stages avoid that case by refusing oversized results themselves before sending (see
 * {@link TopicFacts}).
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private StreamsDeadLetters deadLetters = StreamsDeadLetters.UNCONFIGURED;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = StreamsDeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        LOG.error("{}: {} refused the result of {}-{}@{} ({}); the exactly-once transaction cannot go on without "
                + "it, so the stage stops", deadLetters.stage(), record.topic(), context.topic(), context.partition(),
                context.offset(), exception.toString());
        return Response.fail();
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        LOG.warn("{}: result of {}-{}@{} for {} cannot be serialized, input sent to {}: {}", deadLetters.stage(),
                context.topic(), context.partition(), context.offset(), record.topic(), Topics.DLQ.name(),
                exception.toString());
        return Response.resume(deadLetters.of(context, context.sourceRawKey(), context.sourceRawValue(), exception));
    }
}
