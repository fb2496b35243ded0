package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import io.raqib.sink.SinkService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raqib on a secured cluster: the shared broker's SASL_PLAINTEXT listener (SCRAM-SHA-256), credentials given only
 * as {@code kafka.*} settings ({@code RAQIB_KAFKA_*} environment, or a properties file for the commands). Every kind
 * of client works with them; without them, or with a wrong password, each fails at once naming authentication.
 */
class SecuredClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String USER = "raqib-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = UUID.randomUUID().toString();

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void createUser() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedBroker.get().bootstrapServers()))) {
            admin.alterUserScramCredentials(List.<UserScramCredentialAlteration>of(
                    new UserScramCredentialUpsertion(USER, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256,
                            4096), PASSWORD))).all().get();
        }
        awaitCredentialsAccepted();
    }

    @Test
    void producerConsumerAndAdminFromTheFactoryWorkWithCredentialsFromTheEnvironment() throws Exception {
        KafkaClients clients = new KafkaClients(RaqibConfig.load(null, credentials(PASSWORD), Map.of()));
        String topic = "raqib-it-secured-" + UUID.randomUUID();
        try (Admin admin = Admin.create(clients.admin(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(clients.producer(Map.of()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "over SASL")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(clients.consumer(Map.of()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("over SASL");
        }
    }

    @Test
    void watchesIngestEnrichAndSinkRunOnTheSecuredListener(@TempDir Path dir) throws Exception {
        Path configFile = configFile(dir, PASSWORD);
        String marker = "securitite" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        String watchId = "secured-" + marker;
        assertThat(RaqibCli.run("watches", "add", "--config", configFile.toString(), "--id", watchId,
                "--query", marker)).as(console.err()).isZero();
        assertThat(RaqibCli.run("watches", "list", "--config", configFile.toString())).as(console.err()).isZero();
        assertThat(console.out()).contains("\"id\":\"" + watchId + "\"");

        RaqibConfig config = RaqibConfig.load(configFile, Map.of(), Map.of());
        try (EnrichService enrich = new EnrichService(config, new ArticleEnricher(new LanguageDetector(),
                config.enrich()));
             SinkService sink = new SinkService(config, List.of())) {
            enrich.start();
            sink.start(WAIT);
            assertThat(enrich.streams().awaitRunning(WAIT)).as("enrich running").isTrue();
            assertThat(sink.streams().awaitRunning(WAIT)).as("sink running").isTrue();
            assertThat(sink.registry().get(watchId)).isNotNull();

            Path article = Files.writeString(dir.resolve("secured.txt"), "Discovery of " + marker
                    + "\nBy Test Desk\nGeologists described " + marker + " deposits found near the coast.\n");
            assertThat(RaqibCli.run("ingest", "--config", configFile.toString(), article.toString()))
                    .as(console.err()).isZero();

            assertThat(KafkaTestClients.readUntil(SharedBroker.get().bootstrapServers(), Topics.ALERTS,
                    r -> r.key().equals(watchId), 1, WAIT)).hasSize(1);
            assertThat(enrich.failure()).isNull();
            assertThat(sink.failure()).isNull();
        }
    }

    @Test
    void aWrongPasswordFailsEveryEntryAtOnceNamingAuthentication(@TempDir Path dir) throws Exception {
        RaqibConfig config = RaqibConfig.load(null, credentials("wrong"), Map.of());
        try (Admin admin = Admin.create(new KafkaClients(config).admin(Map.of()))) {
            assertThatThrownBy(() -> admin.listTopics().names().get()).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("Authentication failed");
        }
        assertThatThrownBy(() -> new EnrichService(config, null)).hasMessageContaining("Authentication failed");
        try (SinkService sink = new SinkService(config, List.of())) {
            assertThatThrownBy(() -> sink.start(WAIT)).hasMessageContaining("Authentication failed");
        }

        Path configFile = configFile(dir, "wrong");
        long start = System.nanoTime();
        assertThat(RaqibCli.run("watches", "list", "--config", configFile.toString())).isEqualTo(1);
        assertThat(RaqibCli.run("ingest", "--config", configFile.toString(), dir.toString())).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(console.err().lines().filter(l -> l.startsWith("raqib ")).toList()).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("Authentication failed"));
    }

    @Test
    void withoutSecuritySettingsACommandStopsWithinItsTimeoutNamingThem(@TempDir Path dir) throws Exception {
        Path configFile = Files.writeString(dir.resolve("plain.properties"),
                "raqib.bootstrap.servers=" + SharedBroker.get().saslBootstrapServers() + "\n");

        long start = System.nanoTime();
        assertThat(RaqibCli.run("watches", "list", "--config", configFile.toString())).isEqualTo(1);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
        assertThat(console.err()).contains("raqib watches list: cannot read raqib.watches at "
                + SharedBroker.get().saslBootstrapServers()).contains("kafka.security.protocol");
    }

    /** The environment of a process given the SASL listener and this user's SCRAM credentials. */
    private static Map<String, String> credentials(String password) {
        Map<String, String> env = new HashMap<>();
        env.put("RAQIB_BOOTSTRAP_SERVERS", SharedBroker.get().saslBootstrapServers());
        env.put("RAQIB_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("RAQIB_KAFKA_SASL_MECHANISM", SharedBroker.SCRAM);
        env.put("RAQIB_KAFKA_SASL_JAAS_CONFIG", jaas(password));
        env.put("RAQIB_APPLICATION_ID", "secured-" + UUID.randomUUID().toString().substring(0, 8));
        return env;
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                + "\" password=\"" + password + "\";";
    }

    /** The same settings as a properties file, as the commands read them. */
    private static Path configFile(Path dir, String password) throws Exception {
        Path stateDir = Files.createTempDirectory("raqib-it-");
        String text = "raqib.bootstrap.servers=" + SharedBroker.get().saslBootstrapServers() + "\n"
                + "raqib.application.id=secured-" + UUID.randomUUID().toString().substring(0, 8) + "\n"
                + "raqib.state.dir=" + stateDir + "\n"
                + "kafka.security.protocol=SASL_PLAINTEXT\n"
                + "kafka.sasl.mechanism=" + SharedBroker.SCRAM + "\n"
                + "kafka.sasl.jaas.config=" + jaas(password).replace("\\", "\\\\") + "\n";
        return Files.writeString(dir.resolve("secured-" + password + ".properties"), text);
    }

    /** A new SCRAM user reaches the broker's credential cache through the metadata log: wait until it does. */
    private static void awaitCredentialsAccepted() throws Exception {
        KafkaClients clients = new KafkaClients(RaqibConfig.load(null, credentials(PASSWORD), Map.of()));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (Admin admin = Admin.create(clients.admin(Map.of()))) {
                admin.listTopics().names().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
