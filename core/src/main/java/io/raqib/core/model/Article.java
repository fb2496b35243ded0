package io.raqib.core.model;

import java.time.Instant;

/**
 * An article as ingested (contract: DESIGN.md). {@code body} is plain text; {@code html} and {@code language}
 * are optional hints from the source.
 */
public record Article(
        String id,
        String url,
        String source,
        String title,
        String body,
        String html,
        String language,
        Instant published,
        Instant ingestedAt) {

    /** Returns a copy with the given id. */
    public Article withId(String newId) {
        return new Article(newId, url, source, title, body, html, language, published, ingestedAt);
    }

    /** Returns a copy stamped with the given ingest time. */
    public Article withIngestedAt(Instant time) {
        return new Article(id, url, source, title, body, html, language, published, time);
    }
}
