package io.raqib.core.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.config.KafkaSettings;
import io.raqib.core.config.RaqibConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The one place Kafka client settings are made: for every producer, consumer, admin and Kafka Streams client,
 * Raqib's defaults for that client, then the operator's {@code kafka.*} settings ({@link KafkaSettings}), which
 * replace a default they decide, then the bootstrap servers of {@code raqib.bootstrap.servers}.
 */
public final class KafkaClients {

    private final RaqibConfig config;

    /** Clients for the cluster, limits and operator settings of {@code config}. */
    public KafkaClients(RaqibConfig config) {
        this.config = config;
    }

    /**
     * A producer's settings: {@code acks=all}, idempotence, records up to {@code raqib.max.record.bytes}, then
     * {@code defaults} of this producer (client id, batching, timeouts), all yielding to the operator's.
     */
    public Properties producer(Map<String, ?> defaults) {
        Map<String, Object> raqib = new HashMap<>(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxRecordBytes()));
        raqib.putAll(defaults);
        return withOperatorSettings(raqib);
    }

    /**
     * A consumer's settings: {@code read_committed}, no automatic commits, then {@code defaults} of this consumer
     * (client id, group, …), all yielding to the operator's.
     */
    public Properties consumer(Map<String, ?> defaults) {
        Map<String, Object> raqib = new HashMap<>(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        raqib.putAll(defaults);
        return withOperatorSettings(raqib);
    }

    /** An admin client's settings: {@code defaults} (timeouts), yielding to the operator's. */
    public Properties admin(Map<String, ?> defaults) {
        return withOperatorSettings(defaults);
    }

    /**
     * The settings of the Kafka Streams application of {@code stage} ({@code enrich}, {@code sink}): exactly-once,
     * the DLQ handlers, state dir, group membership (see {@link StreamsProperties}), yielding to the operator's
     * (e.g. {@code kafka.num.stream.threads}).
     */
    public Properties streams(String stage) {
        return withOperatorSettings(StreamsProperties.forStage(config, stage));
    }

    /**
     * {@link #streams(String)}, with the DLQ handlers counting the records they dead-letter in {@code metrics}
     * ({@code raqib.dlq.records}).
     */
    public Properties streams(String stage, MeterRegistry metrics) {
        Properties p = streams(stage);
        StreamsDeadLetters.countIn(p, metrics);
        return p;
    }

    /**
     * An error saying that {@code what} failed at the cluster because of {@code cause}, and what to check: the
     * credentials when the cluster refused them, the servers and security settings when it did not answer (a
     * client speaking PLAINTEXT to a SASL or SSL listener only ever times out).
     */
    public IllegalStateException failure(String what, Throwable cause) {
        String check = "";
        if (cause instanceof AuthenticationException) {
            check = " (check the credentials: kafka.sasl.jaas.config, RAQIB_KAFKA_SASL_JAAS_CONFIG)";
        } else if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            check = " (check " + RaqibConfig.BOOTSTRAP_SERVERS + ", "
                    + RaqibConfig.envName(RaqibConfig.BOOTSTRAP_SERVERS)
                    + ", and for a secured cluster kafka.security.protocol and the kafka.sasl.* or kafka.ssl.* "
                    + "settings)";
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new IllegalStateException(what + " at " + config.bootstrapServers() + ": " + reason + check, cause);
    }

    private Properties withOperatorSettings(Map<String, ?> defaults) {
        KafkaSettings operator = config.kafka();
        Properties p = new Properties();
        defaults.forEach((key, value) -> {
            if (!operator.decides(key)) {
                p.put(key, value);
            }
        });
        p.putAll(operator.values());
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return p;
    }
}
