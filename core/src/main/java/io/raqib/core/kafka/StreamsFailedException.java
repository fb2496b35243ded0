package io.raqib.core.kafka;

/** A Kafka Streams client went to ERROR or shut itself down: the stage it runs no longer processes anything. */
public final class StreamsFailedException extends IllegalStateException {

    public StreamsFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
