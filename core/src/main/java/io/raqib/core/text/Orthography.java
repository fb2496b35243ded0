package io.raqib.core.text;

import com.ibm.icu.lang.UCharacter;

/**
 * The orthography stage, one char at a time so offsets stay exact: alef forms آ أ إ ٱ → ا; ى and Persian ی → ي;
 * ة and its variants ۀ ە → ه; Persian ک → ك; the accusative ending اً / ًا at the end of a word goes with its
 * tanween (جفافاً → جفاف; a hamza's alef stays: مبدأً → مبدا; without the mark nothing is dropped: شكرا); Arabic-Indic and Persian digits and the Arabic decimal/thousands separators → ASCII; and
 * the marks on Arabic letters are deleted — harakat U+064B–U+0652, superscript alef U+0670, Quranic marks, and
 * stray madda/hamza marks U+0653–U+0655 (NFKC would otherwise recompose them with a folded alef on a second pass:
 * ا + ٔ → أ). Only Arabic-block characters are touched, and a mark is only deleted when it sits on an Arabic
 * letter (possibly past marks of other scripts), so a Latin letter never meets a mark that was kept apart from it:
 * normalization stays idempotent.
 */
final class Orthography {

    private static final char DELETE = '\uFFFF';
    private static final char FATHATAN = '\u064B';
    private static final char FIRST = '\u0610';
    private static final char[] TABLE = buildTable();

    private Orthography() {
    }

    /** Normalizes {@code text} in place (it can only shrink). */
    static void apply(SourcedText text) {
        char[] chars = text.chars;
        int[] sources = text.sources;
        int w = 0;
        boolean onArabicLetter = false;
        // Written position of a plain alef (as written, not a folded hamza form) that follows an Arabic letter.
        int endingAlef = -1;
        for (int r = 0, n = text.length; r < n; r++) {
            char c = chars[r];
            if (c == FATHATAN && onArabicLetter) {
                if (endingAlef == w - 1 && wordEndsAt(chars, r + 1, n)) {
                    w--;
                } else if (endingAlef != w - 1 && r + 1 < n && chars[r + 1] == ArabicScript.ALEF
                        && w > 0 && ArabicScript.isLetter(chars[w - 1]) && wordEndsAt(chars, r + 2, n)) {
                    r++;
                }
                endingAlef = -1;
                continue;
            }
            int index = c - FIRST;
            if (index >= 0 && index < TABLE.length) {
                char m = TABLE[index];
                if (m == DELETE) {
                    if (onArabicLetter) {
                        continue;
                    }
                } else {
                    c = m;
                    onArabicLetter = ArabicScript.isLetter(c) || c == ArabicScript.TATWEEL
                            || onArabicLetter && inCombiningMark(chars, r, n);
                }
            } else {
                onArabicLetter = onArabicLetter && inCombiningMark(chars, r, n);
            }
            endingAlef = chars[r] == ArabicScript.ALEF && w > 0 && ArabicScript.isLetter(chars[w - 1]) ? w : -1;
            chars[w] = c;
            sources[w++] = sources[r];
        }
        text.length = w;
    }

    /** Whether no Arabic letter follows from {@code i} on, past marks (the word ends there). */
    private static boolean wordEndsAt(char[] chars, int i, int n) {
        while (i < n && ArabicScript.isMark(chars[i])) {
            i++;
        }
        return i >= n || !ArabicScript.isLetter(chars[i]) && chars[i] != ArabicScript.TATWEEL;
    }

    /**
     * Whether the char at {@code i} is (part of) a combining mark. A mark of another script between an Arabic
     * letter and its marks leaves them on that letter: NFKC composes across it on a second pass (ا + ܱ + ٓ → آ + ܱ).
     */
    private static boolean inCombiningMark(char[] chars, int i, int n) {
        boolean secondHalf = i > 0 && Character.isLowSurrogate(chars[i]) && Character.isHighSurrogate(chars[i - 1]);
        int start = secondHalf ? i - 1 : i;
        return UCharacter.getCombiningClass(Character.codePointAt(chars, start, n)) != 0;
    }

    private static char[] buildTable() {
        char[] table = new char['\u08FF' - FIRST + 1];
        for (int i = 0; i < table.length; i++) {
            char c = (char) (FIRST + i);
            table[i] = ArabicScript.isMark(c) ? DELETE : c;
        }
        for (char c : new char[] {'\u0622', '\u0623', '\u0625', '\u0671', '\u0672', '\u0673'}) {
            table[c - FIRST] = ArabicScript.ALEF;
        }
        table['\u0649' - FIRST] = '\u064A';
        table['\u06CC' - FIRST] = '\u064A';
        table['\u0629' - FIRST] = ArabicScript.HEH;
        table['\u06C0' - FIRST] = ArabicScript.HEH;
        table['\u06D5' - FIRST] = ArabicScript.HEH;
        table['\u06A9' - FIRST] = '\u0643';
        for (int d = 0; d < 10; d++) {
            table[0x0660 + d - FIRST] = (char) ('0' + d);
            table[0x06F0 + d - FIRST] = (char) ('0' + d);
        }
        table['\u066B' - FIRST] = '.';
        table['\u066C' - FIRST] = ',';
        return table;
    }
}
