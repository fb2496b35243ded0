package io.raqib.core.model;

/**
 * Why a watch alerts a second time on one story (optional part of {@link AlertData}): the article adds enough new
 * text to the story the watch already alerted on.
 *
 * @param storyId      the story (the id of its first article)
 * @param newText      the share of the article's text that is new to the story (0–1)
 * @param comparedWith the earlier article of the story the new text was measured against
 */
public record StoryUpdate(String storyId, double newText, String comparedWith) {
}
