package io.raqib.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.raqib.sink.delivery.WebhookOutcomes.Outcome;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One alert's delivery against a real HTTP server: retries, what counts against the target, timeouts, and the
 * Standard Webhooks headers.
 */
class WebhookSenderTest {

    private static final byte[] BODY = WebhookFixtures.alert("a1b2c3");
    private static final WebhookRequest EVENT = new WebhookRequest("a1b2c3",
            "application/cloudevents+json; charset=UTF-8", BODY, null);
    private final MockWebServer server = new MockWebServer();
    private final WebhookSender sender = new WebhookSender(Duration.ofSeconds(30),
            List.of(Duration.ofMillis(10), Duration.ofMillis(10)));
    private final CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofMinutes(1), System::nanoTime);
    private WebhookUrl url;

    @BeforeEach
    void start() throws Exception {
        server.start();
        url = WebhookUrl.parse("http://127.0.0.1:" + server.getPort() + "/hooks/a");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void postsTheCloudEventOnce() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(202));

        assertThat(sender.send(url, EVENT, breaker)).isEqualTo(new WebhookSender.Result(Outcome.DELIVERED, null));
        RecordedRequest posted = server.takeRequest();
        assertThat(posted.getPath()).isEqualTo("/hooks/a");
        assertThat(posted.getHeader("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(posted.getBody().readByteArray()).isEqualTo(BODY);
        assertThat(posted.getHeader("webhook-id")).isEqualTo("a1b2c3");
        assertThat(Long.parseLong(posted.getHeader("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), within(5L));
        assertThat(posted.getHeader("webhook-signature")).as("no secret, no signature").isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedAndCountsAgainstTheTarget() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(503));
        }

        WebhookSender.Result result = sender.send(url, EVENT, breaker);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).hasMessageContaining("answered HTTP 503");
        assertThat(server.getRequestCount()).isEqualTo(3);
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allowsRequest()).as("3 failures counted, 2 more open it").isFalse();
    }

    @Test
    void aClientErrorIsNotRetriedAndDoesNotCountAgainstTheTarget() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(404));
        breaker.failed();

        WebhookSender.Result result = sender.send(url, EVENT, breaker);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).hasMessageContaining("answered HTTP 404");
        assertThat(server.getRequestCount()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            breaker.failed();
        }
        assertThat(breaker.allowsRequest()).as("the 404 reset the run of failures").isTrue();
    }

    @Test
    void anOpenCircuitStopsTheRetriesAndSendsNothingMore() throws Exception {
        CircuitBreaker tight = new CircuitBreaker(2, Duration.ofMinutes(1), System::nanoTime);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(503));
        }

        WebhookSender.Result first = sender.send(url, EVENT, tight);
        WebhookSender.Result next = sender.send(url, EVENT, tight);

        assertThat(first.outcome()).isEqualTo(Outcome.CIRCUIT_OPEN);
        assertThat(first.reason()).hasMessageContaining("target failing, circuit open")
                .hasMessageContaining("answered HTTP 503");
        assertThat(next.outcome()).isEqualTo(Outcome.CIRCUIT_OPEN);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTargetThatStallsItsAnswerTimesOut() throws Exception {
        WebhookSender quick = new WebhookSender(Duration.ofMillis(300), List.of());
        server.enqueue(new MockResponse().setResponseCode(200).setBody("x".repeat(1000))
                .throttleBody(1, 1, TimeUnit.SECONDS));

        WebhookSender.Result result = quick.send(url, EVENT, breaker);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aSignedAlertVerifiesWithItsSecretAndNotWithAnother() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));
        WebhookRequest signed = new WebhookRequest("a1b2c3", EVENT.contentType(), BODY,
                new WebhookSigner(List.of(WebhookFixtures.SECRET)));

        assertThat(sender.send(url, signed, breaker).outcome()).isEqualTo(Outcome.DELIVERED);
        RecordedRequest posted = server.takeRequest();
        byte[] body = posted.getBody().readByteArray();
        String id = posted.getHeader("webhook-id");
        String timestamp = posted.getHeader("webhook-timestamp");
        String signature = posted.getHeader("webhook-signature");

        assertThat(signature).startsWith("v1,");
        assertThat(WebhookFixtures.verifies(WebhookFixtures.SECRET, id, timestamp, body, signature)).isTrue();
        assertThat(WebhookFixtures.verifies(WebhookFixtures.OTHER_SECRET, id, timestamp, body, signature)).isFalse();
    }

    @Test
    void retriesKeepTheWebhookIdAndSignTheirOwnTimestamp() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(429));
        server.enqueue(new MockResponse().setResponseCode(200));
        WebhookRequest signed = new WebhookRequest("a1b2c3", EVENT.contentType(), BODY,
                new WebhookSigner(List.of(WebhookFixtures.SECRET)));

        assertThat(sender.send(url, signed, breaker).outcome()).isEqualTo(Outcome.DELIVERED);

        assertThat(server.getRequestCount()).isEqualTo(3);
        for (int attempt = 0; attempt < 3; attempt++) {
            RecordedRequest posted = server.takeRequest();
            assertThat(posted.getHeader("webhook-id")).as("attempt %d", attempt).isEqualTo("a1b2c3");
            assertThat(WebhookFixtures.verifies(WebhookFixtures.SECRET, "a1b2c3",
                    posted.getHeader("webhook-timestamp"), posted.getBody().readByteArray(),
                    posted.getHeader("webhook-signature"))).as("attempt %d", attempt).isTrue();
        }
    }
}
