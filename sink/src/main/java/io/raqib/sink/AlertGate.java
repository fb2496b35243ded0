package io.raqib.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.model.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One alert per story, and at most one alert per {@code throttle} window: decides whether a match becomes an
 * alert. A watch alerts once per near-duplicate group (the story of an article is its {@code duplicateOf}, else
 * its own id), so the same story republished elsewhere stays quiet while distinct articles each alert. Held-back
 * matches are counted (metric {@code raqib.sink.alerts.suppressed}, tag {@code reason}) and reported by the
 * watch's next alert as {@code suppressedSince}. Not thread-safe: one gate per store (per stream task).
 */
public final class AlertGate {

    /** How long a watch remembers a story by default. */
    public static final Duration DEFAULT_STORY_MEMORY = Duration.ofDays(7);
    private final AlertGateStore store;
    private final Counter sameStory;
    private final Counter throttled;

    public AlertGate(AlertGateStore store, MeterRegistry metrics) {
        this.store = store;
        this.sameStory = Counter.builder("raqib.sink.alerts.suppressed").tag("reason", "same-story")
                .description("Matches that raised no alert because the watch already alerted on the story")
                .register(metrics);
        this.throttled = Counter.builder("raqib.sink.alerts.suppressed").tag("reason", "throttle")
                .description("Matches that raised no alert because of the watch's throttle window")
                .register(metrics);
    }

    /**
     * The candidate to publish at {@code time} (its alert's {@code suppressedSince} filled in), or empty when it
     * is held back.
     */
    public Optional<AlertCandidate> admit(AlertCandidate c, Instant time) {
        AlertState state = store.state(c.watchId());
        // An article that starts its own story (most do) is one key: look it up and remember it once, not twice.
        boolean ownStory = c.story().equals(c.articleId());
        if (store.seen(c.watchId(), c.story(), time) || !ownStory && store.seen(c.watchId(), c.articleId(), time)) {
            store.remember(c.watchId(), c.articleId(), time);
            store.put(c.watchId(), state.plusSuppressed());
            sameStory.increment();
            return Optional.empty();
        }
        Duration throttle = c.throttle();
        if (throttle != null && state.lastAlert() != null && time.isBefore(state.lastAlert().plus(throttle))) {
            store.put(c.watchId(), state.plusSuppressed());
            throttled.increment();
            return Optional.empty();
        }
        store.remember(c.watchId(), c.story(), time);
        if (!ownStory) {
            store.remember(c.watchId(), c.articleId(), time);
        }
        store.put(c.watchId(), new AlertState(time, 0));
        if (state.suppressed() == 0) {
            return Optional.of(c);
        }
        return Optional.of(c.with(c.alert().withData(c.alert().data().withSuppressedSince(state.suppressed()))));
    }

    /** The near-duplicate group of an article: the article it duplicates, else itself. */
    public static String storyOf(EnrichedArticle article) {
        return article.duplicateOf() != null && !article.duplicateOf().isBlank() ? article.duplicateOf()
                : article.id();
    }

    static String storyStoreKey(String watchId, String storyKey) {
        return watchId + '\u0000' + storyKey;
    }
}
