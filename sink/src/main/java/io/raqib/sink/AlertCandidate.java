package io.raqib.sink;

import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import java.time.Duration;

/**
 * A match on its way to the alert gate: the alert it would raise plus what the gate and the desk routing need.
 * In the sink it travels through a repartition topic keyed by watch id, so one task owns each watch's state.
 *
 * @param story the article's near-duplicate group ({@link AlertGate#storyOf})
 */
public record AlertCandidate(String watchId, String desk, Duration throttle, String articleId, String story,
                             Alert alert) {

    /** The candidate for one match of {@code watch} on {@code article}. */
    public static AlertCandidate of(Watch watch, EnrichedArticle article, Alert alert) {
        return new AlertCandidate(watch.id(), watch.desk(), watch.throttle(), article.id(),
                AlertGate.storyOf(article), alert);
    }

    /** The same candidate carrying another alert. */
    public AlertCandidate with(Alert newAlert) {
        return new AlertCandidate(watchId, desk, throttle, articleId, story, newAlert);
    }
}
