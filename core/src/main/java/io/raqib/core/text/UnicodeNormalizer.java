package io.raqib.core.text;

import com.ibm.icu.text.Normalizer;
import com.ibm.icu.text.Normalizer2;

/**
 * The Unicode stage: deletes invisible characters used to break words without changing how they look (zero-width
 * space, joiners and marks U+200B–U+200F, word joiner and invisible operators U+2060–U+206F, byte order mark
 * U+FEFF, bidi embeddings and isolates U+202A–U+202E and U+2066–U+2069, Arabic letter mark, soft hyphen, combining
 * grapheme joiner), applies NFKC — or NFKC_Casefold, which also folds case, for analysis — and folds typographic
 * punctuation to ASCII one char for one (curly and low double quotes, guillemets, double primes → {@code "};
 * curly single quotes, single guillemets, primes → {@code '}; hyphen, dash and minus variants → {@code -}).
 *
 * <p>Invisible characters go before NFKC so that NFKC sees the letters the reader sees side by side. Case is
 * folded by NFKC_Casefold rather than lowercased afterwards because lowercasing can make a letter compose with a
 * following mark (J + ̌ has no composite, ǰ does), and normalization must be idempotent. Most news text needs no
 * NFKC at all: when every char's quick check is "yes" and marks are in canonical order (looked up in tables) ICU
 * is not called; otherwise only the segments that fail ICU's quick check are normalized.
 */
final class UnicodeNormalizer {

    private static final char DELETE = '\uFFFF';
    private static final char FIRST = 'A';
    private static final char LAST = '\uFEFF';

    private final Normalizer2 normalizer;
    private static final byte[] COMBINING_CLASS = buildCombiningClasses();

    private final char[] table;
    private final long[] quickCheckYes;

    private UnicodeNormalizer(Normalizer2 normalizer, boolean foldCase) {
        this.normalizer = normalizer;
        this.table = buildTable(foldCase);
        this.quickCheckYes = buildQuickCheckYes(normalizer);
    }

    /** NFKC, keeping case: for display and language detection. */
    static UnicodeNormalizer plain() {
        return Plain.INSTANCE;
    }

    /** NFKC_Casefold: for analysis. */
    static UnicodeNormalizer caseFolding() {
        return CaseFolding.INSTANCE;
    }

    /**
     * Normalizes {@code in[0, n)}, sources being offsets into {@code in}; returns whichever of {@code a} and
     * {@code b} holds the result (the other is scratch).
     */
    SourcedText apply(char[] in, int n, SourcedText a, SourcedText b) {
        a.clear(n);
        char[] chars = a.chars;
        int[] sources = a.sources;
        int w = 0;
        boolean normalized = true;
        int lastClass = 0;
        for (int i = 0; i < n; i++) {
            char c = map(in[i]);
            if (c == DELETE) {
                continue;
            }
            chars[w] = c;
            sources[w++] = i;
            // ICU's own quick check: every char "yes", combining marks in canonical order.
            int combiningClass = COMBINING_CLASS[c] & 0xFF;
            normalized &= (quickCheckYes[c >>> 6] & 1L << c) != 0
                    && (combiningClass == 0 || combiningClass >= lastClass);
            lastClass = combiningClass;
        }
        a.length = w;
        if (normalized) {
            return a;
        }
        normalizeSegments(a, b);
        return b;
    }

    /** Whether {@code c} is one of the invisible characters this stage deletes. */
    private static boolean isInvisible(char c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x180E || c >= 0x200B && c <= 0x200F
                || c >= 0x202A && c <= 0x202E || c >= 0x2060 && c <= 0x206F || c == 0xFEFF;
    }

    private char map(char c) {
        int index = c - FIRST;
        return index >= 0 && index < table.length ? table[index] : c;
    }

