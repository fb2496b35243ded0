package io.raqib.core.kafka;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends records whose processing threw to {@code raqib.dlq} with the original source bytes, and goes on. */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private StreamsDeadLetters deadLetters = StreamsDeadLetters.UNCONFIGURED;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = StreamsDeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("{}: processing failed for {}-{}@{} in {}, sent to {}: {}", deadLetters.stage(), context.topic(),
                context.partition(), context.offset(), context.processorNodeId(), Topics.DLQ.name(),
                exception.toString());
        LOG.debug("{}: processing failure", deadLetters.stage(), exception);
        return Response.resume(deadLetters.of(context, context.sourceRawKey(), context.sourceRawValue(), exception));
    }
}
