package io.raqib.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A desk's alert digest for one period, as published on {@code raqib.digests} (key = desk): the period's alerts
 * grouped by watch, then by story. Lists are bounded so a busy desk's digest stays one readable record: the counts
 * say how many alerts each group had, the lists show the first ones.
 *
 * @param id      unique per digest sent
 * @param desk    the desk
 * @param period  ISO-8601 period ({@code PT1H}, {@code P1D})
 * @param from    start of the period (inclusive, UTC-aligned)
 * @param to      end of the period (exclusive)
 * @param alerts  alerts in the period, all watches
 * @param watches the watches that alerted, most alerts first
 * @param moreWatches watches that alerted but are left out of {@code watches}
 */
public record Digest(String id, String desk, String period, Instant from, Instant to, int alerts,
                     List<DigestWatch> watches, int moreWatches) {

    /** One watch's alerts in the period, by story; {@code moreStories} counts the stories left out. */
    public record DigestWatch(String watchId, String watchName, int alerts, List<DigestStory> stories,
                              int moreStories) {
    }

    /** One story's alerts of a watch: its first articles and how many alerts it raised in all. */
    public record DigestStory(String storyId, int alerts, List<DigestArticle> articles) {
    }

    /** One alerted article. */
    public record DigestArticle(String alertId, String articleId, String title, String url, String source,
                                Instant time) {
    }
}
