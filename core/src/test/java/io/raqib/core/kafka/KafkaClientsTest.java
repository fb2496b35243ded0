package io.raqib.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** Precedence in the client factory: the operator's kafka.* settings win, Raqib's defaults fill the rest. */
class KafkaClientsTest {

    private static final Map<String, String> SASL = Map.of(
            "RAQIB_BOOTSTRAP_SERVERS", "kafka-1:9093",
            "RAQIB_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "RAQIB_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "RAQIB_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"raqib\" password=\"secret\";");

    @Test
    void withoutOperatorSettingsEachClientGetsRaqibsDefaults() {
        KafkaClients clients = new KafkaClients(RaqibConfig.defaults());

        assertThat(clients.producer(Map.of(ProducerConfig.CLIENT_ID_CONFIG, "p"))).containsOnly(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 << 20),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "p"));
        assertThat(clients.consumer(Map.of())).containsOnly(
                Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"),
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        assertThat(clients.admin(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))).containsOnly(
                Map.entry(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"),
                Map.entry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    @Test
    void operatorSettingsReachEveryKindOfClient() {
        KafkaClients clients = new KafkaClients(RaqibConfig.load(null, SASL, Map.of()));

        for (Properties p : new Properties[] {clients.producer(Map.of()), clients.consumer(Map.of()),
            clients.admin(Map.of()), clients.streams("enrich")}) {
            assertThat(p).containsEntry("bootstrap.servers", "kafka-1:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", SASL.get("RAQIB_KAFKA_SASL_JAAS_CONFIG"));
        }
    }

    @Test
    void anOperatorValueReplacesRaqibsDefaultAndTheOtherDefaultsStay() {
        KafkaClients clients = new KafkaClients(RaqibConfig.load(null, Map.of(), Map.of(
                "kafka.compression.type", "zstd", "kafka.linger.ms", "50", "kafka.max.poll.records", "10")));

        Properties producer = clients.producer(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 1 << 18));
        assertThat(producer).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "50")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 18)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(clients.consumer(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000)))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10");
    }

    @Test
    void streamThreadsAndStreamsDefaultsCanBeSetAndAnUnprefixedValueBeatsAPrefixedDefault() {
        Properties p = new KafkaClients(RaqibConfig.load(null, Map.of("RAQIB_KAFKA_NUM_STREAM_THREADS", "4",
                "RAQIB_KAFKA_SESSION_TIMEOUT_MS", "30000", "RAQIB_KAFKA_COMMIT_INTERVAL_MS", "1000"), Map.of()))
                .streams("sink");

        assertThat(p).containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "4")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000")
                .doesNotContainKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        StreamsConfig streams = new StreamsConfig(p);
        assertThat(streams.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(4);
        assertThat(streams.getMainConsumerConfigs("g", "c", 0))
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000")
                .as("Raqib's prefixed heartbeat default stays").containsEntry(
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, StreamsProperties.HEARTBEAT_INTERVAL_MS);
    }

    @Test
    void aFailureSaysWhatToCheck() {
        KafkaClients clients = new KafkaClients(RaqibConfig.load(null, SASL, Map.of()));

        assertThat(clients.failure("cannot list topics", new SaslAuthenticationException("Authentication failed")))
                .hasMessage("cannot list topics at kafka-1:9093: Authentication failed (check the credentials: "
                        + "kafka.sasl.jaas.config, RAQIB_KAFKA_SASL_JAAS_CONFIG)")
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        assertThat(clients.failure("cannot read raqib.watches", new TimeoutException("Timeout expired")))
                .hasMessageContaining("Timeout expired (check raqib.bootstrap.servers, RAQIB_BOOTSTRAP_SERVERS, and "
                        + "for a secured cluster kafka.security.protocol");
        assertThat(clients.failure("cannot describe topic t", new java.util.concurrent.TimeoutException()))
                .hasMessageStartingWith("cannot describe topic t at kafka-1:9093: TimeoutException (check ");
        assertThat(clients.failure("cannot list topics", new IllegalStateException("other")))
                .hasMessage("cannot list topics at kafka-1:9093: other");
    }
}
