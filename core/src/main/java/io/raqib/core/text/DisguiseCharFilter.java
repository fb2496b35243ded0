package io.raqib.core.text;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Removes the characters writers insert to hide words from filters, keeping offsets into the original text:
 * tatweel runs, a tatweel-punctuation-tatweel break inside a word ({@code الإرهـ.ـاب} → {@code الإرهاب}) and
 * zero-width / bidi control characters. A dot without tatweel on both sides ({@code U.S.}, {@code 3.5},
 * {@code 1445هـ.}) is left alone, so real tokens and sentence ends survive.
 */
public final class DisguiseCharFilter {

    /** Tatweel runs, optionally bridged by one punctuation mark or space to another tatweel run. */
    static final Pattern DISGUISE = Pattern.compile(
            "\u0640+(?:[.\u00B7\u2022*_\\- ]\u0640+)*|[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]");

    private DisguiseCharFilter() {
    }

    /** Wraps a reader so that disguise characters are removed with offset correction. */
    public static Reader wrap(Reader in) {
        return new PatternReplaceCharFilter(DISGUISE, "", in);
    }

    /** Removes disguise from a string (for language detection and display; offsets are not kept). */
    public static String strip(String text) {
        return DISGUISE.matcher(text).replaceAll("");
    }
}
