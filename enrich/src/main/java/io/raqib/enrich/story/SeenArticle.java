package io.raqib.enrich.story;

/**
 * An article near-duplicate detection remembers for the window.
 *
 * @param id        the article id
 * @param storyId   the story it was put in
 * @param signature its signatures
 */
public record SeenArticle(String id, String storyId, StorySignature signature) {
}
