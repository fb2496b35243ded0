package io.raqib.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.config.SinkSettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.sink.SinkService;
import io.raqib.sink.api.WatchApi;
import io.raqib.sink.delivery.DeskTopics;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Watch CRUD through the REST API reaching a running sink on the embedded broker, desk topics included. */
class WatchApiIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOKEN = "it-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RaqibConfig config;
    private static SinkService sink;
    private static WatchStore store;
    private static HttpApi http;

    @BeforeAll
    static void start() throws Exception {
        config = SharedBroker.config("watch-api");
        sink = new SinkService(config, List.of());
        sink.start(WAIT);
        store = new WatchStore(new KafkaClients(config), sink.registry(),
                new WatchAdmission(new SinkSettings(3, List.of("http://127.0.0.1/hooks/"))));
        http = new HttpApi(List.of(TOKEN), Metrics.registry(), List.of(new WatchApi(store,
                new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults())::enrich))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        store.close();
        sink.close();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return RaqibJson.mapper().readTree(response.body());
    }

    @Test
    void createdWatchAlertsOnRaqibAlertsAndItsDeskTopicThenUpdateAndDeleteTakeEffect() throws Exception {
        String marker = "qorvanite" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "k");
        String desk = "desk-" + marker;
        HttpResponse<String> created = call("POST", "/api/watches", "{\"name\": \"Mineral\", \"query\": \"" + marker
                + "\", \"desk\": \"" + desk + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asText();
        assertThat(json(call("GET", "/api/watches/" + id, null)).path("query").asText()).isEqualTo(marker);
        assertThat(json(call("GET", "/api/watches?desk=" + desk, null))).hasSize(1);

        publish("a-" + marker, "News of " + marker, "Geologists found " + marker + " near the coast.");
        List<ConsumerRecord<String, Alert>> alerts = KafkaTestClients.readUntil(config.bootstrapServers(),
                Topics.ALERTS, r -> r.key().equals(id), 1, WAIT);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).value().data().highlights()).extracting(h -> h.text()).contains(marker);
        TopicSpec<String, Alert> deskTopic = new TopicSpec<>(DeskTopics.topicOf(desk), Serdes.String(),
                Topics.ALERTS.valueSerde(), false);
        assertThat(KafkaTestClients.readUntil(config.bootstrapServers(), deskTopic, r -> r.key().equals(id), 1, WAIT))
                .hasSize(1);

        HttpResponse<String> updated = call("PUT", "/api/watches/" + id, "{\"name\": \"Mineral\", \"query\": \""
                + marker + " AND title:report\", \"desk\": \"" + desk + "\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(sink.registry().get(id).query()).endsWith("title:report");

        assertThat(call("DELETE", "/api/watches/" + id, null).statusCode()).isEqualTo(204);
        assertThat(sink.registry().get(id)).isNull();
        assertThat(call("GET", "/api/watches/" + id, null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/watches/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badQueryIsRefusedWithFieldAndColumnAndNothingIsStored() throws Exception {
        HttpResponse<String> refused = call("POST", "/api/watches", "{\"id\": \"bad-q\", \"name\": \"x\", "
                + "\"query\": \"wheat AND (flour\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = json(refused);
        assertThat(body.path("field").asText()).isEqualTo("query");
        assertThat(body.path("column").asInt()).isPositive();
        assertThat(body.path("error").asText()).contains("bad-q");
        assertThat(sink.registry().get("bad-q")).isNull();
    }

    @Test
    void aMisspeltFieldOrAThrottleThatIsNotADurationIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> misspelt = call("POST", "/api/watches", "{\"id\": \"typo\", \"name\": \"x\", "
                + "\"query\": \"wheat\", \"langauges\": [\"ar\"]}");
        HttpResponse<String> hourly = call("PUT", "/api/watches/hourly", "{\"name\": \"x\", \"query\": \"wheat\", "
                + "\"throttle\": \"1h\"}");

        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(json(misspelt).path("field").asText()).isEqualTo("langauges");
        assertThat(json(misspelt).path("error").asText()).contains("unknown field 'langauges'");
        assertThat(hourly.statusCode()).isEqualTo(400);
        assertThat(json(hourly).path("field").asText()).isEqualTo("throttle");
        assertThat(json(hourly).path("error").asText()).contains("'1h' is not an ISO-8601 duration");
        assertThat(sink.registry().get("typo")).isNull();
        assertThat(sink.registry().get("hourly")).isNull();
    }

    @Test
    void aWebhookOutsideTheAllowListIsRefusedAndAnAllowedOneIsStored() throws Exception {
        HttpResponse<String> refused = call("POST", "/api/watches", "{\"id\": \"hook-bad\", \"name\": \"x\", "
                + "\"query\": \"wheat\", \"webhook\": \"http://169.254.169.254/latest/meta-data\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("field").asText()).isEqualTo("webhook");
        assertThat(sink.registry().get("hook-bad")).isNull();
        assertThat(call("POST", "/api/watches", "{\"id\": \"hook-ok\", \"name\": \"x\", \"query\": \"wheat\", "
                + "\"webhook\": \"http://127.0.0.1/hooks/desk\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void deskLimitIsEnforced() throws Exception {
        String desk = "full-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            assertThat(call("POST", "/api/watches", "{\"id\": \"" + desk + "-" + i + "\", \"name\": \"n\", "
                    + "\"query\": \"limit" + i + "\", \"desk\": \"" + desk + "\"}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> fourth = call("POST", "/api/watches", "{\"id\": \"" + desk + "-3\", \"name\": \"n\", "
                + "\"query\": \"limit\", \"desk\": \"" + desk + "\"}");

        assertThat(fourth.statusCode()).isEqualTo(422);
        assertThat(json(fourth).path("error").asText()).contains("limit 3");
    }

    @Test
    void testEndpointShowsHighlightsOnDisguisedTextWithoutStoring() throws Exception {
        String body = "{\"watch\": {\"id\": \"dry-run\", \"query\": \"\\\"قوى الإرهاب\\\"\"}, "
                + "\"title\": \"خبر\", \"text\": \"ستواصل روسيا لمكـ.ـافحة قوى الإرهـ.ـاب والتطـ.ـرف في سوريا.\"}";

        HttpResponse<String> response = call("POST", "/api/watches/test", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("matched").asBoolean()).isTrue();
        assertThat(result.path("highlights").get(0).path("text").asText()).isEqualTo("قوى الإرهـ.ـاب");
        assertThat(result.path("highlights").get(0).path("field").asText()).isEqualTo("body");
        assertThat(sink.registry().get("dry-run")).isNull();
    }

    @Test
    void apiNeedsTheToken() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + http.port() + "/api/watches")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static void publish(String id, String title, String body) throws Exception {
        KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_ENRICHED, id, new EnrichedArticle(id,
                "https://example.org/" + id, "example", title, body, null, "en", Instant.now(), Instant.now(), body,
                List.of(), List.of(), null, id));
    }
}
