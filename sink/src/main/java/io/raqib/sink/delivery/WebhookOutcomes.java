package io.raqib.sink.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.kafka.DeadLetterRecords;
import io.raqib.core.kafka.Topics;
import io.raqib.core.metrics.PipelineMeters;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How each alert read by the webhook delivery ends: counted by outcome, dead-lettered on {@code raqib.dlq}
 * (stage {@code webhook}) unless posted, and only then marked finished in its partition's progress, so an alert
 * whose dead letter is not yet acknowledged is read again after a restart. Thread-safe.
 */
final class WebhookOutcomes {

    /** The stage named in the DLQ headers. */
    private static final String STAGE = "webhook";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookOutcomes.class);

    /** Why an alert needs nothing more; the tag {@code outcome} of {@code raqib.sink.webhooks}. */
    enum Outcome {
        /** The target answered 2xx. */
        DELIVERED,
        /** Every attempt failed, or the target refused it with a 4xx. */
        FAILED,
        /** The stored webhook does not parse or is not allowed (any more). */
        REFUSED,
        /** The target's circuit is open: it kept failing. */
        CIRCUIT_OPEN,
        /** An unexpected error while handling this alert. */
        ERROR;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Producer<byte[], byte[]> dlq;
    private final int maxValueBytes;
    private final Consumer<Throwable> fatal;
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final Counter deadLettered;

    /**
     * @param maxValueBytes largest dead-letter value {@code dlq} can send
     * @param fatal         told when a dead letter cannot be written: delivery cannot go on without losing alerts
     */
    WebhookOutcomes(Producer<byte[], byte[]> dlq, int maxValueBytes, MeterRegistry metrics,
                    Consumer<Throwable> fatal) {
        this.dlq = dlq;
        this.maxValueBytes = maxValueBytes;
        this.fatal = fatal;
        this.deadLettered = PipelineMeters.dlqRecords(metrics, "sink");
        for (Outcome o : Outcome.values()) {
            counters.put(o, Counter.builder("raqib.sink.webhooks").tag("outcome", o.tag())
                    .description("Alerts posted to watch webhooks, by outcome").register(metrics));
        }
    }

    /** The alert has nothing to post (no such watch, or no webhook). */
    void skipped(ConsumerRecord<byte[], byte[]> record, PartitionProgress progress) {
        progress.finished(record.offset());
    }

    /** The alert was posted. */
    void delivered(ConsumerRecord<byte[], byte[]> record, PartitionProgress progress) {
        counters.get(Outcome.DELIVERED).increment();
        progress.finished(record.offset());
    }

    /** The alert cannot be posted: it goes to the DLQ with {@code reason}, and is finished once that is acked. */
    void deadLetter(ConsumerRecord<byte[], byte[]> record, PartitionProgress progress, Outcome outcome,
                    Exception reason) {
        counters.get(outcome).increment();
        LOG.warn("alert at {}-{}@{} not delivered ({}): {}", record.topic(), record.partition(), record.offset(),
                outcome.tag(), reason.getMessage());
        dlq.send(DeadLetterRecords.of(STAGE, record, reason, maxValueBytes), (metadata, error) -> {
            if (error == null) {
                deadLettered.increment();
                progress.finished(record.offset());
            } else {
                fatal.accept(new IllegalStateException("cannot write to " + Topics.DLQ.name() + ": "
                        + error.getMessage(), error));
            }
        });
    }
}