    /** Copies {@code in} to {@code out}, normalizing each segment that fails the quick check. */
    private void normalizeSegments(SourcedText in, SourcedText out) {
        out.clear(in.length);
        CharArrayView view = new CharArrayView(in.chars);
        int n = in.length;
        int p = 0;
        while (p < n) {
            int yes = p + normalizer.spanQuickCheckYes(view.range(p, n));
            for (int i = p; i < yes; i++) {
                out.append(in.chars[i], in.sources[i]);
            }
            if (yes == n) {
                return;
            }
            // spanQuickCheckYes stops at a normalization boundary; the segment runs to the next one.
            int end = yes + Character.charCount(Character.codePointAt(in.chars, yes, n));
            while (end < n) {
                int cp = Character.codePointAt(in.chars, end, n);
                if (normalizer.hasBoundaryBefore(cp)) {
                    break;
                }
                end += Character.charCount(cp);
            }
            String normalized = normalizer.normalize(view.range(yes, end));
            // An expansion maps all its chars to the segment's first (base) char; otherwise chars map in order.
            boolean expansion = normalized.length() > end - yes;
            // A ligature that expands to a phrase (ﷺ) stood apart on the page: keep it apart from its neighbours,
            // so no word straddles it and every word's offsets cover the ligature.
            boolean phrase = expansion && normalized.indexOf(' ') >= 0;
            if (phrase && out.length > 0 && !Character.isWhitespace(out.chars[out.length - 1])) {
                out.append(' ', in.sources[yes]);
            }
            for (int k = 0; k < normalized.length(); k++) {
                char c = map(normalized.charAt(k));
                if (c != DELETE) {
                    out.append(c, in.sources[expansion ? yes : Math.min(yes + k, end - 1)]);
                }
            }
            if (phrase && end < n && !Character.isWhitespace(in.chars[end])) {
                out.append(' ', in.sources[end]);
            }
            p = end;
        }
    }

    private static char[] buildTable(boolean foldCase) {
        char[] table = new char[LAST - FIRST + 1];
        for (int i = 0; i < table.length; i++) {
            char c = (char) (FIRST + i);
            table[i] = isInvisible(c) ? DELETE : foldCase && c >= 'A' && c <= 'Z' ? (char) (c + 'a' - 'A') : c;
        }
        "\u00AB\u00BB\u201C\u201D\u201E\u201F\u2033\u301D\u301E\u301F".chars().forEach(c -> table[c - FIRST] = '"');
        "\u2018\u2019\u201A\u201B\u2032\u2039\u203A".chars().forEach(c -> table[c - FIRST] = '\'');
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2E3A\u2E3B".chars().forEach(c -> table[c - FIRST] = '-');
        return table;
    }

    /** Chars whose quick check is "yes": they cannot change, nor compose with what precedes them. */
    private static long[] buildQuickCheckYes(Normalizer2 normalizer) {
        long[] yes = new long[0x10000 / 64];
        for (char c = 0; c < 0xFFFF; c++) {
            if (!Character.isSurrogate(c) && normalizer.quickCheck(String.valueOf(c)) == Normalizer.YES) {
                yes[c >>> 6] |= 1L << c;
            }
        }
        return yes;
    }

    private static byte[] buildCombiningClasses() {
        Normalizer2 nfc = Normalizer2.getNFCInstance();
        byte[] classes = new byte[0x10000];
        for (char c = 0; c < 0xFFFF; c++) {
            classes[c] = (byte) nfc.getCombiningClass(c);
        }
        return classes;
    }

    private static final class Plain {
        static final UnicodeNormalizer INSTANCE = new UnicodeNormalizer(Normalizer2.getNFKCInstance(), false);
    }

    private static final class CaseFolding {
        static final UnicodeNormalizer INSTANCE =
                new UnicodeNormalizer(Normalizer2.getNFKCCasefoldInstance(), true);
    }

    /** A {@link CharSequence} over part of a char array, so ICU can scan it without a copy. */
    private static final class CharArrayView implements CharSequence {
        private final char[] chars;
        private int start;
        private int end;

        CharArrayView(char[] chars) {
            this.chars = chars;
        }

        CharArrayView range(int from, int to) {
            start = from;
            end = to;
            return this;
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            return chars[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(chars, start + from, to - from);
        }

        @Override
        public String toString() {
            return new String(chars, start, end - start);
        }
    }
}
