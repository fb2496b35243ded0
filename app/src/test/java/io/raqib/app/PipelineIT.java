package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.StoryUpdate;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import io.raqib.ingest.ArticlePublisher;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import io.raqib.ingest.IngestSummary;
import io.raqib.sink.SinkService;
import io.raqib.sink.watches.WatchFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the real embedded broker: ingest → enrich → sink → raqib.alerts, plus the DLQ. */
class PipelineIT {

    private static final Path SAMPLES = Path.of("../samples");
    private static final Path SEED = SAMPLES.resolve("000_7c7fb83801401802.txt");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static RaqibConfig config;
    private static EnrichService enrich;
    private static SinkService sink;

    @BeforeAll
    static void startPipeline() throws Exception {
        config = SharedBroker.config("pipeline");
        enrich = new EnrichService(config, new ArticleEnricher(new LanguageDetector(), config.enrich()));
        sink = new SinkService(config,
                WatchFiles.read(Path.of("../deploy/watches.json"), config.sink().watchLimits()));
        enrich.start();
        sink.start(WAIT);
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        sink.close();
        enrich.close();
    }

    @Test
    void seedArticleRaisesBothAlertsWhileAPoisonRecordGoesToTheDlq() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicSpec<String, byte[]> rawBytes = new TopicSpec<>(Topics.ARTICLES_RAW.name(), Serdes.String(),
                Serdes.ByteArray(), false);
        KafkaTestClients.send(config.bootstrapServers(), rawBytes, poisonKey,
                "{\"title\": broken".getBytes(StandardCharsets.UTF_8));

        IngestSummary summary = ingest(List.of(SEED));

        assertThat(summary.published()).isEqualTo(1);
        String seedId = seedArticleId();
        List<ConsumerRecord<String, Alert>> alerts = KafkaTestClients.readUntil(config.bootstrapServers(),
                Topics.ALERTS, r -> seedId.equals(r.value().data().articleId()), 2, WAIT);
        assertThat(alerts).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("syrian-elections", "unsc-2254");
        assertThat(alerts).allSatisfy(r -> {
            assertThat(r.value().subject()).isEqualTo(r.key());
            assertThat(r.value().data().language()).isEqualTo("ar");
            assertThat(r.value().data().highlights()).isNotEmpty();
        });

