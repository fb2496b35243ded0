package io.raqib.sink.delivery;

import io.raqib.core.config.WebhookSettings;
import io.raqib.sink.delivery.WebhookOutcomes.Outcome;
import java.time.Duration;
import java.util.List;

/**
 * Posts desks' digests to their webhooks the way alerts are posted: JSON body, the Standard Webhooks headers
 * ({@code webhook-id} = the digest id on every attempt), signed with the desk's secrets, retried after each
 * backoff. Digests are few (one per desk and period), so there are no lanes or circuit breakers. Thread-safe.
 */
public final class DigestWebhooks {

    private static final String CONTENT_TYPE = "application/json";
    private final WebhookSender sender;
    private final WebhookRequests requests;

    /** Posts with the timeout and secrets of {@code settings}, retrying after each of {@code backoff}. */
    public DigestWebhooks(WebhookSettings settings, List<Duration> backoff) {
        this.sender = new WebhookSender(settings.timeout(), backoff);
        this.requests = new WebhookRequests(settings);
    }

    /** Posts the digest {@code json} of {@code desk} to {@code url}; null when delivered, else why not. */
    public Exception post(WebhookUrl url, String desk, String digestId, byte[] json) throws InterruptedException {
        WebhookRequest request = new WebhookRequest(digestId, CONTENT_TYPE, json, requests.signerOf(desk));
        // A breaker that never opens: each digest gets all its attempts.
        CircuitBreaker always = new CircuitBreaker(Integer.MAX_VALUE, Duration.ZERO, System::nanoTime);
        WebhookSender.Result result = sender.send(url, request, always);
        return result.outcome() == Outcome.DELIVERED ? null : result.reason();
    }
}
