package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.app.faults.PipelineCluster;
import io.raqib.app.faults.RaqibProcess;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the provisioned Grafana dashboard queries is exported by the stages as docker-compose runs them:
 * {@code raqib ingest}, {@code enrich} and {@code sink} as processes of their own on the embedded broker, an
 * article pushed through them that fires a watch and a poison record for each stage's dead-letter path, then their
 * {@code /metrics} scraped until every name of the dashboard has appeared.
 */
class DashboardMetricsIT {

    private static final String TOKEN = "dashboard-token";
    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration EXPORTED = Duration.ofSeconds(90);
    private static final Map<String, Pattern> READY = Map.of(
            "ingest", Pattern.compile("^raqib ingest: .*POST "),
            "enrich", Pattern.compile("^raqib enrich: running"),
            "sink", Pattern.compile("^raqib sink: running"));
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyDashboardMetricIsExportedByARunningStage(@TempDir Path dir) throws Exception {
        Set<String> wanted = DashboardMetrics.names(DashboardMetrics.DASHBOARD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String marker = "dashboardmarker" + run;
        Path watches = Files.writeString(dir.resolve("watches.json"), "[{\"id\": \"dash-" + run + "\", "
                + "\"name\": \"Dashboard\", \"query\": \"" + marker + "\", \"owner\": \"it@example.org\", "
                + "\"desk\": \"it-desk\"}]");
        Path feeds = Files.writeString(dir.resolve("feeds.yaml"), "[]\n");
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<RaqibProcess> stages = new ArrayList<>();
        try {
            for (String stage : List.of("ingest", "enrich", "sink")) {
                ports.put(stage, PipelineCluster.freePort());
                List<String> args = switch (stage) {
                    case "ingest" -> List.of("ingest", "--feeds", feeds.toString());
                    case "sink" -> List.of("sink", "--watches", watches.toString());
                    default -> List.of(stage);
                };
                stages.add(RaqibProcess.start(stage, dir.resolve("logs"), env(run, dir, ports.get(stage)), args));
            }
            for (RaqibProcess stage : stages) {
                assertThat(stage.awaitOutput(READY.get(stage.name()), START))
                        .as("%s ready; stderr:%n%s", stage.name(), stage.lastErrors(10)).isTrue();
            }
            push(ports.get("ingest"), "{\"title\": \"" + marker + " in the news\", \"body\": \"A story about "
                    + marker + ".\", \"source\": \"it\", \"language\": \"en\"}");
            sendPoison(Topics.ARTICLES_RAW, "poison-raw-" + run);
            sendPoison(Topics.ARTICLES_ENRICHED, "poison-enriched-" + run);
            // The article went all the way: the alert metrics have had something to count.
            assertThat(KafkaTestClients.readUntil(SharedBroker.get().bootstrapServers(), Topics.ALERTS,
                    r -> ("dash-" + run).equals(r.key()), 1, START)).hasSize(1);

            Map<String, String> unreachable = new TreeMap<>();
            Set<String> exported = new TreeSet<>();
            long deadline = System.nanoTime() + EXPORTED.toNanos();
            do {
                Thread.sleep(1_000);
                unreachable.clear();
                ports.forEach((stage, port) -> scrape(port, exported, unreachable, stage));
            } while (!exported.containsAll(wanted) && System.nanoTime() < deadline);

            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(exported);
            assertThat(missing).as("dashboard metrics no stage exports (stages whose /metrics did not answer: %s)",
                    unreachable).isEmpty();
        } finally {
            for (RaqibProcess stage : stages) {
                stage.close();
            }
        }
    }

    private static Map<String, String> env(String run, Path dir, int port) {
        return Map.of("RAQIB_BOOTSTRAP_SERVERS", SharedBroker.get().bootstrapServers(),
                "RAQIB_APPLICATION_ID", "dashboard-" + run,
                "RAQIB_STATE_DIR", dir.resolve("state-" + port).toString(),
                "RAQIB_HTTP_PORT", Integer.toString(port),
                "RAQIB_API_TOKENS", TOKEN);
    }

    private void push(int port, String article) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/articles"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(article)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** A record of {@code topic} that is not an article: the stage reading it dead-letters it. */
    private static void sendPoison(TopicSpec<?, ?> topic, String key) throws Exception {
        KafkaTestClients.send(SharedBroker.get().bootstrapServers(),
                new TopicSpec<>(topic.name(), Serdes.String(), Serdes.ByteArray(), false), key,
                "{\"title\": \"no id here\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** Adds the sample names of a stage's /metrics to {@code names}; a stage that does not answer is noted. */
    private void scrape(int port, Set<String> names, Map<String, String> unreachable, String stage) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                unreachable.put(stage, "HTTP " + response.statusCode());
                return;
            }
            response.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        } catch (IOException e) {
            unreachable.put(stage, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unreachable.put(stage, "interrupted");
        }
    }
}
