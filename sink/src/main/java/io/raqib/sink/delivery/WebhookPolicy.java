package io.raqib.sink.delivery;

import io.raqib.core.config.SinkSettings;
import io.raqib.core.model.Watch;
import io.raqib.sink.watches.InvalidWatchException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which webhook targets a watch may name: only URLs under an operator's allow-list entry (same scheme, host and
 * port; path at or below the entry's path, whole segments), so a watch cannot make the sink call arbitrary
 * internal addresses. URLs and entries are both read by {@link WebhookUrl#parse}, so they are compared in one
 * normalized form. An empty list allows no webhook at all.
 */
public final class WebhookPolicy {

    private final List<WebhookUrl> allowed;

    /**
     * @param allowPrefixes URL prefixes such as {@code https://hooks.example.org/raqib/}; a bad entry is an
     *                      {@link IllegalArgumentException} naming {@code raqib.webhook.allow}
     */
    public WebhookPolicy(List<String> allowPrefixes) {
        this.allowed = allowPrefixes.stream().map(WebhookPolicy::entry).toList();
    }

    private static WebhookUrl entry(String prefix) {
        try {
            WebhookUrl url = WebhookUrl.parse(prefix);
            if (url.query() != null) {
                throw new IllegalArgumentException("has a query; an entry is a prefix of URLs");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SinkSettings.WEBHOOK_ALLOW + ": '" + prefix + "' " + e.getMessage(),
                    e);
        }
    }

    /** Whether no webhook at all is allowed (no allow-list): then there is nothing to deliver. */
    public boolean allowsNone() {
        return allowed.isEmpty();
    }

    /** The targets (scheme, host, port) of the allow-list: every allowed URL posts to one of them. */
    public Set<String> targets() {
        return allowed.stream().map(WebhookUrl::target).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The watch to store: its webhook normalized ({@link WebhookUrl}), or unchanged without one (a blank one
     * becomes none). Throws {@link InvalidWatchException} (field {@code webhook}) when it is not allowed.
     */
    public Watch normalize(Watch watch) {
        return watch.webhook() == null ? watch
                : watch.withWebhook(webhook(watch).map(WebhookUrl::toString).orElse(null));
    }

    /**
     * The normalized URL of the watch's webhook, empty when it names none (null or blank). Throws
     * {@link InvalidWatchException} (field {@code webhook}) when the URL is malformed or not under an allowed prefix.
     */
    public Optional<WebhookUrl> webhook(Watch watch) {
        String text = watch.webhook();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(allowed(text));
        } catch (IllegalArgumentException e) {
            throw refused(watch, e.getMessage());
        }
    }

    /**
     * {@code text} as a normalized URL under an allowed prefix; {@link IllegalArgumentException} saying why not when
     * it is malformed or not allowed.
     */
    public WebhookUrl allowed(String text) {
        WebhookUrl url;
        try {
            url = WebhookUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook " + e.getMessage(), e);
        }
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("webhooks are off: the operator must list allowed URL prefixes in "
                    + SinkSettings.WEBHOOK_ALLOW);
        }
        if (allowed.stream().noneMatch(url::isUnder)) {
            throw new IllegalArgumentException("webhook " + url + " is not under an allowed prefix ("
                    + SinkSettings.WEBHOOK_ALLOW + ")");
        }
        return url;
    }

    private static InvalidWatchException refused(Watch watch, String reason) {
        return new InvalidWatchException(watch.id(), "webhook", -1, reason, null);
    }
}
