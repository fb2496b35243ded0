package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.sink.SinkService;
import io.raqib.sink.api.WatchApi;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Poison on {@code raqib.watches} (as written with kcat: malformed or oversized watches, bad bytes, bad keys) is
 * dead-lettered with its reason while the sink goes on, a good watch written after it alerts, and a sink started
 * afterwards loads the good watches and starts. The REST API refuses the same inputs with a JSON 400.
 */
class WatchPoisonIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOKEN = "it-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String MARKER = "zarqonite" + UUID.randomUUID().toString().substring(0, 6)
            .replaceAll("[0-9-]", "z");
    private static RaqibConfig config;
    private static SimpleMeterRegistry metrics;
    private static SinkService sink;
    private static WatchStore store;
    private static HttpApi http;

    /**
     * One poison input: the record's key and value, the reason the DLQ record must give, and the field a 400 from
     * the API must name (null when the input is about the record, not the watch).
     */
    private record Poison(String name, byte[] key, byte[] value, String reason, String apiField) {

        static Poison of(String name, String key, String value, String reason, String apiField) {
            return new Poison(name, utf8(key), utf8(value), reason, apiField);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String watchJson(String id, String fields) {
        return "{\"id\": \"" + id + "\", \"name\": \"poison\", " + fields + "}";
    }

    private static List<Poison> poisons() {
        String id = "poison-" + MARKER;
        byte[] badUtf8 = utf8(watchJson(id + "-utf8", "\"query\": \"wheat XX\""));
        int xx = new String(badUtf8, StandardCharsets.UTF_8).indexOf("XX");
        badUtf8[xx] = (byte) 0xC3;
        badUtf8[xx + 1] = (byte) 0x28;
        String languages = IntStream.range(0, 10_000).mapToObj(i -> "\"l" + i + "\"")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        String terms = IntStream.range(0, 2_000).mapToObj(i -> "{\"text\": \"term" + i + "\", \"weight\": 1}")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        return List.of(
                Poison.of("malformed JSON", id + "-json", "{\"id\": \"" + id + "-json\", \"query\": ",
                        "not a valid Watch", "body"),
                new Poison("invalid UTF-8", utf8(id + "-utf8"), badUtf8, "Invalid UTF-8", "query"),
                Poison.of("10,000 languages", id + "-langs", watchJson(id + "-langs",
                        "\"query\": \"wheat\", \"languages\": [" + languages + "]"), "10000 languages, at most 10",
                        "languages"),
                Poison.of("2,000 weighted terms", id + "-terms", watchJson(id + "-terms",
                        "\"terms\": [" + terms + "], \"threshold\": 1"), "terms: 2000 entries, at most 100", "terms"),
                Poison.of("10,000 nested parentheses", id + "-parens", watchJson(id + "-parens", "\"query\": \""
                        + "(".repeat(10_000) + "wheat" + ")".repeat(10_000) + "\""), "20005 characters", "query"),
                Poison.of("nesting within the length", id + "-deep", watchJson(id + "-deep", "\"query\": \""
                        + "(".repeat(11) + "wheat" + ")".repeat(11) + "\""), "nested deeper than 10", "query"),
                Poison.of("1 MB query", id + "-huge", watchJson(id + "-huge", "\"query\": \""
                        + "wheat ".repeat(170_000) + "\""), "1020000 characters, at most 4000", "query"),
                Poison.of("wrong JSON types", id + "-types", watchJson(id + "-types",
                        "\"query\": {\"text\": \"wheat\"}, \"languages\": \"ar\""), "not a valid Watch", "query"),
                Poison.of("regular expression", id + "-regexp", watchJson(id + "-regexp", "\"query\": \"/wh.*t/\""),
                        "regular expressions", "query"),
                Poison.of("JSON nested 10,000 deep", id + "-nested", watchJson(id + "-nested", "\"query\": \"wheat\", "
                        + "\"extra\": " + "[".repeat(10_000) + "]".repeat(10_000)), "nesting depth", "body"),
                Poison.of("JSON null", id + "-null", "null", "JSON null", "body"),
                Poison.of("key is not the id", id + "-key", watchJson(id + "-other", "\"query\": \"wheat\""),
                        "is not the watch id", null),
                new Poison("invalid UTF-8 key", new byte[] {(byte) 0xFF, 'k'}, utf8(watchJson("k",
                        "\"query\": \"wheat\"")), "is not the watch id", null));
    }

    @BeforeAll
    static void start() throws Exception {
        config = SharedBroker.config("watch-poison");
        metrics = new SimpleMeterRegistry();
        sink = new SinkService(config, List.of(), metrics);
        sink.start(WAIT);
        store = new WatchStore(new KafkaClients(config), sink.registry(), new WatchAdmission(config.sink()));
        // Above Javalin's default 1,000,000 bytes, so the 1 MB query reaches the watch checks.
        http = new HttpApi(List.of(TOKEN), Metrics.registry(), List.of(new WatchApi(store,
                new ArticleEnricher(new LanguageDetector(), config.enrich())::enrich)), 2_000_000)
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        store.close();
        sink.close();
    }

    @Test
    void poisonIsDeadLetteredWithItsReasonTheSinkGoesOnAndASinkStartedAfterwardsLoadsTheGoodWatch()
            throws Exception {
        List<Poison> poisons = poisons();
        Map<String, Poison> byPosition = new HashMap<>();
        Watch good = new Watch("good-" + MARKER, "Good", MARKER, null, null, List.of("en"), null, null);
        try (KafkaProducer<byte[], byte[]> raw = rawProducer()) {
            for (Poison p : poisons) {
                RecordMetadata at = raw.send(new ProducerRecord<>(Topics.WATCHES.name(), p.key(), p.value())).get();
                byPosition.put(at.partition() + "@" + at.offset(), p);
            }
            // A record without key never reaches the sink: the compacted topic refuses it.
            assertThatThrownBy(() -> raw.send(new ProducerRecord<>(Topics.WATCHES.name(), null,
                    RaqibJson.mapper().writeValueAsBytes(good))).get())
                    .hasCauseInstanceOf(InvalidRecordException.class);
            raw.send(new ProducerRecord<>(Topics.WATCHES.name(), utf8(good.id()),
                    RaqibJson.mapper().writeValueAsBytes(good))).get();
        }

        awaitRegistered(sink, good);
        assertThat(sink.failure()).isNull();
        publish("a-" + MARKER, "Deposits of " + MARKER, "Miners found " + MARKER + " near the coast.");
        assertThat(KafkaTestClients.readUntil(config.bootstrapServers(), Topics.ALERTS,
                r -> r.key().equals(good.id()), 1, WAIT)).hasSize(1);

        Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(byPosition.keySet());
        assertThat(deadLetters.keySet()).containsExactlyInAnyOrderElementsOf(byPosition.keySet());
        deadLetters.forEach((position, r) -> {
            Poison p = byPosition.get(position);
            assertThat(DlqHeaders.read(r.headers(), DlqHeaders.STAGE)).as(p.name()).isEqualTo("watches");
            assertThat(DlqHeaders.read(r.headers(), DlqHeaders.ERROR_MESSAGE)).as(p.name()).contains(p.reason());
            assertThat(r.key()).as(p.name()).isEqualTo(p.key());
            assertThat(r.value()).as(p.name()).isEqualTo(p.value());
        });
        assertThat(metrics.counter("raqib.sink.watches.rejected").count()).isGreaterThanOrEqualTo(poisons.size());

        try (SinkService restarted = new SinkService(SharedBroker.config("watch-poison-restart"), List.of())) {
            restarted.start(WAIT);
            assertThat(restarted.registry().get(good.id())).isEqualTo(good);
            assertThat(restarted.failure()).isNull();
        }
        assertThat(sink.failure()).isNull();
    }

    @Test
    void theApiRefusesTheSameInputsWithAJson400NamingTheField() throws Exception {
        for (Poison p : poisons()) {
            if (p.apiField() == null) {
                continue;
            }
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.port() + "/api/watches"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(p.value())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(p.name()).isEqualTo(400);
            JsonNode body = RaqibJson.mapper().readTree(response.body());
            assertThat(body.path("status").asInt()).as(p.name()).isEqualTo(400);
            assertThat(body.path("field").asText()).as(p.name()).isEqualTo(p.apiField());
            assertThat(body.path("error").asText()).as(p.name()).isNotBlank();
        }
        assertThat(sink.registry().all()).extracting(Watch::id).noneMatch(id -> id.startsWith("poison-"));
    }

    private static KafkaProducer<byte[], byte[]> rawProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void awaitRegistered(SinkService service, Watch watch) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (service.registry().get(watch.id()) == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(service.registry().get(watch.id())).isEqualTo(watch);
    }

    /** The first record on raqib.dlq for each of the raqib.watches positions ("partition@offset") wanted. */
    private static Map<String, ConsumerRecord<byte[], byte[]>> deadLetters(Set<String> wanted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        Map<String, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.DLQ.name()).forEach(i -> partitions.add(new TopicPartition(i.topic(),
                    i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (found.size() < wanted.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String position = DlqHeaders.read(r.headers(), DlqHeaders.PARTITION) + "@"
                            + DlqHeaders.read(r.headers(), DlqHeaders.OFFSET);
                    if (Topics.WATCHES.name().equals(DlqHeaders.read(r.headers(), DlqHeaders.TOPIC))
                            && wanted.contains(position)) {
                        found.putIfAbsent(position, r);
                    }
                }
            }
        }
        return found;
    }

    private static void publish(String id, String title, String body) throws Exception {
        KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_ENRICHED, id, new EnrichedArticle(id,
                "https://example.org/" + id, "example", title, body, null, "en", Instant.now(), Instant.now(), body,
                List.of(), List.of(), null, id));
    }
}
