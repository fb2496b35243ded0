package io.raqib.sink.delivery;

import io.raqib.sink.SinkTopology;
import io.raqib.sink.delivery.WebhookOutcomes.Outcome;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts one alert to its webhook as a CloudEvent in the HTTP binding's structured mode, retrying after each
 * {@code backoff} while the target's {@link CircuitBreaker} lets requests through. A 4xx other than 408/429 is
 * not retried. Redirects are not followed: the allow-list decides where alerts go. Thread-safe.
 */
final class WebhookSender {

    /** How an alert's delivery ended: {@code reason} is null when delivered. */
    record Result(Outcome outcome, Exception reason) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Duration timeout;
    private final List<Duration> backoff;

    /** @param timeout longest wait for one request's whole answer (headers and body) */
    WebhookSender(Duration timeout, List<Duration> backoff) {
        this.timeout = timeout;
        this.backoff = List.copyOf(backoff);
    }

    /** Posts {@code event} to {@code url}: one attempt, plus one after each backoff while it fails. */
    Result send(WebhookUrl url, byte[] event, CircuitBreaker breaker) throws InterruptedException {
        Exception last = null;
        for (int attempt = 0; attempt <= backoff.size(); attempt++) {
            if (!breaker.allowsRequest()) {
                return new Result(Outcome.CIRCUIT_OPEN, new IOException("target failing, circuit open: "
                        + url.target() + (last == null ? "" : " (last error: " + last.getMessage() + ")")));
            }
            if (attempt > 0) {
                Thread.sleep(backoff.get(attempt - 1).toMillis());
            }
            try {
                int status = post(url, event);
                if (status / 100 == 2) {
                    breaker.succeeded();
                    return new Result(Outcome.DELIVERED, null);
                }
                last = new IOException("webhook " + url + " answered HTTP " + status);
                if (status / 100 == 4 && status != 408 && status != 429) {
                    // the target is up and refuses this alert: no retry, and no reason to stop its other alerts
                    breaker.succeeded();
                    break;
                }
            } catch (IOException e) {
                last = e;
            }
            breaker.failed();
        }
        return new Result(Outcome.FAILED, last);
    }

    private int post(WebhookUrl url, byte[] event) throws IOException, InterruptedException {
        // The request timeout covers the whole answer, body included: a target that stalls holds its lane no longer.
        HttpRequest request = HttpRequest.newBuilder(url.toUri()).timeout(timeout)
                .header("Content-Type", SinkTopology.CLOUDEVENTS_CONTENT_TYPE).header("User-Agent", "raqib-sink")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
