package io.raqib.sink;

import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Builds the alert CloudEvent for a watch match. The event id is derived from (watch, article), so a
 * redelivered alert carries the same id and consumers can drop it.
 */
public final class AlertFactory {

    private final Clock clock;

    public AlertFactory(Clock clock) {
        this.clock = clock;
    }

    /** The alert for one match. */
    public Alert create(WatchMatch match, EnrichedArticle article) {
        AlertData data = new AlertData(match.watch().id(), match.watch().name(), article.id(), article.title(),
                article.url(), article.source(), article.language(), match.highlights(), article.entities(),
                article.topics());
        return Alert.of(alertId(match.watch().id(), article.id()), clock.instant(), data);
    }

    static String alertId(String watchId, String articleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((watchId + "\u0000" + articleId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
