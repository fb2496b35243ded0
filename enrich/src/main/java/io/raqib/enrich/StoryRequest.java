package io.raqib.enrich;

import io.raqib.enrich.story.StorySignature;

/**
 * What the one-partition story step needs of an analyzed article — its id and signatures, a few hundred bytes —
 * and where the analyzed article waits meanwhile (raw partition and offset), so the verdict finds its way back.
 */
public record StoryRequest(String articleId, int partition, long offset, StorySignature signature) {
}
