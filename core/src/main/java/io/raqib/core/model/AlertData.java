package io.raqib.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code data} of an alert CloudEvent: which watch fired on which article, and why. Optional:
 * {@code suppressedSince} — matches of this watch held back (same story, throttle, mute) since its previous alert;
 * {@code replay} — true when the alert comes from {@code raqib replay} over past articles; {@code storyUpdate} — on a
 * second alert of the watch for one story, how much new text the article adds to it; {@code storyId} — the
 * article's story (enrich's {@code storyId}), so digests and consoles can group alerts by story.
 */
public record AlertData(
        String watchId,
        String watchName,
        String articleId,
        String title,
        String url,
        String source,
        String language,
        List<Highlight> highlights,
        List<Entity> entities,
        List<Topic> topics,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long suppressedSince,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean replay,
        @JsonInclude(JsonInclude.Include.NON_NULL) StoryUpdate storyUpdate,
        @JsonInclude(JsonInclude.Include.NON_NULL) String storyId) {

    /** Data of a live alert with nothing suppressed before it. */
    public AlertData(String watchId, String watchName, String articleId, String title, String url, String source,
                     String language, List<Highlight> highlights, List<Entity> entities, List<Topic> topics) {
        this(watchId, watchName, articleId, title, url, source, language, highlights, entities, topics, 0, false,
                null, null);
    }

    /** A copy reporting {@code count} matches suppressed since the watch's previous alert. */
    public AlertData withSuppressedSince(long count) {
        return new AlertData(watchId, watchName, articleId, title, url, source, language, highlights, entities,
                topics, count, replay, storyUpdate, storyId);
    }

    /** A copy carrying {@code newHighlights}. */
    public AlertData withHighlights(List<Highlight> newHighlights) {
        return new AlertData(watchId, watchName, articleId, title, url, source, language, newHighlights, entities,
                topics, suppressedSince, replay, storyUpdate, storyId);
    }

    /** A copy marked as produced by a replay. */
    public AlertData asReplay() {
        return new AlertData(watchId, watchName, articleId, title, url, source, language, highlights, entities,
                topics, suppressedSince, true, storyUpdate, storyId);
    }

    /** A copy saying why the watch alerts again on a story it already alerted on. */
    public AlertData withStoryUpdate(StoryUpdate update) {
        return new AlertData(watchId, watchName, articleId, title, url, source, language, highlights, entities,
                topics, suppressedSince, replay, update, storyId);
    }

    /** A copy naming the article's story. */
    public AlertData withStoryId(String story) {
        return new AlertData(watchId, watchName, articleId, title, url, source, language, highlights, entities,
                topics, suppressedSince, replay, storyUpdate, story);
    }
}
