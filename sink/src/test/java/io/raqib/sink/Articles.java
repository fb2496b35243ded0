package io.raqib.sink;

import io.raqib.core.model.EnrichedArticle;
import java.time.Instant;
import java.util.List;

/** Enriched articles for sink tests. */
public final class Articles {

    private Articles() {
    }

    /** An enriched article whose clean body is the body without its lines starting with "Read also:". */
    public static EnrichedArticle of(String id, String language, String title, String body) {
        String clean = String.join("\n", body.lines().filter(l -> !l.startsWith("Read also:")).toList());
        return new EnrichedArticle(id, "https://example.org/" + id, "example", title, body, null, language,
                Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:00:01Z"), clean, List.of(),
                List.of(), null, id);
    }
}
