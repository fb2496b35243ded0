package io.raqib.app;

import static io.raqib.app.WebhookFixtures.alert;
import static io.raqib.app.WebhookFixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.config.WebhookSettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.sink.delivery.WebhookDelivery;
import io.raqib.sink.delivery.WebhookPolicy;
import io.raqib.sink.watches.WatchRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery from {@code raqib.alerts} on the embedded broker to a real HTTP server: a CloudEvent in
 * structured mode for a watch with a webhook, signed with the secret of desk {@code *}; a target that keeps
 * failing, or is no longer allowed, ends in the DLQ.
 */
class WebhookIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void alertsArePostedAsCloudEventsAndUndeliverableOnesGoToTheDlq() throws Exception {
        RaqibConfig broker = SharedBroker.config("webhook");
        RaqibConfig config = RaqibConfig.load(null, Map.of(), Map.of(
                RaqibConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                RaqibConfig.APPLICATION_ID, broker.applicationId(),
                WebhookSettings.SECRETS, WebhookSettings.ANY_DESK + "=" + SECRET));
        String run = UUID.randomUUID().toString().substring(0, 8);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (MockWebServer server = new MockWebServer(); WatchRegistry registry = new WatchRegistry()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setResponseCode(request.getPath().startsWith("/hooks/ok") ? 202 : 503);
                }
            });
            server.start();
            String allowed = "http://127.0.0.1:" + server.getPort() + "/hooks/";
            registry.putAll(List.of(
                    watch("ok-" + run, allowed + "ok"),
                    watch("down-" + run, allowed + "down"),
                    watch("elsewhere-" + run, "http://127.0.0.1:" + server.getPort() + "/admin"),
                    watch("quiet-" + run, null)));
            WebhookDelivery delivery = new WebhookDelivery(config, registry, new WebhookPolicy(List.of(allowed)),
                    metrics, List.of(Duration.ofMillis(20), Duration.ofMillis(20)));
            try {
                delivery.start();
                assertThat(delivery.awaitJoined(WAIT)).isTrue();
                for (String watch : List.of("quiet-", "down-", "elsewhere-", "ok-")) {
                    Alert alert = alert("alert-" + watch + run, watch + run);
                    KafkaTestClients.send(config.bootstrapServers(), Topics.ALERTS, alert.subject(), alert);
                }

                RecordedRequest delivered = null;
                for (RecordedRequest r = server.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS); r != null;
                     r = server.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    if (r.getPath().equals("/hooks/ok")) {
                        delivered = r;
                        break;
                    }
                }
                assertThat(delivered).as("POST to the ok hook").isNotNull();
                assertThat(delivered.getMethod()).isEqualTo("POST");
                assertThat(delivered.getHeader("Content-Type")).startsWith("application/cloudevents+json");
                byte[] body = delivered.getBody().readByteArray();
                Alert posted = RaqibJson.mapper().readValue(body, Alert.class);
                assertThat(posted.subject()).isEqualTo("ok-" + run);
                assertThat(posted.specversion()).isEqualTo("1.0");
                assertThat(delivered.getHeader("webhook-id")).isEqualTo("alert-ok-" + run);
                assertThat(delivered.getHeader("webhook-signature")).isEqualTo("v1," + signature(
                        "alert-ok-" + run + "." + delivered.getHeader("webhook-timestamp") + ".", body));

                List<ConsumerRecord<byte[], byte[]>> dead = KafkaTestClients.readUntil(config.bootstrapServers(),
                        Topics.DLQ, r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).endsWith(run),
                        2, WAIT);
                assertThat(dead).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrder("down-" + run, "elsewhere-" + run);
                assertThat(dead).allSatisfy(r -> {
                    assertThat(DlqHeaders.read(r.headers(), DlqHeaders.STAGE)).isEqualTo("webhook");
                    assertThat(DlqHeaders.read(r.headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.ALERTS.name());
                });
                assertThat(server.getRequestCount()).as("3 attempts on the failing hook + 1 delivery").isEqualTo(4);
            } finally {
                delivery.close();
            }
        }
        assertThat(metrics.counter("raqib.sink.webhooks", "outcome", "delivered").count()).isEqualTo(1);
        assertThat(metrics.counter("raqib.sink.webhooks", "outcome", "failed").count()).isEqualTo(1);
        assertThat(metrics.counter("raqib.sink.webhooks", "outcome", "refused").count()).isEqualTo(1);
    }

    /** What a receiver computes with {@link #SECRET}: base64 of HMAC-SHA256 over the prefix and the body. */
    private static String signature(String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WebhookSettings.signingKey(SECRET), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
