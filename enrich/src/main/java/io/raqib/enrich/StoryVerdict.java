package io.raqib.enrich;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.raqib.core.model.NewText;

/**
 * The story step's decision on one article, on its way back to the raw partition where the analyzed article
 * waits ({@code partition}, {@code offset}).
 *
 * @param duplicateOf id of the first article this one nearly repeats, or null
 * @param storyId     the story the article belongs to (its own id when it starts one)
 * @param newText     how much of the article is new to the story it joined; null when it starts one (and in
 *                    verdicts of earlier versions)
 */
public record StoryVerdict(String articleId, int partition, long offset, String duplicateOf, String storyId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) NewText newText) {
}
