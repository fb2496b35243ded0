package io.raqib.core.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Header names of records on {@code raqib.dlq}, and a builder for them, shared by every stage. */
public final class DlqHeaders {

    public static final String STAGE = "raqib.stage";
    public static final String ERROR_CLASS = "raqib.error.class";
    public static final String ERROR_MESSAGE = "raqib.error.message";
    public static final String TOPIC = "raqib.source.topic";
    public static final String PARTITION = "raqib.source.partition";
    public static final String OFFSET = "raqib.source.offset";
    /** Present when the value was cut to fit the DLQ: the original value's length in bytes. */
    public static final String ORIGINAL_BYTES = "raqib.original.bytes";
    /** Longest error message kept in {@link #ERROR_MESSAGE}: some exceptions quote the whole input. */
    static final int MAX_MESSAGE_CHARS = 1000;

    private DlqHeaders() {
    }

    /** Headers describing a failure of {@code stage} on the record at topic/partition/offset. */
    public static Headers of(String stage, Throwable error, String topic, int partition, long offset) {
        Headers h = new RecordHeaders();
        put(h, STAGE, stage);
        put(h, ERROR_CLASS, error.getClass().getName());
        put(h, ERROR_MESSAGE, abbreviate(String.valueOf(error.getMessage())));
        put(h, TOPIC, topic);
        put(h, PARTITION, Integer.toString(partition));
        put(h, OFFSET, Long.toString(offset));
        return h;
    }

    /** Reads a header as UTF-8 text, or null when absent. */
    public static String read(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void put(Headers h, String name, String value) {
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }
}
