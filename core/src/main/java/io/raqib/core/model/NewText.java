package io.raqib.core.model;

/**
 * How much of an article is new to its story (optional part of {@code EnrichedArticle}): the share of the article's
 * 5-word shingles of story body that the closest earlier article of the same story does not have.
 *
 * @param share        0–1, 0 for a copy, near 1 for a text that only shares the subject
 * @param comparedWith the id of the earlier article of the story it was measured against
 */
public record NewText(double share, String comparedWith) {
}
