package io.raqib.sink.watches;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.DeadLetterRecords;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.metrics.PipelineMeters;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the {@code raqib.watches} records the {@link WatchTopicListener} cannot apply to {@code raqib.dlq} (stage
 * {@code watches}, the reason in the headers) and counts them in {@code raqib.sink.watches.rejected}. The record
 * stays on {@code raqib.watches}, so a restarted sink rejects it again: one DLQ record per record and start.
 */
public final class WatchDeadLetters implements BiConsumer<ConsumerRecord<byte[], byte[]>, Throwable>, AutoCloseable {

    static final String STAGE = "watches";
    private static final Logger LOG = LoggerFactory.getLogger(WatchDeadLetters.class);
    private final KafkaProducer<byte[], byte[]> producer;
    private final int maxValueBytes;
    private final Counter rejected;
    private final Counter written;

    /** Dead letters for the cluster of {@code config}, as large as the watch records it may hold. */
    public WatchDeadLetters(RaqibConfig config, MeterRegistry metrics) {
        this.producer = new KafkaProducer<>(new KafkaClients(config).producer(
                Map.of(ProducerConfig.CLIENT_ID_CONFIG, "raqib-sink-watches-dlq")), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.maxValueBytes = DeadLetterRecords.valueLimit(config.maxRecordBytes());
        this.rejected = Counter.builder("raqib.sink.watches.rejected")
                .description("Records of raqib.watches that could not be applied (sent to raqib.dlq)")
                .register(metrics);
        this.written = PipelineMeters.dlqRecords(metrics, "sink");
    }

    /** Dead-letters {@code record}, rejected because of {@code reason}. */
    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record, Throwable reason) {
        rejected.increment();
        producer.send(DeadLetterRecords.of(STAGE, record, reason, maxValueBytes), (metadata, e) -> {
            if (e == null) {
                written.increment();
            } else {
                LOG.warn("cannot dead-letter watch record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        producer.close();
    }
}
