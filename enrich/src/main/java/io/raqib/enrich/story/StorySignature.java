package io.raqib.enrich.story;

import java.util.List;

/**
 * What near-duplicate and story detection keep of an article: two MinHash signatures, one over word shingles
 * (near-identical text) and one over content words (same story, other wording).
 *
 * @param shingles     MinHash over the 5-word shingles of the story body (title + body when the body is tiny)
 * @param words        MinHash over the set of content words of title + story body
 * @param shingleCount how many distinct shingles {@code shingles} summarizes; 0 when unknown (signatures stored by
 *                     an earlier version)
 */
public record StorySignature(int[] shingles, int[] words, int shingleCount) {

    /** Signatures whose shingle count is unknown. */
    public StorySignature(int[] shingles, int[] words) {
        this(shingles, words, 0);
    }

    /** Keys of the LSH bands of a signature: {@code prefix + band index + hash of the band's values}. */
    static List<String> bands(String prefix, int[] signature, int rows) {
        String[] keys = new String[signature.length / rows];
        for (int band = 0; band < keys.length; band++) {
            long h = band;
            for (int r = 0; r < rows; r++) {
                h = MinHash.mix(h * 31 + signature[band * rows + r]);
            }
            keys[band] = prefix + band + ":" + Long.toHexString(h);
        }
        return List.of(keys);
    }

    /**
     * The share of this article's shingles that {@code earlier}'s lack (0–1), from the estimated Jaccard
     * similarity and the two shingle counts: |A ∩ B| = J (|A| + |B|) / (1 + J). An unknown count is taken as equal
     * to the other.
     */
    double newShare(StorySignature earlier) {
        double j = MinHash.similarity(shingles, earlier.shingles);
        double own = shingleCount > 0 ? shingleCount : Math.max(1, earlier.shingleCount);
        double theirs = earlier.shingleCount > 0 ? earlier.shingleCount : own;
        double common = j * (own + theirs) / (1 + j);
        return Math.max(0, Math.min(1, 1 - common / own));
    }
}
