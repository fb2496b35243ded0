package io.raqib.sink.digest;

import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Digest.DigestArticle;

/**
 * What a digest needs of one alert, carried from the alerts topic to the desk's digest task instead of the whole
 * alert (entities and highlights make an alert ten times larger).
 */
public record DigestEntry(String watchId, String watchName, String storyId, DigestArticle article) {

    /** The entry of {@code alert}; its story is the article's own when the alert names none. */
    public static DigestEntry of(Alert alert) {
        AlertData d = alert.data();
        String story = d.storyId() != null ? d.storyId() : d.articleId();
        return new DigestEntry(d.watchId(), d.watchName(), story,
                new DigestArticle(alert.id(), d.articleId(), d.title(), d.url(), d.source(), alert.time()));
    }
}
