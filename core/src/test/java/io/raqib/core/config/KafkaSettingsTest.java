package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** How {@code kafka.*} settings are read (file, RAQIB_KAFKA_* environment, overrides) and guarded. */
class KafkaSettingsTest {

    @TempDir
    Path dir;

    @Test
    void environmentNamesMapToKafkaNames() {
        RaqibConfig c = RaqibConfig.load(null, Map.of(
                "RAQIB_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "RAQIB_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "RAQIB_KAFKA_NUM_STREAM_THREADS", "4",
                "RAQIB_KAFKA_SSL_TRUSTSTORE_LOCATION", " ",
                "KAFKA_SASL_MECHANISM", "PLAIN"), Map.of());

        assertThat(c.kafka().values()).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("num.stream.threads", "4"));
    }

    @Test
    void envNameOfAKafkaSettingCarriesTheRaqibPrefix() {
        assertThat(RaqibConfig.envName("kafka.security.protocol")).isEqualTo("RAQIB_KAFKA_SECURITY_PROTOCOL");
        assertThat(RaqibConfig.envName("kafka.sasl.jaas.config")).isEqualTo("RAQIB_KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void fileThenEnvironmentThenOverridesLaterWins() throws IOException {
        Path file = Files.writeString(dir.resolve("raqib.properties"), """
                kafka.security.protocol=SASL_PLAINTEXT
                kafka.sasl.mechanism=SCRAM-SHA-256
                kafka.client.dns.lookup=use_all_dns_ips
                """);

        RaqibConfig c = RaqibConfig.load(file, Map.of("RAQIB_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "RAQIB_KAFKA_CLIENT_DNS_LOOKUP", "default"), Map.of("kafka.client.dns.lookup", "resolve_canonical"));

        assertThat(c.kafka().values()).containsOnly(Map.entry("security.protocol", "SASL_PLAINTEXT"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"), Map.entry("client.dns.lookup", "resolve_canonical"));
    }

    @Test
    void aSettingRaqibDerivesIsRefusedNamingTheRaqibSetting() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_KAFKA_BOOTSTRAP_SERVERS", "b:9092"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka.bootstrap.servers (RAQIB_KAFKA_BOOTSTRAP_SERVERS) is set by Raqib: use "
                        + "raqib.bootstrap.servers (RAQIB_BOOTSTRAP_SERVERS) instead");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of(), Map.of("kafka.producer.max.request.size", "9")))
                .hasMessageContaining("use raqib.max.record.bytes");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of(), Map.of("kafka.value.serializer", "x.Y")))
                .hasMessageContaining("record formats");
    }

    @Test
    void aSettingRaqibsGuaranteesNeedIsRefusedUnlessItHasTheNeededValue() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_KAFKA_PROCESSING_GUARANTEE", "at_least_once"),
                Map.of())).hasMessageStartingWith("kafka.processing.guarantee (RAQIB_KAFKA_PROCESSING_GUARANTEE) "
                        + "is 'at_least_once', but must be exactly_once_v2: ");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of(),
                Map.of("kafka.main.consumer.isolation.level", "read_uncommitted")))
                .hasMessageContaining("must be read_committed");

        assertThat(RaqibConfig.load(null, Map.of(), Map.of("kafka.isolation.level", "READ_COMMITTED",
                "kafka.enable.auto.commit", "false")).kafka().values()).hasSize(2);
    }

    @Test
    void weakerDurabilityIsAppliedWithOneWarningHoweverOftenTheConfigurationIsLoaded() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(KafkaSettings.class);
        log.start();
        logger.addAppender(log);
        try {
            Map<String, String> weaker = Map.of("kafka.acks", "0", "kafka.enable.idempotence", "false");
            RaqibConfig c = RaqibConfig.load(null, Map.of(), weaker);
            RaqibConfig.load(null, Map.of(), weaker);

            assertThat(c.kafka().values()).containsEntry("acks", "0").containsEntry("enable.idempotence", "false");
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("kafka.acks "))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.WARN);
                        assertThat(e.getFormattedMessage()).isEqualTo("kafka.acks (RAQIB_KAFKA_ACKS) is '0', not all "
                                + "or -1: an article or watch then counts as published before every in-sync replica "
                                + "has it");
                    });
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void anOperatorSettingDecidesItsKeyAndTheStreamsPrefixedForms() {
        KafkaSettings s = new KafkaSettings(Map.of("session.timeout.ms", "30000", "producer.linger.ms", "5"));

        assertThat(s.decides("session.timeout.ms")).isTrue();
        assertThat(s.decides("main.consumer.session.timeout.ms")).isTrue();
        assertThat(s.decides("producer.linger.ms")).isTrue();
        assertThat(s.decides("linger.ms")).as("a prefixed setting is for Kafka Streams' producers only").isFalse();
        assertThat(s.decides("heartbeat.interval.ms")).isFalse();
    }
}
