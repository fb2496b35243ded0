package io.raqib.core.model;

import java.util.List;

/** The {@code data} of an alert CloudEvent: which watch fired on which article, and why. */
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
        List<Topic> topics) {
}
