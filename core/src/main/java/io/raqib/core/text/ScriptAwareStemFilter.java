package io.raqib.core.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Light stemming chosen per token by script, so one language's rules never touch the other's words in mixed
 * text: an Arabic-script token loses one of Lucene's Arabic suffixes (ها ان ات ون ين يه ه ي; its prefixes are
 * {@link ProcliticFilter}'s job), a Latin-script token loses an English possessive ({@code 's}) and, when it is
 * a plain word, its plural ({@code elections} → {@code election}), and anything else (numbers, other scripts) is
 * left alone. Tokens marked as keywords are not stemmed. Expects the lowercased, normalized text of
 * {@link NormalizationStage}.
 */
public final class ScriptAwareStemFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final EnglishMinimalStemmer english = new EnglishMinimalStemmer();

    /** Wraps a token stream over normalized text. */
    public ScriptAwareStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword() || term.length() == 0) {
            return true;
        }
        char[] buffer = term.buffer();
        char first = buffer[0];
        if (ArabicScript.isLetter(first)) {
            term.setLength(stemArabic(buffer, term.length()));
        } else if (isLatinLetter(first)) {
            int length = withoutPossessive(buffer, term.length());
            term.setLength(isWord(buffer, length) ? english.stem(buffer, length) : length);
        }
        return true;
    }

    /**
     * Lucene's light Arabic suffix stemming ({@code ArabicStemmer.stemSuffix}): in order, ها ان ات ون ين يه ه ي are
     * each removed when at least two letters remain. Its ة forms never occur after orthography (ة → ه). Written
     * out because the generic loop was the costliest step of the whole chain.
     */
    static int stemArabic(char[] s, int length) {
        int len = length;
        len = strip(s, len, '\u0647', '\u0627');
        len = strip(s, len, '\u0627', '\u0646');
        len = strip(s, len, '\u0627', '\u062A');
        len = strip(s, len, '\u0648', '\u0646');
        len = strip(s, len, '\u064A', '\u0646');
        len = strip(s, len, '\u064A', '\u0647');
        if (len >= 3 && s[len - 1] == '\u0647') {
            len--;
        }
        if (len >= 3 && s[len - 1] == '\u064A') {
            len--;
        }
        return len;
    }

    private static int strip(char[] s, int len, char first, char second) {
        return len >= 4 && s[len - 1] == second && s[len - 2] == first ? len - 2 : len;
    }

    private static int withoutPossessive(char[] buffer, int length) {
        boolean apostrophe = length > 2 && (buffer[length - 2] == '\'' || buffer[length - 2] == '\u2019');
        if (apostrophe && buffer[length - 1] == 's') {
            return length - 2;
        }
        return length;
    }

    /** Abbreviations, host names and codes ({@code u.s}, {@code x.com}, {@code covid19}) are not plurals. */
    private static boolean isWord(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isLetter(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatinLetter(char c) {
        return (c < 0x0250 || c >= 0x1E00 && c <= 0x1EFF) && Character.isLetter(c);
    }
}
