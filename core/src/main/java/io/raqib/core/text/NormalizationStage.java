package io.raqib.core.text;

import java.io.Reader;
import java.util.Locale;

/**
 * The char-level normalization stages of {@link RaqibAnalyzer}, in the order they run. They run as one Lucene
 * char filter, so token offsets are corrected back to the original text through all of them.
 */
public enum NormalizationStage {

    /** Invisible characters removed, NFKC with case folding, typographic quotes and dashes folded to ASCII. */
    UNICODE,
    /** Words broken by tatweel + punctuation or spelled letter by letter joined, kashida stretching removed. */
    DEOBFUSCATION,
    /** Arabic diacritics removed; alef, yeh, teh marbuta and digit forms unified. */
    ORTHOGRAPHY;

    /** The stage's name as shown to analysts. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Wraps {@code in} in a char filter applying every stage up to and including this one. */
    public Reader wrapThrough(Reader in) {
        return new NormalizingCharFilter(in, this, true);
    }

    /** The text after every stage up to and including this one (offsets are not kept). */
    public String apply(String text) {
        return NormalizingCharFilter.normalize(text.toCharArray(), text.length(), this, true).toString();
    }

    /** Wraps {@code in} in a char filter applying all stages. */
    public static Reader wrapAll(Reader in) {
        return ORTHOGRAPHY.wrapThrough(in);
    }

    /** The fully normalized text, as the tokenizer sees it. */
    public static String normalize(String text) {
        return ORTHOGRAPHY.apply(text);
    }
}
