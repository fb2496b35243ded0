package io.raqib.app;

import static io.raqib.app.WebhookFixtures.alert;
import static io.raqib.app.WebhookFixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.config.WebhookSettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Watch;
import io.raqib.sink.delivery.WebhookDelivery;
import io.raqib.sink.delivery.WebhookPolicy;
import io.raqib.sink.watches.InvalidWatchException;
import io.raqib.sink.watches.WatchRegistry;
import io.raqib.sink.watches.WatchTopicListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery on the embedded broker when targets or stored watches misbehave: a target that never answers
 * delays no other target (not even on the same partition), a target whose queue is full makes its partition wait
 * without losing anything, a stored webhook that does not parse dead-letters only its own alerts, and alerts not
 * yet delivered when delivery stops are delivered after the restart. Target A holds every request until released;
 * target B answers at once; all alerts go to one partition, so they queue behind each other.
 */
class WebhookIsolationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<Duration> BACKOFF = List.of(Duration.ofMillis(20), Duration.ofMillis(20));
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final WatchRegistry registry = new WatchRegistry();
    private WebhookTarget a;
    private WebhookTarget b;
    private WebhookPolicy policy;

    @BeforeEach
    void targets() throws Exception {
        a = WebhookTarget.holding();
        b = WebhookTarget.answering();
        registry.putAll(List.of(watch("a-" + run, a.url("/hooks/a")), watch("b-" + run, b.url("/hooks/b"))));
        policy = new WebhookPolicy(List.of(a.url("/hooks/"), b.url("/hooks/")));
    }

    @AfterEach
    void stop() throws Exception {
        a.release();
        for (WebhookDelivery d : deliveries) {
            d.close();
        }
        a.close();
        b.close();
        registry.close();
    }

    /** A configuration whose webhook requests wait long enough for a held one to stay open through the test. */
    private static RaqibConfig config(String name, Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(more);
        overrides.put(RaqibConfig.BOOTSTRAP_SERVERS, SharedBroker.get().bootstrapServers());
        overrides.put(RaqibConfig.APPLICATION_ID, name + "-" + UUID.randomUUID().toString().substring(0, 8));
        overrides.put(WebhookSettings.TIMEOUT, "PT2M");
        return RaqibConfig.load(null, Map.of(), overrides);
    }

    private WebhookDelivery started(RaqibConfig config) throws InterruptedException {
        WebhookDelivery delivery = new WebhookDelivery(config, registry, policy, metrics, BACKOFF);
        deliveries.add(delivery);
        delivery.start();
        assertThat(delivery.awaitJoined(WAIT)).isTrue();
        return delivery;
    }

    /** Alert ids of this run: {@code a…} ones for watch a (target A), the others for watch b (target B). */
    private List<String> ids(String... names) {
        return Arrays.stream(names).map(n -> n + "-" + run).toList();
    }

    private void send(RaqibConfig config, List<String> alertIds) throws Exception {
        WebhookFixtures.sendToOnePartition(config.bootstrapServers(), alertIds.stream()
                .map(id -> alert(id, (id.startsWith("a") ? "a-" : "b-") + run)).toList());
    }

    private double count(String outcome) {
        return metrics.counter("raqib.sink.webhooks", "outcome", outcome).count();
    }

    private double gauge(String name, String... tags) {
        return metrics.get(name).tags(tags).gauge().value();
    }

    @Test
    void aTargetThatNeverAnswersDelaysNoOtherTarget() throws Exception {
        RaqibConfig config = config("webhook-isolation", Map.of());
        WebhookDelivery delivery = started(config);
        send(config, ids("a1", "b1", "a2", "b2", "a3", "b3", "b4", "b5"));

        assertThat(a.takeAlertIds(1, WAIT)).isEqualTo(ids("a1"));
        assertThat(b.takeAlertIds(5, WAIT)).isEqualTo(ids("b1", "b2", "b3", "b4", "b5"));
        assertThat(a.requests()).as("A still has its first request only").isEqualTo(1);
        assertThat(a.answered()).as("and has not answered it").isZero();

        a.release();
        assertThat(a.takeAlertIds(2, WAIT)).isEqualTo(ids("a2", "a3"));
        assertThat(delivery.failure()).isNull();
        await().atMost(WAIT).until(() -> count("delivered") == 8);
    }

    @Test
    void aFullTargetQueueMakesItsPartitionWaitAndLosesNothing() throws Exception {
        RaqibConfig config = config("webhook-full-queue", Map.of(WebhookSettings.QUEUE_PER_TARGET, "1"));
        WebhookDelivery delivery = started(config);
        send(config, ids("a1", "a2", "a3", "a4", "b1"));

        assertThat(a.takeAlertIds(1, WAIT)).isEqualTo(ids("a1"));
        // a1 is being posted and a2 fills A's queue: a3 waits in the consumer, and so do a4 and b1 behind it if
        // they were read before its partition was paused
        await().atMost(WAIT).until(() -> gauge("raqib.sink.webhooks.queued", "target", a.url("")) == 1
                && gauge("raqib.sink.webhooks.held") >= 1);

        a.release();
        assertThat(a.takeAlertIds(3, WAIT)).isEqualTo(ids("a2", "a3", "a4"));
        assertThat(b.takeAlertIds(1, WAIT)).isEqualTo(ids("b1"));
        assertThat(gauge("raqib.sink.webhooks.held")).isZero();
        assertThat(delivery.failure()).isNull();
        await().atMost(WAIT).until(() -> count("delivered") == 5);
    }

    @Test
    void aStoredWebhookThatDoesNotParseDeadLettersOnlyItsOwnAlerts() throws Exception {
        RaqibConfig config = config("webhook-bad-url", Map.of());
        Watch bad = watch("bad-" + run, b.url("/hooks/x "));
        // straight to the topic, as a tool that skips admission would write it
        KafkaTestClients.send(config.bootstrapServers(), Topics.WATCHES, bad.id(), bad);
        try (WatchTopicListener listener = new WatchTopicListener(new KafkaClients(config), registry)) {
            listener.start();
            assertThat(listener.awaitCaughtUp(WAIT)).isTrue();
            assertThat(registry.get(bad.id())).isEqualTo(bad);
            WebhookDelivery delivery = started(config);
            WebhookFixtures.sendToOnePartition(config.bootstrapServers(), List.of(alert("bad1-" + run, bad.id())));
            send(config, ids("b1", "b2"));

            assertThat(b.takeAlertIds(2, WAIT)).isEqualTo(ids("b1", "b2"));
            List<ConsumerRecord<byte[], byte[]>> dead = KafkaTestClients.readUntil(config.bootstrapServers(),
                    Topics.DLQ, r -> new String(r.key(), StandardCharsets.UTF_8).equals(bad.id()), 1, WAIT);
            assertThat(dead).hasSize(1);
            assertThat(RaqibJson.mapper().readValue(dead.get(0).value(), Alert.class).id()).isEqualTo("bad1-" + run);
            assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.STAGE)).isEqualTo("webhook");
            assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.ERROR_CLASS))
                    .isEqualTo(InvalidWatchException.class.getName());
            assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.ERROR_MESSAGE))
                    .contains("watch '" + bad.id() + "'").contains("(U+0020)");
            assertThat(delivery.failure()).isNull();
            assertThat(count("refused")).isEqualTo(1);
        }
    }

    @Test
    void alertsNotDeliveredWhenDeliveryStopsAreDeliveredAfterTheRestart() throws Exception {
        RaqibConfig config = config("webhook-restart", Map.of());
        WebhookDelivery first = started(config);
        send(config, ids("b0"));
        assertThat(b.takeAlertIds(1, WAIT)).isEqualTo(ids("b0"));
        send(config, ids("a1", "b1", "b2"));
        assertThat(a.takeAlertIds(1, WAIT)).isEqualTo(ids("a1"));
        assertThat(b.takeAlertIds(2, WAIT)).isEqualTo(ids("b1", "b2"));
        first.close();
        assertThat(first.failure()).isNull();

        a.release();
        WebhookDelivery second = started(config);
        assertThat(a.takeAlertIds(1, WAIT)).as("a1 was not finished: posted again").isEqualTo(ids("a1"));
        assertThat(b.takeAlertIds(2, WAIT)).as("b0 was committed; b1 and b2 come after a1")
                .isEqualTo(ids("b1", "b2"));
        assertThat(second.failure()).isNull();
    }
}
