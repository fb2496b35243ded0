package io.raqib.sink.gate;

import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.sink.matching.WatchMatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the alert CloudEvent for a watch match. The event id is derived from (watch, article), so a
 * redelivered alert carries the same id and consumers can drop it. An alert stays small whatever the article:
 * the title is cut to {@link #MAX_TITLE_CHARS} and each entity keeps its first {@link #MENTIONS_PER_ENTITY}
 * mentions (an article matching many watches is carried once per match).
 */
public final class AlertFactory {

    /** Longest title an alert carries. */
    public static final int MAX_TITLE_CHARS = 1000;
    /** Mentions an alert keeps per entity: enough to show where it is named. */
    public static final int MENTIONS_PER_ENTITY = 3;

    private final Clock clock;

    public AlertFactory(Clock clock) {
        this.clock = clock;
    }

    /** The alert for one match, without highlights: the gate's verdict comes first ({@link AlertCandidate}). */
    public Alert create(WatchMatch match, EnrichedArticle article) {
        AlertData data = new AlertData(match.watch().id(), match.watch().name(), article.id(), title(article),
                article.url(), article.source(), article.language(), List.of(), entities(article),
                article.topics()).withStoryId(article.storyId());
        return Alert.of(alertId(match.watch().id(), article.id()), clock.instant(), data);
    }

    private static String title(EnrichedArticle article) {
        String title = article.title();
        return title == null || title.length() <= MAX_TITLE_CHARS ? title
                : title.substring(0, MAX_TITLE_CHARS - 1) + "…";
    }

    private static List<Entity> entities(EnrichedArticle article) {
        return article.entities().stream().map(e -> e.mentions() == null || e.mentions().size() <= MENTIONS_PER_ENTITY ? e
                : new Entity(e.id(), e.name(), e.type(), e.mentions().subList(0, MENTIONS_PER_ENTITY))).toList();
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
