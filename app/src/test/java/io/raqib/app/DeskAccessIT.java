package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.config.SinkSettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.sink.SinkService;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.api.AlertHistory;
import io.raqib.sink.api.WatchApi;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Desks' tokens against a running sink on the embedded broker, through the real HTTP server: a desk lists, reads,
 * writes, deletes and tests its own watches only and sees only their alerts on the stream; an operator sees all.
 */
class DeskAccessIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final TwoDesks DESKS = TwoDesks.create();
    private static final String RUN = DESKS.run();
    private static final String DESK_A = DESKS.deskA();
    private static final String DESK_B = DESKS.deskB();
    private static final String ADMIN = DESKS.admin();
    private static final String TOKEN_A = DESKS.tokenA();
    private static final String TOKEN_B = DESKS.tokenB();
    private static RaqibConfig config;
    private static SinkService sink;
    private static WatchStore store;
    private static AlertConsole console;
    private static HttpApi http;
    private static TopicTail<Alert> tail;

    @BeforeAll
    static void start() throws Exception {
        config = SharedBroker.config("desk-access");
        sink = new SinkService(config, List.of());
        sink.start(WAIT);
        store = new WatchStore(new KafkaClients(config), sink.registry(),
                new WatchAdmission(new SinkSettings(10, List.of())));
        console = new AlertConsole(store::get, AlertHistory.NONE);
        http = new HttpApi(DESKS.tokenEntries(), Metrics.registry(), List.of(
                new WatchApi(store, new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults())::enrich),
                console)).start("127.0.0.1", 0);
        tail = new TopicTail<>(new KafkaClients(config), Topics.ALERTS, console::accept);
    }

    @AfterAll
    static void stop() throws Exception {
        tail.close();
        http.close();
        console.close();
        store.close();
        sink.close();
    }

    private static HttpResponse<String> call(String token, String method, String path, String body)
            throws Exception {
        return TwoDesks.call(http.port(), token, method, path, body);
    }

    private static String watch(String id, String query, String desk) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"query\": \"" + query + "\""
                + (desk == null ? "" : ", \"desk\": \"" + desk + "\"") + "}";
    }

    private static void assertRefusedForDesk(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(TwoDesks.json(response).path("field").asText()).isEqualTo("desk");
        assertThat(TwoDesks.json(response).path("error").asText()).contains("desk '" + DESK_A + "'");
    }

    @Test
    void aDeskReachesOnlyItsOwnWatchesAndAnOperatorReachesAll() throws Exception {
        String idA = "a-own-" + RUN;
        String idB = "b-other-" + RUN;
        assertThat(call(ADMIN, "POST", "/api/watches", watch(idB, "wheat", DESK_B)).statusCode()).isEqualTo(201);
        HttpResponse<String> created = call(TOKEN_A, "POST", "/api/watches", watch(idA, "barley", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TwoDesks.json(created).path("desk").asText()).as("a desk token's watch gets its desk").isEqualTo(DESK_A);
        assertThat(sink.registry().get(idA).desk()).isEqualTo(DESK_A);

        JsonNode listed = TwoDesks.json(call(TOKEN_A, "GET", "/api/watches", null));
        assertThat(listed).extracting(w -> w.path("id").asText()).contains(idA).doesNotContain(idB);
        assertThat(listed).extracting(w -> w.path("desk").asText()).containsOnly(DESK_A);
        assertRefusedForDesk(call(TOKEN_A, "GET", "/api/watches?desk=" + DESK_B, null));
        assertRefusedForDesk(call(TOKEN_A, "GET", "/api/watches/" + idB, null));
        assertRefusedForDesk(call(TOKEN_A, "PUT", "/api/watches/" + idB, watch(idB, "stolen", null)));
        assertRefusedForDesk(call(TOKEN_A, "DELETE", "/api/watches/" + idB, null));
        assertRefusedForDesk(call(TOKEN_A, "POST", "/api/watches", watch("a-into-b-" + RUN, "oats", DESK_B)));
        assertRefusedForDesk(call(TOKEN_A, "POST", "/api/watches", watch(idB, "oats", null)));
        assertRefusedForDesk(call(TOKEN_A, "PUT", "/api/watches/" + idA, watch(idA, "barley", DESK_B)));
        assertRefusedForDesk(call(TOKEN_A, "POST", "/api/watches/test", "{\"watch\": " + watch(idB, "wheat", DESK_B)
                + ", \"text\": \"wheat prices\"}"));
        assertThat(sink.registry().get(idB).query()).as("B's watch untouched").isEqualTo("wheat");
        assertThat(sink.registry().get(idA).desk()).isEqualTo(DESK_A);
        assertThat(sink.registry().get("a-into-b-" + RUN)).isNull();

        HttpResponse<String> tested = call(TOKEN_A, "POST", "/api/watches/test", "{\"watch\": "
                + watch(idA, "barley", null) + ", \"text\": \"barley harvest\"}");
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
        assertThat(TwoDesks.json(tested).path("matched").asBoolean()).isTrue();
        assertThat(call(TOKEN_A, "PUT", "/api/watches/" + idA, watch(idA, "barley OR rye", null)).statusCode())
                .isEqualTo(200);
        assertThat(sink.registry().get(idA).query()).isEqualTo("barley OR rye");

        List<String> all = new ArrayList<>();
        TwoDesks.json(call(ADMIN, "GET", "/api/watches", null)).forEach(w -> all.add(w.path("id").asText()));
        assertThat(all).contains(idA, idB);
        assertThat(call(ADMIN, "GET", "/api/watches/" + idA, null).statusCode()).isEqualTo(200);
        assertThat(call(TOKEN_B, "DELETE", "/api/watches/" + idB, null).statusCode()).isEqualTo(204);
        assertThat(call(TOKEN_A, "DELETE", "/api/watches/" + idA, null).statusCode()).isEqualTo(204);
        assertThat(sink.registry().get(idA)).isNull();
    }

    @Test
    void aTokenInTheUrlIsRefusedOnTheWatchApi() throws Exception {
        HttpResponse<String> response = call(null, "GET", "/api/watches?token=" + TOKEN_A, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TwoDesks.json(response).path("error").asText()).contains("Authorization: Bearer");
    }

    @Test
    void aDeskSeesOnlyItsWatchesAlertsOnTheStreamAndAnOperatorSeesBoth() throws Exception {
        String marker = "zorvanite" + RUN.replaceAll("[0-9]", "q");
        String idA = "a-stream-" + RUN;
        String idB = "b-stream-" + RUN;
        assertThat(call(ADMIN, "POST", "/api/watches", watch(idA, marker, DESK_A)).statusCode()).isEqualTo(201);
        assertThat(call(ADMIN, "POST", "/api/watches", watch(idB, marker, DESK_B)).statusCode()).isEqualTo(201);
        String base = "http://127.0.0.1:" + http.port() + AlertConsole.STREAM + "?token=";

        try (SseReader deskA = new SseReader(base + TOKEN_A);
             SseReader operator = new SseReader(base + ADMIN)) {
            publish("art-" + marker, "News of " + marker, "Geologists found " + marker + " near the coast.");

            // The operator sees other tests' alerts too (one alerts topic); the desk must see nothing else.
            List<String> operatorSaw = watchesOfAlerts(operator, RUN, 2, WAIT);
            List<String> deskASaw = watchesOfAlerts(deskA, "", 2, Duration.ofSeconds(3));

            assertThat(operatorSaw).containsExactlyInAnyOrder(idA, idB);
            assertThat(deskASaw).containsExactly(idA);
        }
    }

    /** The ids containing {@code part} of the watches of the alerts the stream brings within {@code timeout}. */
    private static List<String> watchesOfAlerts(SseReader stream, String part, int max, Duration timeout)
            throws Exception {
        List<String> watches = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (watches.size() < max && System.nanoTime() < deadline) {
            SseReader.Event e = stream.next(Duration.ofMillis(200));
            String watch = e == null ? null : RaqibJson.mapper().readValue(e.data(), Alert.class).subject();
            if (watch != null && watch.contains(part)) {
                watches.add(watch);
            }
        }
        return watches;
    }

    private static void publish(String id, String title, String body) throws Exception {
        TwoDesks.publish(config, id, title, body);
    }
}
