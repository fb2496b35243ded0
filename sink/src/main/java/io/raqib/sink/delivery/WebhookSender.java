package io.raqib.sink.delivery;

import io.raqib.sink.delivery.WebhookOutcomes.Outcome;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Posts one alert's {@link WebhookRequest} to its webhook, retrying after each {@code backoff} while the target's
 * {@link CircuitBreaker} lets requests through. Every attempt carries the Standard Webhooks headers: the same
 * {@code webhook-id}, its own {@code webhook-timestamp} (so a receiver's replay window holds for retries too) and,
 * when the request has a signer, a {@code webhook-signature} over both and the body. A 4xx other than 408/429 is
 * not retried. Redirects are not followed: the allow-list decides where alerts go. Thread-safe.
 */
final class WebhookSender {

    /** How an alert's delivery ended: {@code reason} is null when delivered. */
    record Result(Outcome outcome, Exception reason) {
    }

    /** The Standard Webhooks headers. */
    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Duration timeout;
    private final List<Duration> backoff;

    /** @param timeout longest wait for one request's whole answer (headers and body) */
    WebhookSender(Duration timeout, List<Duration> backoff) {
        this.timeout = timeout;
        this.backoff = List.copyOf(backoff);
    }

    /** Posts {@code request} to {@code url}: one attempt, plus one after each backoff while it fails. */
    Result send(WebhookUrl url, WebhookRequest request, CircuitBreaker breaker) throws InterruptedException {
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
                int status = post(url, request);
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

    private int post(WebhookUrl url, WebhookRequest request) throws IOException, InterruptedException {
        long timestamp = Instant.now().getEpochSecond();
        // The request timeout covers the whole answer, body included: a target that stalls holds its lane no longer.
        HttpRequest.Builder post = HttpRequest.newBuilder(url.toUri()).timeout(timeout)
                .header("Content-Type", request.contentType()).header("User-Agent", "raqib-sink")
                .header(ID, request.id()).header(TIMESTAMP, Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.signer() != null) {
            post.header(SIGNATURE, request.signer().signature(request.id(), timestamp, request.body()));
        }
        return http.send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
