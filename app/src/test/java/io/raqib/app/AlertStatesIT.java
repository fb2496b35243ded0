package io.raqib.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.config.SinkSettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertState;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.sink.SinkService;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.api.AlertHistory;
import io.raqib.sink.api.AlertStateApi;
import io.raqib.sink.api.WatchApi;
import io.raqib.sink.history.AlertHistoryService;
import io.raqib.sink.states.AlertStates;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchStore;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alert states against a running sink on the embedded broker, through the real HTTP server: a muted watch raises no
 * alert (a replacement of the watch keeps the mute) and its next alert after the mute counts what was held back; a desk acknowledges and assigns an alert of its
 * watch, reads the state back, and its live console gets the change, while another desk can neither set nor see it,
 * not even by naming a watch of its own; a state for an alert the history does not hold is refused.
 */
class AlertStatesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final TwoDesks DESKS = TwoDesks.create();
    private static final String RUN = DESKS.run();
    private static final String DESK_A = DESKS.deskA();
    private static final String DESK_B = DESKS.deskB();
    private static final String ADMIN = DESKS.admin();
    private static final String TOKEN_A = DESKS.tokenA();
    private static final String TOKEN_B = DESKS.tokenB();
    private static final Queue<Alert> ALERTS = new ConcurrentLinkedQueue<>();
    private static final SimpleMeterRegistry SINK_METRICS = new SimpleMeterRegistry();
    private static RaqibConfig config;
    private static SinkService sink;
    private static WatchStore store;
    private static AlertConsole console;
    private static AlertStates states;
    private static AlertHistoryService history;
    private static HttpApi http;
    private static TopicTail<Alert> tail;

    @BeforeAll
    static void start() throws Exception {
        config = SharedBroker.config("alert-states");
        sink = new SinkService(config, List.of(), SINK_METRICS);
        sink.start(WAIT);
        KafkaClients clients = new KafkaClients(config);
        store = new WatchStore(clients, sink.registry(), new WatchAdmission(new SinkSettings(10, List.of())));
        console = new AlertConsole(store::get, AlertHistory.NONE);
        states = new AlertStates(clients, console::acceptState).start();
        history = new AlertHistoryService(clients, Files.createTempDirectory("alert-states-history"),
                Duration.ofDays(1), store::get).start();
        http = new HttpApi(DESKS.tokenEntries(), Metrics.registry(), List.of(
                new WatchApi(store, new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults())::enrich),
                console, new AlertStateApi(store::get,
                        List.of(console::subjectOf, history.index()::subjectOf), states)))
                .start("127.0.0.1", 0);
        tail = new TopicTail<>(clients, Topics.ALERTS, alert -> {
            ALERTS.add(alert);
            console.accept(alert);
        });
        await(() -> states.health().ready(), "the alert states loaded");
    }

    @AfterAll
    static void stop() throws Exception {
        tail.close();
        http.close();
        history.close();
        states.close();
        console.close();
        store.close();
        sink.close();
    }

    @Test
    void aMutedWatchRaisesNoAlertAndItsFirstAlertAfterTheMuteCountsTheHeldBackMatches() throws Exception {
        String marker = "mutarite" + RUN.replaceAll("[0-9]", "q");
        String id = "muted-" + RUN;
        assertThat(call(TOKEN_A, "POST", "/api/watches", watch(id, marker)).statusCode()).isEqualTo(201);

        assertBadRequest(call(TOKEN_A, "PUT", "/api/watches/" + id + "/mute", "{\"until\": \"2020-01-01T00:00:00Z\"}"),
                "until");
        assertBadRequest(call(TOKEN_A, "PUT", "/api/watches/" + id + "/mute", "{\"for\": \"P31D\"}"), "for");
        assertBadRequest(call(TOKEN_A, "PUT", "/api/watches/" + id + "/mute", "{\"for\": \"two hours\"}"), "for");
        assertBadRequest(call(TOKEN_A, "PUT", "/api/watches/" + id + "/mute", "{\"until\": \"tomorrow\"}"), "until");
        assertThat(call(TOKEN_B, "PUT", "/api/watches/" + id + "/mute", "{\"for\": \"PT2H\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> muted = call(TOKEN_A, "PUT", "/api/watches/" + id + "/mute", "{\"for\": \"PT2H\"}");
        assertThat(muted.statusCode()).as(muted.body()).isEqualTo(200);
        Instant until = Instant.parse(TwoDesks.json(muted).path("mutedUntil").asText());
        assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(119)), Instant.now().plusSeconds(7200));
        assertThat(sink.registry().get(id).mutedUntil()).isEqualTo(until);
        HttpResponse<String> replaced = call(TOKEN_A, "PUT", "/api/watches/" + id, watch(id, marker));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(sink.registry().get(id).mutedUntil()).as("a replacement silent on the mute keeps it")
                .isEqualTo(until);

        publish("m1-" + marker, marker + " found", "Miners found " + marker + " in the hills.");
        await(() -> mutedCount() >= 1, "the muted match counted");
        HttpResponse<String> unmuted = call(TOKEN_A, "DELETE", "/api/watches/" + id + "/mute", null);
        assertThat(unmuted.statusCode()).as(unmuted.body()).isEqualTo(200);
        assertThat(TwoDesks.json(unmuted).has("mutedUntil")).isFalse();
        publish("m2-" + marker, marker + " mined", "The first " + marker + " was mined today.");

        await(() -> ALERTS.stream().anyMatch(a -> a.subject().equals(id)), "the alert after the mute");
        List<Alert> alerts = ALERTS.stream().filter(a -> a.subject().equals(id)).toList();
        assertThat(alerts).extracting(a -> a.data().articleId()).containsExactly("m2-" + marker);
        assertThat(alerts.get(0).data().suppressedSince()).isEqualTo(1);
    }

    @Test
    void aDeskAcknowledgesAndAssignsItsAlertItsConsoleSeesItAndAnotherDeskCannotTouchIt() throws Exception {
        String id = "stated-" + RUN;
        String marker = "barleyr" + RUN.replaceAll("[0-9]", "q");
        assertThat(call(TOKEN_A, "POST", "/api/watches", watch(id, marker)).statusCode()).isEqualTo(201);
        publish("s1-" + marker, marker + " harvest", "The " + marker + " harvest began.");
        await(() -> ALERTS.stream().anyMatch(a -> a.subject().equals(id)), "the alert to give a state");
        String alertId = ALERTS.stream().filter(a -> a.subject().equals(id)).findFirst().orElseThrow().id();
        String path = "/api/watches/" + id + "/alerts/" + alertId + "/state";
        String stream = "http://127.0.0.1:" + http.port() + AlertConsole.STREAM + "?token=";

        String deskBWatch = "squat-" + RUN;
        assertThat(call(TOKEN_B, "POST", "/api/watches", watch(deskBWatch, "oats")).statusCode()).isEqualTo(201);
        HttpResponse<String> squatted = call(TOKEN_B, "PUT", "/api/watches/" + deskBWatch + "/alerts/" + alertId
                + "/state", "{\"status\": \"acknowledged\"}");
        assertThat(squatted.statusCode()).as("another desk's alert under a watch of its own: " + squatted.body())
                .isEqualTo(409);
        HttpResponse<String> invented = call(TOKEN_A, "PUT", "/api/watches/" + id + "/alerts/invented-" + RUN
                + "/state", "{\"status\": \"acknowledged\"}");
        assertThat(invented.statusCode()).as(invented.body()).isEqualTo(404);
        assertThat(TwoDesks.json(invented).path("field").asText()).isEqualTo("alertId");

        try (SseReader consoleA = new SseReader(stream + TOKEN_A);
             SseReader consoleB = new SseReader(stream + TOKEN_B)) {
            assertThat(call(TOKEN_B, "PUT", path, "{\"status\": \"acknowledged\"}").statusCode()).isEqualTo(403);
            assertThat(call(TOKEN_A, "PUT", "/api/watches/nope-" + RUN + "/alerts/" + alertId + "/state",
                    "{\"status\": \"acknowledged\"}").statusCode()).isEqualTo(404);
            assertBadRequest(call(TOKEN_A, "PUT", path, "{\"status\": \"closed\"}"), "status");
            assertBadRequest(call(TOKEN_A, "PUT", path, "{\"status\": \"open\", \"asignee\": \"ana\"}"), "asignee");

            HttpResponse<String> set = call(TOKEN_A, "PUT", path,
                    "{\"status\": \"acknowledged\", \"assignee\": \"ana\"}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            AlertState state = RaqibJson.mapper().readValue(set.body(), AlertState.class);
            assertThat(state).extracting(AlertState::alertId, AlertState::watchId, AlertState::desk,
                    AlertState::status, AlertState::assignee, AlertState::updatedBy)
                    .containsExactly(alertId, id, DESK_A, "acknowledged", "ana", DESK_A);

            SseReader.Event event = nextState(consoleA, WAIT);
            assertThat(event).as("desk A's console gets the state").isNotNull();
            assertThat(RaqibJson.mapper().readValue(event.data(), AlertState.class)).isEqualTo(state);
            assertThat(nextState(consoleB, Duration.ofSeconds(2))).as("desk B's console does not").isNull();
        }

        String read = "/api/alerts/states?ids=" + alertId + ",unknown-" + RUN;
        JsonNode byA = TwoDesks.json(call(TOKEN_A, "GET", read, null));
        assertThat(byA.size()).isEqualTo(1);
        assertThat(byA.path(alertId).path("assignee").asText()).isEqualTo("ana");
        assertThat(TwoDesks.json(call(TOKEN_B, "GET", read, null)).size()).as("another desk sees nothing").isZero();
        assertThat(TwoDesks.json(call(ADMIN, "GET", read, null)).path(alertId).path("status").asText())
                .isEqualTo("acknowledged");
        assertBadRequest(call(TOKEN_A, "GET", "/api/alerts/states", null), "ids");

        HttpResponse<String> reopened = call(ADMIN, "PUT", path, "{\"status\": \"open\", \"assignee\": null}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        JsonNode open = TwoDesks.json(call(TOKEN_A, "GET", read, null)).path(alertId);
        assertThat(open.path("status").asText()).isEqualTo("open");
        assertThat(open.path("assignee").isNull()).isTrue();
        assertThat(open.path("updatedBy").asText()).isEqualTo("admin");

        String otherWatch = "other-" + RUN;
        assertThat(call(TOKEN_A, "POST", "/api/watches", watch(otherWatch, "rye")).statusCode()).isEqualTo(201);
        HttpResponse<String> moved = call(TOKEN_A, "PUT", "/api/watches/" + otherWatch + "/alerts/" + alertId
                + "/state", "{\"status\": \"acknowledged\"}");
        assertThat(moved.statusCode()).as("a state stays with its watch").isEqualTo(409);
    }

    @Test
    void anApiProcessKeepsTheLatestStatesWithinItsBoundsAndSkipsRecordsItCannotRead() throws Exception {
        KafkaClients clients = new KafkaClients(config);
        try (AlertStates bounded = new AlertStates(clients, Duration.ofDays(1), 2, Clock.systemUTC(), s -> { })
                .start()) {
            await(() -> bounded.health().ready(), "the bounded states loaded");
            // Keyed as a later state, so it sits before that state on its partition and must be skipped to reach it.
            KafkaTestClients.send(config.bootstrapServers(), new TopicSpec<>(Topics.ALERT_STATES.name(),
                    Serdes.String(), Serdes.ByteArray(), true), "bound-2-" + RUN, "not json".getBytes(UTF_8));
            Instant now = Instant.now();
            List<AlertState> written = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                written.add(bounded.put(new AlertState("bound-" + i + "-" + RUN, "w", DESK_A, AlertState.OPEN, null,
                        DESK_A, now)));
            }
            AlertState stale = bounded.put(new AlertState("stale-" + RUN, "w", DESK_A, AlertState.ACKNOWLEDGED, null,
                    DESK_A, now.minus(Duration.ofDays(2))));

            assertThat(bounded.get(written.get(0).alertId())).as("the least recently updated beyond 2").isNull();
            assertThat(bounded.get(List.of(written.get(1).alertId(), written.get(2).alertId())))
                    .containsValues(written.get(1), written.get(2));
            assertThat(bounded.get(stale.alertId())).as("updated before the retention").isNull();
            assertThat(bounded.size()).isEqualTo(2);
            assertThat(bounded.health().ready()).as(bounded.health().toString()).isTrue();
        }
    }

    private static SseReader.Event nextState(SseReader reader, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            SseReader.Event e = reader.next(Duration.ofMillis(200));
            if (e != null && e.type().equals("state")) {
                return e;
            }
        }
        return null;
    }

    private static double mutedCount() {
        return SINK_METRICS.counter("raqib.sink.alerts.suppressed", "reason", "muted").count();
    }

    private static void assertBadRequest(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TwoDesks.json(response).path("field").asText()).as(response.body()).isEqualTo(field);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + WAIT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> call(String token, String method, String path, String body)
            throws Exception {
        return TwoDesks.call(http.port(), token, method, path, body);
    }

    private static String watch(String id, String query) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"query\": \"" + query + "\"}";
    }

    private static void publish(String id, String title, String body) throws Exception {
        TwoDesks.publish(config, id, title, body);
    }
}
