package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.VolumeAlert;
import io.raqib.core.model.Watch;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.api.AlertHistory;
import io.raqib.sink.api.ApiCaller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live console on a real HTTP server: the page, the token, recent alerts and the event stream, what a desk's
 * token sees of them, and a reconnecting stream resuming after its Last-Event-ID.
 */
class AlertConsoleTest {

    private static final String TOKEN = "console-token";
    private static final String LEVANT_TOKEN = "levant-token";
    private static final String GULF_TOKEN = "gulf-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough for an event that should come to have come; nothing is expected in it. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Map<String, Watch> WATCHES = Map.of(
            "levant-w", new Watch("levant-w", "Levant", "سوريا", null, "levant", List.of(), null, null),
            "gulf-w", new Watch("gulf-w", "Gulf", "الخليج", null, "gulf", List.of(), null, null));
    private final AlertConsole console = new AlertConsole(WATCHES::get, AlertHistory.NONE);
    private HttpApi api;

    @BeforeEach
    void start() {
        api = new HttpApi(List.of(TOKEN, ApiTokens.entryFor(ApiCaller.ofDesk("levant"), LEVANT_TOKEN),
                ApiTokens.entryFor(ApiCaller.ofDesk("gulf"), GULF_TOKEN)), Metrics.registry(), List.of(console))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        console.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + api.port() + path;
    }

    private static Alert alert(String id, String title) {
        return alert(id, "w1", title);
    }

    private static Alert alert(String id, String watchId, String title) {
        return Alert.of(id, Instant.parse("2026-11-29T07:00:00Z"), new AlertData(watchId, "Syria watch", "a-" + id,
                title, "https://example.org/" + id, "example", "ar",
                List.of(new Highlight("body", 3, 8, "الإرهـ.ـاب", "… مكافحة الإرهـ.ـاب …")), List.of(), List.of()));
    }

    @Test
    void thePageIsServedWithoutDataAndTheStreamNeedsTheToken() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("html"));
        assertThat(page.body()).contains("EventSource(\"/api/alerts/stream?token=").doesNotContain(TOKEN);
        try (SseReader refused = new SseReader(url("/api/alerts/stream"))) {
            assertThat(refused.status()).isEqualTo(401);
        }
        HttpResponse<String> notAStream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/alerts/stream?token=" + TOKEN))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notAStream.statusCode()).isEqualTo(406);
        assertThat(notAStream.body()).contains("Accept: text/event-stream");
    }

    @Test
    void aConnectedConsoleGetsTheRecentAlertsThenEachNewOne() throws Exception {
        console.accept(alert("e1", "قبل الاتصال"));

        try (SseReader stream = new SseReader(url("/api/alerts/stream?token=" + TOKEN))) {
            assertThat(stream.status()).isEqualTo(200);
            SseReader.Event first = stream.next(WAIT);
            assertThat(first).isNotNull();
            assertThat(first.type()).isEqualTo("alert");
            assertThat(first.id()).isEqualTo("e1");
            assertThat(RaqibJson.mapper().readValue(first.data(), Alert.class).data().title()).isEqualTo("قبل الاتصال");

            console.accept(alert("e2", "بعد الاتصال"));

            SseReader.Event second = stream.next(WAIT);
            assertThat(second).isNotNull();
            assertThat(second.id()).isEqualTo("e2");
            assertThat(RaqibJson.mapper().readValue(second.data(), Alert.class).data().highlights().get(0).text())
                    .isEqualTo("الإرهـ.ـاب");
        }
    }

    @Test
    void recentKeepsTheLastAlertsOldestFirst() throws Exception {
        for (int i = 0; i < AlertConsole.RECENT + 5; i++) {
            console.accept(alert("r" + i, "t" + i));
        }

        String newest = "r" + (AlertConsole.RECENT + 4);
        // accept() returns before the console's sender thread has stored the alert.
        Alert[] alerts = await().atMost(WAIT).until(this::recent,
                a -> a.length > 0 && a[a.length - 1].id().equals(newest));

        assertThat(alerts).hasSize(AlertConsole.RECENT);
        assertThat(alerts[0].id()).isEqualTo("r5");
        assertThat(alerts[AlertConsole.RECENT - 1].id()).isEqualTo(newest);
        assertThat(console.subjectOf(newest)).as("whose a recent alert is, for its state")
                .hasValue(alert(newest, "t").subject());
        assertThat(console.subjectOf("r0")).as("no longer among the recent ones").isEmpty();
    }

    @Test
    void aDeskTokenSeesOnlyTheAlertsOfItsDesksWatchesAndAnAdminSeesAll() throws Exception {
        console.accept(alert("l1", "levant-w", "levant one"));
        console.accept(alert("g1", "gulf-w", "gulf one"));
        console.accept(alert("n1", "w1", "a watch gone or without desk"));

        try (SseReader levant = new SseReader(url("/api/alerts/stream?token=" + LEVANT_TOKEN));
             SseReader admin = new SseReader(url("/api/alerts/stream?token=" + TOKEN))) {
            assertThat(levant.next(WAIT).id()).isEqualTo("l1");
            assertThat(List.of(admin.next(WAIT).id(), admin.next(WAIT).id(), admin.next(WAIT).id()))
                    .containsExactly("l1", "g1", "n1");

            console.accept(alert("g2", "gulf-w", "gulf two"));
            console.accept(alert("l2", "levant-w", "levant two"));

            assertThat(levant.next(WAIT).id()).isEqualTo("l2");
            assertThat(levant.next(QUIET)).isNull();
            assertThat(List.of(admin.next(WAIT).id(), admin.next(WAIT).id())).containsExactly("g2", "l2");
        }
        assertThat(recent(LEVANT_TOKEN)).extracting(Alert::id).containsExactly("l1", "l2");
        assertThat(recent(GULF_TOKEN)).extracting(Alert::id).containsExactly("g1", "g2");
        assertThat(recent(TOKEN)).extracting(Alert::id).containsExactly("l1", "g1", "n1", "g2", "l2");
    }

    @Test
    void aReconnectWithLastEventIdResumesAfterThatAlertWithoutReplayingTheEarlierOnes() throws Exception {
        console.accept(alert("e1", "one"));
        console.accept(alert("e2", "two"));
        console.accept(alert("e3", "three"));
        await().atMost(WAIT).until(() -> recent(TOKEN).length == 3);

        try (SseReader resumed = new SseReader(url("/api/alerts/stream?token=" + TOKEN),
                Map.of("Last-Event-ID", "e2"))) {
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(resumed.next(WAIT).id()).isEqualTo("e3");

            console.accept(alert("e4", "four"));

            SseReader.Event live = resumed.next(WAIT);
            assertThat(live.type()).isEqualTo("alert");
            assertThat(live.id()).isEqualTo("e4");
            assertThat(resumed.next(QUIET)).isNull();
        }
    }

    @Test
    void aLastEventIdNoLongerRecentStartsWithAResetThenAllRecentAlerts() throws Exception {
        console.accept(alert("k1", "one"));
        console.accept(alert("k2", "two"));

        try (SseReader resumed = new SseReader(url("/api/alerts/stream?token=" + TOKEN),
                Map.of("Last-Event-ID", "long-gone"))) {
            SseReader.Event reset = resumed.next(WAIT);
            assertThat(reset.type()).isEqualTo("reset");
            assertThat(reset.id()).isNull();
            assertThat(RaqibJson.mapper().readTree(reset.data()).path("lastEventId").asText()).isEqualTo("long-gone");
            assertThat(List.of(resumed.next(WAIT).id(), resumed.next(WAIT).id())).containsExactly("k1", "k2");
        }
    }

    @Test
    void aLastEventIdNoLongerRecentResumesFromTheHistoryThenTheRecentAlertsEachOnce() throws Exception {
        AlertHistory history = (id, max) -> id.equals("h1")
                ? Optional.of(List.of(alert("h2", "from the topic"), alert("h3", "both"))) : Optional.empty();
        try (AlertConsole withHistory = new AlertConsole(WATCHES::get, history);
             HttpApi server = new HttpApi(List.of(TOKEN), Metrics.registry(), List.of(withHistory))
                     .start("127.0.0.1", 0)) {
            withHistory.accept(alert("h3", "both"));
            withHistory.accept(alert("h4", "recent only"));

            try (SseReader resumed = new SseReader("http://127.0.0.1:" + server.port() + AlertConsole.STREAM
                    + "?token=" + TOKEN, Map.of("Last-Event-ID", "h1"))) {
                List<String> events = new ArrayList<>();
                for (SseReader.Event e = resumed.next(WAIT); e != null; e = resumed.next(QUIET)) {
                    events.add(e.type() + " " + e.id());
                }
                assertThat(events).containsExactly("alert h2", "alert h3", "alert h4");
            }
        }
    }

    @Test
    void aResumeFindingEveryHistorySlotTakenGetsTheLiveStreamAfterABusyReset() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> asked = new CopyOnWriteArrayList<>();
        AlertHistory slow = (id, max) -> {
            asked.add(id);
            reading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(List.of(alert("after-" + id, "from the topic")));
        };
        try (AlertConsole capped = new AlertConsole(WATCHES::get, slow, 1);
             HttpApi server = new HttpApi(List.of(TOKEN), Metrics.registry(), List.of(capped)).start("127.0.0.1", 0)) {
            capped.accept(alert("c1", "recent"));
            String stream = "http://127.0.0.1:" + server.port() + AlertConsole.STREAM + "?token=" + TOKEN;
            try (SseReader first = new SseReader(stream, Map.of("Last-Event-ID", "gone-1"))) {
                assertThat(reading.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the first resume reads").isTrue();

                try (SseReader second = new SseReader(stream, Map.of("Last-Event-ID", "gone-2"))) {
                    assertThat(second.status()).isEqualTo(200);
                    SseReader.Event reset = second.next(WAIT);
                    assertThat(typeAndId(reset)).isEqualTo("reset null");
                    JsonNode data = RaqibJson.mapper().readTree(reset.data());
                    assertThat(data.path("lastEventId").asText()).isEqualTo("gone-2");
                    assertThat(data.path("reason").asText()).contains("1 other consoles");
                    assertThat(typeAndId(second.next(WAIT))).isEqualTo("alert c1");
                    capped.accept(alert("c2", "live"));
                    assertThat(typeAndId(second.next(WAIT))).as("live all the same").isEqualTo("alert c2");
                }
                assertThat(asked).as("the history was not read for the second").containsExactly("gone-1");

                release.countDown();
                assertThat(List.of(typeAndId(first.next(WAIT)), typeAndId(first.next(WAIT)),
                        typeAndId(first.next(WAIT)))).containsExactly("alert after-gone-1", "alert c1", "alert c2");
            }
            try (SseReader third = new SseReader(stream, Map.of("Last-Event-ID", "gone-3"))) {
                assertThat(typeAndId(third.next(WAIT))).as("the slot is free again").isEqualTo("alert after-gone-3");
            }
            assertThat(asked).containsExactly("gone-1", "gone-3");
        }
    }

    @Test
    void spikeAndSilenceEventsReachTheStreamAsVolumeEventsAWatchSpikeOnlyItsDesk() throws Exception {
        Instant hour = Instant.parse("2026-11-29T07:00:00Z");
        VolumeAlert gulfSpike = VolumeAlert.of(VolumeAlert.SPIKE, "s1", "gulf-w", hour, new VolumeAlert.Data("watch",
                "gulf-w", "Gulf", null, hour, hour.plusSeconds(3600), 42L, 6.0, null, null, null));
        VolumeAlert silence = VolumeAlert.of(VolumeAlert.SILENCE, "q1", "source:sana.sy", hour, new VolumeAlert.Data(
                "source", null, null, "sana.sy", null, null, null, null, hour.minusSeconds(10800), "PT20M", "PT3H"));

        assertThat(console.acceptEvent(RaqibJson.write(gulfSpike))).isEmpty();
        assertThat(console.acceptEvent(RaqibJson.write(silence))).isEmpty();
        assertThat(console.acceptEvent("{\"type\": \"raqib.other\"}")).isEmpty();
        assertThat(console.acceptEvent("not json")).isEmpty();
        assertThat(console.acceptEvent(RaqibJson.write(alert("a1", "levant-w", "levant one"))))
                .hasValueSatisfying(a -> assertThat(a.id()).isEqualTo("a1"));

        try (SseReader levant = new SseReader(url("/api/alerts/stream?token=" + LEVANT_TOKEN));
             SseReader gulf = new SseReader(url("/api/alerts/stream?token=" + GULF_TOKEN))) {
            assertThat(List.of(typeAndId(levant.next(WAIT)), typeAndId(levant.next(WAIT))))
                    .containsExactly("volume q1", "alert a1");
            assertThat(levant.next(QUIET)).isNull();
            SseReader.Event spike = gulf.next(WAIT);
            assertThat(typeAndId(spike)).isEqualTo("volume s1");
            assertThat(RaqibJson.mapper().readValue(spike.data(), VolumeAlert.class)).isEqualTo(gulfSpike);
            assertThat(typeAndId(gulf.next(WAIT))).isEqualTo("volume q1");
            assertThat(gulf.next(QUIET)).isNull();
        }
        assertThat(recent(TOKEN)).as("recent: watch alerts only").extracting(Alert::id).containsExactly("a1");
    }

    private static String typeAndId(SseReader.Event e) {
        return e == null ? null : e.type() + " " + e.id();
    }

    private Alert[] recent() throws Exception {
        return recent(TOKEN);
    }

    private Alert[] recent(String token) throws Exception {
        HttpResponse<String> recent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/alerts/recent"))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return RaqibJson.mapper().readValue(recent.body(), Alert[].class);
    }
}
