package io.raqib.enrich;

/**
 * The story step's decision on one article, on its way back to the raw partition where the analyzed article
 * waits ({@code partition}, {@code offset}).
 *
 * @param duplicateOf id of the first article this one nearly repeats, or null
 * @param storyId     the story the article belongs to (its own id when it starts one)
 */
public record StoryVerdict(String articleId, int partition, long offset, String duplicateOf, String storyId) {
}
