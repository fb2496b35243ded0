package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.VolumeAlert;
import io.raqib.core.model.Watch;
import io.raqib.sink.api.ApiCaller;
import io.raqib.sink.api.HistoryApi;
import io.raqib.sink.history.AlertHistoryService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert history against the embedded broker, over the real HTTP server: alerts written to {@code raqib.alerts}
 * are searched with an operator's and a desk's token, exported as CSV and JSON Lines, and still there after the
 * history restarts (from its index) and after its index is lost (rebuilt from the topic).
 */
class HistoryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String DESK_A = "levant-" + RUN;
    private static final String DESK_B = "gulf-" + RUN;
    private static final String WATCH_A = "wheat-" + RUN;
    private static final String WATCH_B = "oil-" + RUN;
    private static final String ADMIN = "operator-token-" + RUN;
    private static final String TOKEN_A = "levant-token-" + RUN;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;
    private RaqibConfig config;
    private AlertHistoryService history;
    private HttpApi http;
    /** The JSON of each alert written, newest first. */
    private final List<String> writtenA = new ArrayList<>();
    private final List<String> writtenB = new ArrayList<>();

    @BeforeEach
    void writeAlertsAndStart() throws Exception {
        config = SharedBroker.config("history");
        writtenA.add(alert("a1", WATCH_A, NOW.minus(3, ChronoUnit.HOURS), "Wheat harvest fails", "the harvest"));
        writtenB.add(alert("b1", WATCH_B, NOW.minus(2, ChronoUnit.HOURS), "=HYPERLINK(\"http://x\")", "crude, oil"));
        writtenA.add(0, alert("a2", WATCH_A, NOW.minus(1, ChronoUnit.HOURS), "الحرب في سورية", "أسعار القمح"));
        writtenA.add(0, RaqibJson.write(VolumeAlert.of(VolumeAlert.SPIKE, "s1-" + RUN, WATCH_A,
                NOW.minusSeconds(60), new VolumeAlert.Data("watch", WATCH_A, "Wheat", null, NOW.minusSeconds(3600),
                        NOW, 30L, 3.0, null, null, null))));
        writtenB.add(0, alert("b2", WATCH_B, NOW.minusSeconds(30), "Oil prices", "crude rose"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                new KafkaClients(config).producer(Map.of()), new StringSerializer(), new StringSerializer())) {
            String pastRetention = alert("old", WATCH_A, NOW.minus(100, ChronoUnit.DAYS), "Wheat", "old harvest");
            for (String json : List.of(pastRetention, writtenA.get(2), writtenB.get(1), writtenA.get(1),
                    writtenA.get(0), writtenB.get(0))) {
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), RUN, json)).get();
            }
        }
        startHistory();
    }

    @AfterEach
    void stop() throws Exception {
        stopHistory();
    }

    private void startHistory() throws IOException {
        history = new AlertHistoryService(new KafkaClients(config), dir.resolve("history"), Duration.ofDays(90),
                HistoryIT::watch).start();
        http = new HttpApi(List.of(ApiTokens.entryFor(ApiCaller.ADMIN, ADMIN),
                ApiTokens.entryFor(ApiCaller.ofDesk(DESK_A), TOKEN_A)), Metrics.registry(),
                List.of(new HistoryApi(history.index()))).start("127.0.0.1", 0);
    }

    private void stopHistory() throws Exception {
        http.close();
        history.close();
    }

    private static Watch watch(String id) {
        String desk = id.equals(WATCH_A) ? DESK_A : id.equals(WATCH_B) ? DESK_B : null;
        if (desk == null) {
            return null;
        }
        try {
            return RaqibJson.mapper().readValue("{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"query\": \"x\", "
                    + "\"desk\": \"" + desk + "\"}", Watch.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String alert(String id, String watchId, Instant time, String title, String fragment) {
        return RaqibJson.write(Alert.of(id + "-" + RUN, time, new AlertData(watchId, "Watch " + watchId, "art-" + id,
                title, "https://news.example.org/" + id, "example-news", "ar", List.of(new Highlight("text", 0, 3,
                "x", fragment)), List.of(), List.of())));
    }

    private HttpResponse<String> get(String token, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + pathAndQuery))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode search(String token, String query) throws Exception {
        HttpResponse<String> response = get(token, HistoryApi.SEARCH + "?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RaqibJson.mapper().readTree(response.body());
    }

    private JsonNode awaitTotal(String query, int total) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode found = search(ADMIN, query);
        while (found.path("total").asInt() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = search(ADMIN, query);
        }
        assertThat(found.path("total").asInt()).as(found.toString()).isEqualTo(total);
        return found;
    }

    private static List<JsonNode> trees(List<String> json) throws IOException {
        List<JsonNode> trees = new ArrayList<>();
        for (String j : json) {
            trees.add(RaqibJson.mapper().readTree(j));
        }
        return trees;
    }

    private static List<JsonNode> alertsOf(JsonNode page) {
        List<JsonNode> alerts = new ArrayList<>();
        page.path("alerts").forEach(alerts::add);
        return alerts;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void searchesExportsAndKeepsAlertsOverRestarts() throws Exception {
        JsonNode deskA = awaitTotal("desk=" + DESK_A, 3);
        assertThat(alertsOf(deskA)).as("the events as on the topic, newest first").isEqualTo(trees(writtenA));
        awaitTotal("desk=" + DESK_B, 2);
        assertThat(alertsOf(search(ADMIN, "watch=" + WATCH_A + "&type=raqib.alert"))).isEqualTo(trees(
                writtenA.subList(1, 3)));
        assertThat(alertsOf(search(ADMIN, "desk=" + DESK_A + "&q=" + encoded("الحــــرب"))))
                .isEqualTo(trees(writtenA.subList(1, 2)));
        JsonNode page = search(ADMIN, "watch=" + WATCH_B + "&size=1&page=1");
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(alertsOf(page)).isEqualTo(trees(writtenB.subList(1, 2)));
        assertThat(alertsOf(search(ADMIN, "watch=" + WATCH_B + "&from=" + encoded(NOW.minusSeconds(60).toString()))))
                .isEqualTo(trees(writtenB.subList(0, 1)));

        JsonNode own = search(TOKEN_A, "");
        assertThat(own.path("total").asInt()).as("a desk sees its desk's alerts only").isEqualTo(3);
        assertThat(alertsOf(own)).isEqualTo(trees(writtenA));
        assertThat(search(TOKEN_A, "watch=" + WATCH_B).path("total").asInt()).isZero();
        HttpResponse<String> foreign = get(TOKEN_A, HistoryApi.SEARCH + "?desk=" + DESK_B);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(RaqibJson.mapper().readTree(foreign.body()).path("field").asText()).isEqualTo("desk");
        assertThat(get(TOKEN_A, HistoryApi.EXPORT + "?format=csv&desk=" + DESK_B).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = get(ADMIN, HistoryApi.SEARCH + "?size=501");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RaqibJson.mapper().readTree(bad.body()).path("field").asText()).isEqualTo("size");
        assertThat(RaqibJson.mapper().readTree(get(ADMIN, HistoryApi.SEARCH + "?from=yesterday").body())
                .path("field").asText()).isEqualTo("from");

        HttpResponse<String> csv = get(ADMIN, HistoryApi.EXPORT + "?format=csv&desk=" + DESK_B);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=")
                .endsWith(".csv\"");
        assertThat(csv.body().split("\r\n")).containsExactly(
                "\uFEFFtime,alertId,watchId,watchName,desk,articleId,title,url,source,language,storyId,fragment",
                NOW.minusSeconds(30) + ",b2-" + RUN + "," + WATCH_B + ",Watch " + WATCH_B + "," + DESK_B
                        + ",art-b2,Oil prices,https://news.example.org/b2,example-news,ar,,crude rose",
                NOW.minus(2, ChronoUnit.HOURS) + ",b1-" + RUN + "," + WATCH_B + ",Watch " + WATCH_B + "," + DESK_B
                        + ",art-b1,\"'=HYPERLINK(\"\"http://x\"\")\",https://news.example.org/b1,example-news,ar,,"
                        + "\"crude, oil\"");
        HttpResponse<String> jsonl = get(TOKEN_A, HistoryApi.EXPORT + "?format=jsonl");
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Disposition").orElse("")).endsWith(".jsonl\"");
        assertThat(trees(List.of(jsonl.body().split("\n")))).isEqualTo(trees(writtenA));

        stopHistory();
        startHistory();
        assertThat(history.index().committedPositions()).as("positions committed on close").isNotEmpty();
        assertThat(alertsOf(search(TOKEN_A, ""))).as("kept over a restart").isEqualTo(trees(writtenA));
        assertThat(search(ADMIN, "desk=" + DESK_B).path("total").asInt()).isEqualTo(2);

        stopHistory();
        Directories.deleteRecursively(dir.resolve("history"));
        startHistory();
        awaitTotal("desk=" + DESK_A, 3);
        assertThat(alertsOf(search(TOKEN_A, ""))).as("rebuilt from the topic").isEqualTo(trees(writtenA));
    }
}
