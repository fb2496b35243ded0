package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import io.raqib.sink.api.AlertConsole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live console on a real HTTP server: the page, the token, recent alerts and the event stream. */
class AlertConsoleTest {

    private static final String TOKEN = "console-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final AlertConsole console = new AlertConsole();
    private HttpApi api;

    @BeforeEach
    void start() {
        api = new HttpApi(List.of(TOKEN), Metrics.registry(), List.of(console)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + api.port() + path;
    }

    private static Alert alert(String id, String title) {
        return Alert.of(id, Instant.parse("2026-11-29T07:00:00Z"), new AlertData("w1", "Syria watch", "a-" + id,
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
    }

    private Alert[] recent() throws Exception {
        HttpResponse<String> recent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/alerts/recent"))).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        return RaqibJson.mapper().readValue(recent.body(), Alert[].class);
    }
}
