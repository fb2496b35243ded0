package io.raqib.core.kafka;

import io.raqib.core.config.RaqibConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Raqib's Kafka Streams settings for the enrich and sink stages, before the operator's {@code kafka.*} settings
 * ({@link KafkaClients#streams}): exactly-once, DLQ handlers for unreadable input,
 * failed processing and unwritable results, one state dir, records up to {@code raqib.max.record.bytes} on the
 * output, internal and changelog topics, and group membership that lets a killed instance's partitions move on
 * within seconds.
 */
final class StreamsProperties {

    /**
     * How long the group waits for a silent member before its partitions go to others (Kafka's default is 45 s; the
     * broker's minimum, group.min.session.timeout.ms, is 6 s by default). Measured in docs/reliability.md.
     */
    static final int SESSION_TIMEOUT_MS = 10_000;
    /** At most a third of the session timeout (Kafka's rule of thumb): a few lost heartbeats do not end a session. */
    static final int HEARTBEAT_INTERVAL_MS = 2_000;

    private StreamsProperties() {
    }

    /** Settings for the Streams application of {@code stage} ({@code enrich}, {@code sink}). */
    static Map<String, Object> forStage(RaqibConfig config, String stage) {
        Map<String, Object> p = new HashMap<>();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId() + "-" + stage);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().resolve(stage).toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replication());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), config.maxRecordBytes());
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), config.maxRecordBytes());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        p.put(DeadLetterRecords.STAGE_CONFIG, stage);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), HEARTBEAT_INTERVAL_MS);
        // Static membership: a restarted instance with the same id (and state dir, hence the same transactional
        // ids that fence its dead predecessor's open transaction) gets its tasks back without waiting for the
        // session timeout. Streams appends the stream thread's index to the id.
        config.instanceId().ifPresent(id ->
                p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id + "-" + stage));
        return p;
    }
}
