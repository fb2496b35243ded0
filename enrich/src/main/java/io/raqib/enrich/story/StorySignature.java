package io.raqib.enrich.story;

import java.util.List;

/**
 * What near-duplicate and story detection keep of an article: two MinHash signatures, one over word shingles
 * (near-identical text) and one over content words (same story, other wording).
 *
 * @param shingles MinHash over 5-word shingles of title + clean body
 * @param words    MinHash over the set of content words of title + clean body
 */
public record StorySignature(int[] shingles, int[] words) {

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
}
