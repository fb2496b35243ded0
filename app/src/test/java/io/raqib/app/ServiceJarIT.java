package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.app.faults.RaqibProcess;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image's jar, {@code raqib-service.jar} (no embedded broker; native libraries for Linux only), run as processes
 * against the test's broker: the stages work with their persistent stores and every compression codec, and the
 * commands that need the embedded broker say to use raqib.jar instead of failing on a missing class.
 */
class ServiceJarIT {

    private static final Path SERVICE_JAR = Path.of("target/raqib-service.jar").toAbsolutePath();
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void enrichAndSinkRunWithTheirPersistentStoresAndRaiseAnAlert(@TempDir Path dir) throws Exception {
        String bootstrap = SharedBroker.get().bootstrapServers();
        String marker = "lazurite" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        Path watches = dir.resolve("watches.json");
        // The article writes سلام in Arabic presentation forms (ﺳﻼﻡ): it matches only through NFKC (ICU).
        Files.writeString(watches, "[{\"id\": \"" + marker + "\", \"name\": \"Service jar\", \"query\": \"" + marker
                + " AND سلام\"}]");
        Path article = dir.resolve("article.txt");
        Files.writeString(article, "Report on " + marker + "\nBy Test Desk\nThe " + marker + " talks ended with "
                + "a call for ﺳﻼﻡ in the region on Friday.\n", StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("RAQIB_BOOTSTRAP_SERVERS", bootstrap,
                "RAQIB_APPLICATION_ID", "service-jar-" + marker,
                "RAQIB_STATE_DIR", dir.resolve("state").toString(),
                "RAQIB_WATCHES_FILE", watches.toString());

        // Import writes lz4 batches; enrich zstd and sink snappy ones: each codec's native library is loaded.
        try (RaqibProcess enrich = service("enrich", dir, compressing(env, "zstd"), List.of("enrich"));
             RaqibProcess sink = service("sink", dir, compressing(env, "snappy"), List.of("sink"))) {
            awaitLine(enrich, "^raqib enrich: running");
            awaitLine(sink, "^raqib sink: running");
            try (RaqibProcess importer = service("import", dir, env, List.of("import", "--no-progress",
                    article.toString()))) {
                assertThat(importer.awaitExit(START)).as(importer.stderrTail(20)).hasValue(0);
            }

            List<ConsumerRecord<String, Alert>> alerts = KafkaTestClients.readUntil(bootstrap, Topics.ALERTS,
                    r -> r.key().equals(marker), 1, WAIT);
            assertThat(alerts).as("enrich:\n%s\nsink:\n%s", enrich.lastErrors(20), sink.lastErrors(20)).hasSize(1);
            assertThat(alerts.get(0).value().data().highlights()).extracting(h -> h.text()).contains(marker);
        }
        try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("rocksdb"))).as("RocksDB store folders")
                    .isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "broker --data-dir kafka", "bench e2e --corpus . --watches w.json",
        "import --embedded a.txt"})
    void commandsThatNeedTheEmbeddedBrokerNameTheFullJar(String command, @TempDir Path dir) throws Exception {
        try (RaqibProcess run = service("run", dir, Map.of(), List.of(command.split(" ")))) {
            assertThat(run.awaitExit(START)).as(run.stderrTail(20)).hasValue(1);
            String name = command.startsWith("bench") ? "bench e2e" : command.split(" ")[0];
            assertThat(run.stderrTail(20)).contains("raqib " + name + ": needs the embedded Kafka broker, which "
                    + "only raqib.jar has").doesNotContain("NoClassDefFoundError");
        }
        assertThat(dir.resolve("logs").resolve("kafka")).as("nothing made before the refusal").doesNotExist();
    }

    /** The stage's environment: its producers writing {@code codec} batches, its HTTP server on a port of its own. */
    private static Map<String, String> compressing(Map<String, String> env, String codec) throws IOException {
        Map<String, String> with = new HashMap<>(env);
        with.put("RAQIB_KAFKA_COMPRESSION_TYPE", codec);
        with.put("RAQIB_HTTP_PORT", Integer.toString(EmbeddedBroker.freePort()));
        return with;
    }

    /** {@code java -jar raqib-service.jar args…} in {@code dir/logs}, where its output goes too. */
    private static RaqibProcess service(String name, Path dir, Map<String, String> env, List<String> args)
            throws IOException {
        return RaqibProcess.start(SERVICE_JAR, name, dir.resolve("logs"), env, args);
    }

    private static void awaitLine(RaqibProcess p, String line) throws InterruptedException {
        assertThat(p.awaitOutput(Pattern.compile(line), START)).as("%s ready; stderr:%n%s", p.name(),
                p.lastErrors(20)).isTrue();
    }
}
