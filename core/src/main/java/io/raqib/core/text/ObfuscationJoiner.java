package io.raqib.core.text;

/**
 * The de-obfuscation stage: joins an Arabic word that a writer broke with tatweel runs around punctuation
 * ({@code الإرهـ.ـاب}, {@code السـ_ـورية}, {@code هـ.ـزيلة}, {@code الإرهـ ـاب}) and deletes kashida stretching
 * ({@code الرئاســــة}).
 *
 * <p>A join needs an Arabic letter, a tatweel run, one to three of {@code . · • * _ -} or space, another tatweel
 * run (more separator + run pairs may follow), and an Arabic letter. Requiring tatweel on both sides is what
 * keeps real tokens apart: {@code U.S.}, {@code 3.5}, {@code a.m.}, URLs, e-mail addresses and sentence ends
 * ({@code الخ.}) have no tatweel, and a Hijri year ({@code 1445هـ.}) is refused explicitly because its ه follows
 * a number (its tatweels still go, its dot stays). A tatweel touching an Arabic letter is stretching and is
 * deleted together with any mark written on it; a tatweel run between non-letters (used as a dash or rule) is
 * kept, so numbers on either side never merge. Marks on letters stay for the orthography stage.
 */
final class ObfuscationJoiner {

    private static final int MAX_SEPARATORS = 3;

    private ObfuscationJoiner() {
    }

    /** Copies {@code text} to {@code out} without the disguise. */
    static void apply(SourcedText text, SourcedText out) {
        out.clear(text.length);
        char[] in = text.chars;
        int[] sources = text.sources;
        char[] chars = out.chars;
        int[] outSources = out.sources;
        int n = text.length;
        int w = 0;
        int i = 0;
        while (i < n) {
            if (in[i] != ArabicScript.TATWEEL) {
                chars[w] = in[i];
                outSources[w++] = sources[i++];
                continue;
            }
            int letter = letterBefore(in, i);
            int chainEnd = letter < 0 ? -1 : chainEnd(in, n, i);
            int end = chainEnd > 0 ? chainEnd : runEnd(in, n, i);
            // Tatweels go with the marks written on them; a disguise's separators go when it splits one word.
            boolean join = chainEnd > 0 && chainEnd < n && ArabicScript.isLetter(in[chainEnd])
                    && !isHijriAbbreviation(in, letter);
            boolean stretching = chainEnd > 0 || letter >= 0 || end < n && ArabicScript.isLetter(in[end]);
            for (; i < end; i++) {
                boolean tatweelOrMark = in[i] == ArabicScript.TATWEEL || ArabicScript.isMark(in[i]);
                if (tatweelOrMark ? !stretching : !join) {
                    chars[w] = in[i];
                    outSources[w++] = sources[i];
                }
            }
        }
        out.length = w;
    }

    /**
     * End of a chain that starts with the tatweel run at {@code start} and continues with separator + tatweel run
     * pairs ({@code ـ.ـ}, {@code ـ_ـــ}, {@code ـ ـ}); -1 when the run is not followed by such a pair.
     */
    private static int chainEnd(char[] in, int n, int start) {
        int end = runEnd(in, n, start);
        boolean bridged = false;
        while (true) {
            int sep = end;
            while (sep < n && sep - end < MAX_SEPARATORS && ArabicScript.isDisguiseSeparator(in[sep])) {
                sep++;
            }
            if (sep == end || sep >= n || in[sep] != ArabicScript.TATWEEL) {
                return bridged ? end : -1;
            }
            end = runEnd(in, n, sep);
            bridged = true;
        }
    }

    /** End of the tatweel run at {@code start}: tatweels and the marks written on them. */
    private static int runEnd(char[] in, int n, int start) {
        int i = start;
        while (i < n && (in[i] == ArabicScript.TATWEEL || ArabicScript.isMark(in[i]))) {
            i++;
        }
        return i;
    }

    /** Index of the Arabic letter a tatweel at {@code at} is attached to (skipping marks), or -1. */
    private static int letterBefore(char[] in, int at) {
        int i = at - 1;
        while (i >= 0 && ArabicScript.isMark(in[i])) {
            i--;
        }
        return i >= 0 && ArabicScript.isLetter(in[i]) ? i : -1;
    }

    /** Whether the letter at {@code at} is the ه of a Hijri year: a number, an optional space, then ه. */
    private static boolean isHijriAbbreviation(char[] in, int at) {
        if (in[at] != ArabicScript.HEH) {
            return false;
        }
        int i = at - 1;
        if (i >= 0 && in[i] == ' ') {
            i--;
        }
        return i >= 0 && Character.isDigit(in[i]);
    }
}
