package io.raqib.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An article as ingested (contract: DESIGN.md). {@code body} is plain text; {@code html} and {@code language}
 * are optional hints from the source; {@code author} and {@code categories} are optional source metadata.
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
        Instant ingestedAt,
        String author,
        List<String> categories) {

    public Article {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** An article without author and categories. */
    public Article(String id, String url, String source, String title, String body, String html, String language,
                   Instant published, Instant ingestedAt) {
        this(id, url, source, title, body, html, language, published, ingestedAt, null, List.of());
    }

    /** Returns a copy with the given id. */
    public Article withId(String newId) {
        return new Article(newId, url, source, title, body, html, language, published, ingestedAt, author, categories);
    }

    /** Returns a copy stamped with the given ingest time. */
    public Article withIngestedAt(Instant time) {
        return new Article(id, url, source, title, body, html, language, published, time, author, categories);
    }
}
