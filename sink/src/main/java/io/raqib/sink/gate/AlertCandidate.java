package io.raqib.sink.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.NewText;
import io.raqib.core.model.Watch;
import io.raqib.sink.matching.HighlightDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A match on its way to the alert gate: the alert it would raise plus what the gate and the desk routing need.
 * In the sink it travels through a repartition topic keyed by watch id, so one task owns each watch's state. The
 * alert's highlights travel as {@code drafts} and are finished ({@link #highlighted()}) only once the gate has
 * let the match through.
 *
 * @param story   the article's story ({@link AlertGate#storyOf})
 * @param drafts  the highlights still to finish; null once finished
 * @param newText how much of the article is new to its story (enrich's {@code newText}); null when it starts one
 * @param mutedUntil the watch's {@code mutedUntil} when it matched; null when not muted
 */
public record AlertCandidate(String watchId, String desk, Duration throttle, String articleId, String story,
                             Alert alert, @JsonInclude(JsonInclude.Include.NON_NULL) List<HighlightDraft> drafts,
                             @JsonInclude(JsonInclude.Include.NON_NULL) NewText newText,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Instant mutedUntil) {

    /** The candidate for one match of {@code watch} on {@code article}, its highlights still drafts. */
    public static AlertCandidate of(Watch watch, EnrichedArticle article, Alert alert, List<HighlightDraft> drafts) {
        return new AlertCandidate(watch.id(), watch.desk(), watch.throttle(), article.id(),
                AlertGate.storyOf(article), alert, drafts, article.newText(), watch.mutedUntil());
    }

    /** The same candidate carrying another alert. */
    public AlertCandidate with(Alert newAlert) {
        return new AlertCandidate(watchId, desk, throttle, articleId, story, newAlert, drafts, newText, mutedUntil);
    }

    /** The candidate whose alert carries its finished highlights (fragments cut now). */
    public AlertCandidate highlighted() {
        return highlighted(new IdentityHashMap<>());
    }

    /**
     * The candidate whose alert carries its finished highlights, each draft's fragment taken from {@code cut} or cut
     * now and kept there: the matches of one article share most drafts, so each is cut once per article.
     */
    public AlertCandidate highlighted(Map<HighlightDraft, Highlight> cut) {
        if (drafts == null) {
            return this;
        }
        List<Highlight> highlights = drafts.stream().map(d -> cut.computeIfAbsent(d, HighlightDraft::highlight))
                .toList();
        return new AlertCandidate(watchId, desk, throttle, articleId, story,
                alert.withData(alert.data().withHighlights(highlights)), null, newText, mutedUntil);
    }
}
