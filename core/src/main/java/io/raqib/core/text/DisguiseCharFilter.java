package io.raqib.core.text;

import java.io.Reader;

/**
 * Removes the disguise writers put on words to hide them from filters, keeping offsets into the original text:
 * invisible characters, compatibility forms (NFKC), typographic punctuation, and tatweel-based breaks and
 * stretching ({@code الإرهـ.ـاب} → {@code الإرهاب}). Real tokens and sentence ends ({@code U.S.}, {@code 3.5},
 * {@code 1445هـ.}) are left alone. Case and the letters' orthography (hamza, diacritics) are kept, so the result
 * still reads naturally; {@link RaqibAnalyzer} also folds case and applies {@link NormalizationStage#ORTHOGRAPHY}.
 */
public final class DisguiseCharFilter {

    private DisguiseCharFilter() {
    }

    /** Wraps a reader so that disguise is removed with offset correction. */
    public static Reader wrap(Reader in) {
        return new NormalizingCharFilter(in, NormalizationStage.DEOBFUSCATION, false);
    }

    /** Removes disguise from a string (for language detection and display; offsets are not kept). */
    public static String strip(String text) {
        char[] chars = text.toCharArray();
        return NormalizingCharFilter.normalize(chars, chars.length, NormalizationStage.DEOBFUSCATION, false)
                .toString();
    }
}