        List<ConsumerRecord<byte[], byte[]>> dead = KafkaTestClients.readUntil(config.bootstrapServers(), Topics.DLQ,
                r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(poisonKey), 1, WAIT);
        assertThat(dead).hasSize(1);
        var headers = dead.get(0).headers();
        assertThat(DlqHeaders.read(headers, DlqHeaders.STAGE)).isEqualTo("enrich");
        assertThat(DlqHeaders.read(headers, DlqHeaders.TOPIC)).isEqualTo(Topics.ARTICLES_RAW.name());
        assertThat(DlqHeaders.read(headers, DlqHeaders.ERROR_CLASS)).endsWith("SerializationException");
        assertThat(DlqHeaders.read(headers, DlqHeaders.ERROR_MESSAGE)).contains("Article");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"title\": broken");
    }

    @Test
    void aWatchPublishedToTheWatchesTopicTakesEffectWithoutRestart(@TempDir Path dir) throws Exception {
        String marker = "zanzibarite" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        Watch watch = new Watch("topic-watch-" + marker, "Live watch", marker, null, null, List.of(), null, null);
        KafkaTestClients.send(config.bootstrapServers(), Topics.WATCHES, watch.id(), watch);
        Path article = dir.resolve("live.txt");
        Files.writeString(article, "Discovery of " + marker + "\nBy Test Desk\nGeologists described " + marker
                + " deposits found near the coast on Friday.\n");

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sink.registry().get(watch.id()) == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ingest(List.of(article));

        List<ConsumerRecord<String, Alert>> alerts = KafkaTestClients.readUntil(config.bootstrapServers(),
                Topics.ALERTS, r -> r.key().equals(watch.id()), 1, WAIT);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).value().data().highlights()).extracting(h -> h.text()).contains(marker);
    }

    @Test
    void aRewrittenCopyOfAnAlertedStoryStaysQuietAndAnUpdateWithNewTextAlertsSayingWhy(@TempDir Path dir)
            throws Exception {
        String marker = "quarkmoss" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        Watch watch = new Watch("story-watch-" + marker, "Story watch", marker, null, null, List.of(), null, null);
        KafkaTestClients.send(config.bootstrapServers(), Topics.WATCHES, watch.id(), watch);
        String story = "Engineers found " + marker + " growing inside the cooling towers of the northern power "
                + "station on Tuesday, forcing the operator to shut two of its four turbines while crews cleaned the "
                + "pipes. The company said supplies to homes were not affected and that the plant would be back at "
                + "full capacity by the end of the week.";
        String followUp = "On Thursday the energy ministry ordered inspections at every station on the river, and "
                + "biologists from the university said the warm water released by the plants had let the species "
                + "spread upstream for three summers. Fishermen told reporters that catches near the outflow had "
                + "halved, and the regional council asked for a report on the damage to the wetlands before winter.";
        Path original = write(dir, "original.txt", "Power station shuts turbines\n\n" + story);
        Path copy = write(dir, "copy.txt", "Cooling towers clogged, two turbines idle at northern plant\n"
                + "By Jane Doe, Reuters\nLONDON (Reuters) - " + story + "\n(Reporting by Jane Doe; Editing by "
                + "Sam Holmes)");
        Path update = write(dir, "update.txt", "Power station shuts turbines\n\n" + story + "\n" + followUp);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sink.registry().get(watch.id()) == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        ingest(List.of(original));
        KafkaTestClients.readUntil(config.bootstrapServers(), Topics.ALERTS, r -> r.key().equals(watch.id()), 1, WAIT);
        ingest(List.of(copy));
        String copyId = articleId(copy);
        List<ConsumerRecord<String, EnrichedArticle>> copyEnriched = KafkaTestClients.readUntil(
                config.bootstrapServers(), Topics.ARTICLES_ENRICHED, r -> r.key().equals(copyId), 1, WAIT);
        ingest(List.of(update));
        KafkaTestClients.readUntil(config.bootstrapServers(), Topics.ALERTS, r -> r.key().equals(watch.id()), 2, WAIT);
        List<ConsumerRecord<String, Alert>> alerts = KafkaTestClients.readUntil(config.bootstrapServers(),
                Topics.ALERTS, r -> r.key().equals(watch.id()), 3, Duration.ofSeconds(5));

        assertThat(copyEnriched.get(0).value().duplicateOf()).isEqualTo(articleId(original));
        assertThat(alerts).extracting(r -> r.value().data().articleId())
                .containsExactly(articleId(original), articleId(update));
        StoryUpdate why = alerts.get(1).value().data().storyUpdate();
        assertThat(why.storyId()).isEqualTo(articleId(original));
        assertThat(why.newText()).isGreaterThanOrEqualTo(0.4);
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text + "\n");
    }

    @Test
    void kcatReadsAlertsAsPlainCloudEventJson() throws Exception {
        Assumptions.assumeTrue(onPath("kcat"), "kcat not installed (.ci/run installs it)");
        ingest(List.of(SEED));
        String seedId = seedArticleId();
        KafkaTestClients.readUntil(config.bootstrapServers(), Topics.ALERTS,
                r -> seedId.equals(r.value().data().articleId()), 2, WAIT);

        Process kcat = new ProcessBuilder("kcat", "-C", "-b", config.bootstrapServers(), "-t", Topics.ALERTS.name(),
                "-e", "-q", "-f", "%k\t%h\t%s\n").redirectErrorStream(true).start();
        String output = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kcat.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> seedLines = output.lines().filter(l -> l.contains(seedId)).toList();
        assertThat(seedLines).isNotEmpty().allSatisfy(line -> {
            String[] parts = line.split("\t", 3);
            assertThat(parts[1]).contains("content-type=application/cloudevents+json");
            JsonNode event = RaqibJson.mapper().readTree(parts[2]);
            assertThat(event.path("subject").asText()).isEqualTo(parts[0]);
            assertThat(event.path("data").path("articleId").asText()).isEqualTo(seedId);
        });
        assertThat(seedLines).extracting(l -> l.split("\t")[0]).contains("syrian-elections", "unsc-2254");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static IngestSummary ingest(List<Path> files) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            return FileIngestor.toKafka(publisher, new ArticleValidator(config.maxArticleBytes()), files, Set.of());
        }
    }

    private static String seedArticleId() throws Exception {
        return articleId(SEED);
    }

    private static String articleId(Path file) throws Exception {
        String[] id = new String[1];
        new io.raqib.ingest.ArticleFileReader(new ArticleValidator(config.maxArticleBytes()))
                .read(file, a -> id[0] = a.id(), e -> { });
        return id[0];
    }
}
