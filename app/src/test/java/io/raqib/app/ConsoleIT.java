package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.api.AlertTopicHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sink's live console fed from {@code raqib.alerts} on the embedded broker: alerts already on the topic when
 * the sink starts are shown first, then new ones arrive as server-sent events; a client reconnecting after an alert
 * the console no longer keeps resumes from the topic.
 */
class ConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void alertsOnTheTopicReachABrowserStream() throws Exception {
        RaqibConfig config = SharedBroker.config("console");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Alert before = alert("before-" + run);
        KafkaTestClients.send(config.bootstrapServers(), Topics.ALERTS, before.subject(), before);
        AlertConsole console = new AlertConsole();

        try (HttpApi api = new HttpApi(List.of("t0k"), Metrics.registry(), List.of(console)).start("127.0.0.1", 0);
             TopicTail<Alert> tail = new TopicTail<>(new KafkaClients(config), Topics.ALERTS, 50, console::accept);
             SseReader stream = new SseReader("http://127.0.0.1:" + api.port() + "/api/alerts/stream?token=t0k")) {
            assertThat(next(stream, before.id())).as("backlog alert").isNotNull();

            Alert live = alert("live-" + run);
            KafkaTestClients.send(config.bootstrapServers(), Topics.ALERTS, live.subject(), live);

            SseReader.Event event = next(stream, live.id());
            assertThat(event).as("live alert").isNotNull();
            assertThat(event.data()).contains("\"watchName\":\"Console watch\"");
        }
    }

    @Test
    void aReconnectAfterAnAlertTheConsoleNoLongerKeepsResumesFromTheTopic() throws Exception {
        RaqibConfig config = SharedBroker.config("console-resume");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Alert> sent = List.of(alert("one-" + run), alert("two-" + run), alert("three-" + run));
        for (Alert a : sent) {
            KafkaTestClients.send(config.bootstrapServers(), Topics.ALERTS, a.subject(), a);
        }
        AlertTopicHistory history = new AlertTopicHistory(new KafkaClients(config));
        // A console that has just started: nothing recent yet.
        try (AlertConsole console = new AlertConsole(id -> null, history);
             HttpApi api = new HttpApi(List.of("t0k"), Metrics.registry(), List.of(console)).start("127.0.0.1", 0);
             SseReader stream = new SseReader("http://127.0.0.1:" + api.port() + "/api/alerts/stream?token=t0k",
                     Map.of("Last-Event-ID", sent.get(0).id()))) {
            List<String> events = new ArrayList<>();
            for (SseReader.Event e = stream.next(WAIT); e != null; e = stream.next(Duration.ofSeconds(2))) {
                events.add(e.type() + " " + e.id());
            }
            assertThat(events).as("the missed alerts, not the last one seen, no reset")
                    .containsSubsequence("alert " + sent.get(1).id(), "alert " + sent.get(2).id())
                    .doesNotContain("alert " + sent.get(0).id()).noneMatch(e -> e.startsWith("reset"));
        }
        assertThat(history.after(sent.get(0).id(), 1)).as("more after it than asked for").isEmpty();
        assertThat(history.after("never-sent-" + run, 10)).isEmpty();
        assertThat(history.after(sent.get(1).id(), AlertConsole.MAX_RESUMED)).hasValueSatisfying(a -> assertThat(a)
                .extracting(Alert::id).contains(sent.get(2).id()).doesNotContain(sent.get(0).id(), sent.get(1).id()));
    }

    /** The event of alert {@code id}, skipping others (the shared topic holds other tests' alerts too). */
    private static SseReader.Event next(SseReader stream, String id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SseReader.Event e = stream.next(Duration.ofSeconds(1));
            if (e != null && id.equals(e.id())) {
                return e;
            }
        }
        return null;
    }

    private static Alert alert(String id) {
        return Alert.of(id, Instant.now(), new AlertData("console-watch", "Console watch", "article-" + id,
                "Title " + id, null, "test", "en", List.of(), List.of(), List.of()));
    }
}
