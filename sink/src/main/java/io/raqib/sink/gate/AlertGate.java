package io.raqib.sink.gate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.NewText;
import io.raqib.core.model.StoryUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One alert per story, at most one alert per {@code throttle} window, and none while the watch is muted: decides
 * which matches of an article become alerts. A muted watch ({@code mutedUntil} after the match's time) raises none
 * and remembers no story, so the first match after the mute alerts as if the muted ones had not happened. A watch
 * alerts once per story (enrich's {@code storyId}), so the same story republished elsewhere, under a new headline
 * or byline or lightly edited, stays quiet while distinct articles each alert; an article of
 * the story that adds at least {@link #NEW_TEXT_THRESHOLD} new text (enrich's {@code newText}) alerts again, its
 * alert's {@code storyUpdate} saying so. Held-back matches are counted (metric {@code raqib.sink.alerts.suppressed},
 * tag {@code reason}) and reported by the watch's next alert as {@code suppressedSince}. Not thread-safe: one gate
 * per store (per stream task).
 */
public final class AlertGate {

    /** How long a watch remembers a story by default. */
    public static final Duration DEFAULT_STORY_MEMORY = Duration.ofDays(7);
    /**
     * Least share of new text for a second alert on one story: copies edited by 2–5 % of their words measure up to
     * 0.40 (99th percentile 0.40 on SaudiNewsNet, docs/quality.md), an article doubled by new paragraphs 0.5.
     */
    public static final double NEW_TEXT_THRESHOLD = 0.4;
    private final AlertGateStore store;
    private final Counter sameStory;
    private final Counter throttled;
    private final Counter muted;
    private final Counter storyUpdates;

    public AlertGate(AlertGateStore store, MeterRegistry metrics) {
        this.store = store;
        this.sameStory = Counter.builder("raqib.sink.alerts.suppressed").tag("reason", "same-story")
                .description("Matches that raised no alert because the watch already alerted on the story")
                .register(metrics);
        this.throttled = Counter.builder("raqib.sink.alerts.suppressed").tag("reason", "throttle")
                .description("Matches that raised no alert because of the watch's throttle window")
                .register(metrics);
        this.muted = Counter.builder("raqib.sink.alerts.suppressed").tag("reason", "muted")
                .description("Matches that raised no alert because the watch was muted")
                .register(metrics);
        this.storyUpdates = Counter.builder("raqib.sink.alerts.story.updates")
                .description("Second alerts of a watch on one story, for an article adding enough new text")
                .register(metrics);
    }

    /**
     * The candidates of one article (all with the same article and story) to publish at {@code time}, in order,
     * each alert's {@code suppressedSince} filled in; the held-back ones are left out.
     */
    public List<AlertCandidate> admit(List<AlertCandidate> candidates, Instant time) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        String article = candidates.get(0).articleId();
        String story = candidates.get(0).story();
        NewText newText = candidates.get(0).newText();
        // An article that starts its own story (most do) is one key: look it up and remember it once, not twice.
        boolean ownStory = story.equals(article);
        Set<String> sawStory = store.watchesThatSaw(story, time);
        boolean news = newText != null && newText.share() >= NEW_TEXT_THRESHOLD;
        Set<String> saw = new HashSet<>(ownStory || !news ? sawStory : Set.of());
        if (!ownStory) {
            saw.addAll(store.watchesThatSaw(article, time));
        }
        List<String> alertedOnStory = new ArrayList<>();
        List<String> sawArticle = new ArrayList<>();
        List<AlertCandidate> admitted = new ArrayList<>();
        for (AlertCandidate c : candidates) {
            if (!c.articleId().equals(article) || !c.story().equals(story)) {
                throw new IllegalArgumentException("candidates of articles " + article + " and " + c.articleId()
                        + " given to the gate together");
            }
            AlertState state = store.state(c.watchId());
            if (c.mutedUntil() != null && time.isBefore(c.mutedUntil())) {
                store.put(c.watchId(), state.plusSuppressed());
                muted.increment();
            } else if (!saw.add(c.watchId())) {
                sawArticle.add(c.watchId());
                store.put(c.watchId(), state.plusSuppressed());
                sameStory.increment();
            } else if (throttles(c.throttle(), state, time)) {
                store.put(c.watchId(), state.plusSuppressed());
                throttled.increment();
            } else {
                alertedOnStory.add(c.watchId());
                sawArticle.add(c.watchId());
                // The state matters only for a throttle and for the count of held-back matches: a watch without a
                // throttle that held nothing back needs none, which spares most alerts a store write.
                AlertState next = c.throttle() != null ? new AlertState(time, 0) : AlertState.NONE;
                if (!next.equals(state)) {
                    store.put(c.watchId(), next);
                }
                if (news && sawStory.contains(c.watchId())) {
                    admitted.add(withUpdate(c, state, newText));
                } else {
                    admitted.add(state.suppressed() == 0 ? c
                            : c.with(c.alert().withData(c.alert().data().withSuppressedSince(state.suppressed()))));
                }
            }
        }
        if (!alertedOnStory.isEmpty()) {
            store.remember(story, alertedOnStory, time);
        }
        if (!ownStory && !sawArticle.isEmpty()) {
            store.remember(article, sawArticle, time);
        }
        return admitted;
    }

    /** The candidate of a second alert on its story, saying how much new text the article brings. */
    private AlertCandidate withUpdate(AlertCandidate c, AlertState state, NewText newText) {
        storyUpdates.increment();
        return c.with(c.alert().withData(c.alert().data().withSuppressedSince(state.suppressed())
                .withStoryUpdate(new StoryUpdate(c.story(), newText.share(), newText.comparedWith()))));
    }

    private static boolean throttles(Duration throttle, AlertState state, Instant time) {
        return throttle != null && state.lastAlert() != null && time.isBefore(state.lastAlert().plus(throttle));
    }

    /**
     * The story of an article: its {@code storyId} when enrich measured its new text; for articles enriched by an
     * earlier version, which joined stories without measuring, the article it duplicates, else itself.
     */
    public static String storyOf(EnrichedArticle article) {
        if (article.newText() != null && article.storyId() != null && !article.storyId().isBlank()) {
            return article.storyId();
        }
        return article.duplicateOf() != null && !article.duplicateOf().isBlank() ? article.duplicateOf()
                : article.id();
    }
}
