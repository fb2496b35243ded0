package io.raqib.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The article plus what enrich learned about it (contract: DESIGN.md). {@code cleanBody} is the body without
 * boilerplate lines; mention offsets still point into the original {@code title}/{@code body}.
 * {@code languageConfidence} (optional, 0–1) says how sure language detection was. {@code newText} (optional, only
 * on an article that joined an earlier story) says how much of its text that story did not have yet.
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
        List<String> categories,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double languageConfidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) NewText newText) {

    public EnrichedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** An enriched article without a new-text measure. */
    public EnrichedArticle(String id, String url, String source, String title, String body, String html,
                           String language, Instant published, Instant ingestedAt, String cleanBody,
                           List<Entity> entities, List<Topic> topics, String duplicateOf, String storyId,
                           String author, List<String> categories, Double languageConfidence) {
        this(id, url, source, title, body, html, language, published, ingestedAt, cleanBody, entities, topics,
                duplicateOf, storyId, author, categories, languageConfidence, null);
    }

    /** An enriched article without a language confidence. */
    public EnrichedArticle(String id, String url, String source, String title, String body, String html,
                           String language, Instant published, Instant ingestedAt, String cleanBody,
                           List<Entity> entities, List<Topic> topics, String duplicateOf, String storyId,
                           String author, List<String> categories) {
        this(id, url, source, title, body, html, language, published, ingestedAt, cleanBody, entities, topics,
                duplicateOf, storyId, author, categories, null, null);
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

    /** Returns a copy with the near-duplicate and story verdict. */
    public EnrichedArticle withStory(String duplicateOfId, String story) {
        return withStory(duplicateOfId, story, newText);
    }

    /** Returns a copy with the near-duplicate and story verdict and how much of it is new to the story. */
    public EnrichedArticle withStory(String duplicateOfId, String story, NewText news) {
        return new EnrichedArticle(id, url, source, title, body, html, language, published, ingestedAt, cleanBody,
                entities, topics, duplicateOfId, story, author, categories, languageConfidence, news);
    }

    /** Returns a copy carrying how sure language detection was (0–1). */
    public EnrichedArticle withLanguageConfidence(Double confidence) {
        return new EnrichedArticle(id, url, source, title, body, html, language, published, ingestedAt, cleanBody,
                entities, topics, duplicateOf, storyId, author, categories, confidence, newText);
    }
}
