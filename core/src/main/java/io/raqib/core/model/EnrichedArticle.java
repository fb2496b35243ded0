package io.raqib.core.model;

import java.time.Instant;
import java.util.List;

/**
 * The article plus what enrich learned about it (contract: DESIGN.md). {@code cleanBody} is the body without
 * boilerplate lines; mention offsets still point into the original {@code title}/{@code body}.
 */
public record EnrichedArticle(
        String id,
        String url,
        String source,
        String title,
        String body,
        String html,
        String language,
        Instant published,
        Instant ingestedAt,
        String cleanBody,
        List<Entity> entities,
        List<Topic> topics,
        String duplicateOf,
        String storyId,
        String author,
        List<String> categories) {

    public EnrichedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** An enriched article without author and categories. */
    public EnrichedArticle(String id, String url, String source, String title, String body, String html,
                           String language, Instant published, Instant ingestedAt, String cleanBody,
                           List<Entity> entities, List<Topic> topics, String duplicateOf, String storyId) {
        this(id, url, source, title, body, html, language, published, ingestedAt, cleanBody, entities, topics,
                duplicateOf, storyId, null, List.of());
    }

    /** Builds an enriched article from the raw one and the enrichment results. */
    public static EnrichedArticle of(Article a, String language, String cleanBody, List<Entity> entities,
                                     List<Topic> topics, String duplicateOf, String storyId) {
        return new EnrichedArticle(a.id(), a.url(), a.source(), a.title(), a.body(), a.html(), language,
                a.published(), a.ingestedAt(), cleanBody, entities, topics, duplicateOf, storyId, a.author(),
                a.categories());
    }
}
