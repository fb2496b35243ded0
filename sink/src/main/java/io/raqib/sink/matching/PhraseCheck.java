package io.raqib.sink.matching;

import java.util.Arrays;
import java.util.List;

/** Phrase matching on an article's positions, as Lucene's exact and sloppy phrase matchers decide it. */
final class PhraseCheck {

    private PhraseCheck() {
    }

    static boolean matches(ArticleTerms article, WatchNode.Phrase phrase) {
        for (List<String> slot : phrase.slots()) {
            if (!anyPresent(article, phrase.field(), slot)) {
                return false;
            }
        }
        int slots = phrase.slots().size();
        int[][] shifted = new int[slots][];
        for (int i = 0; i < slots; i++) {
            shifted[i] = shifted(article, phrase.field(), phrase.slots().get(i), phrase.offsets()[i]);
        }
        return phrase.slop() == 0 ? exact(shifted) : withinSlop(shifted, phrase.slop());
    }

    /** Most candidates lack a word: a hash lookup per slot settles them before any position is read. */
    private static boolean anyPresent(ArticleTerms article, String field, List<String> terms) {
        for (String term : terms) {
            if (article.has(field, term)) {
                return true;
            }
        }
        return false;
    }

    /** The positions of any of the slot's terms minus the slot's query offset, ascending and distinct. */
    private static int[] shifted(ArticleTerms article, String field, List<String> terms, int offset) {
        int[] out = new int[0];
        for (String term : terms) {
            int[] at = article.positions(field, term);
            int from = out.length;
            out = Arrays.copyOf(out, from + at.length);
            for (int i = 0; i < at.length; i++) {
                out[from + i] = at[i] - offset;
            }
        }
        if (terms.size() > 1) {
            out = Arrays.stream(out).sorted().distinct().toArray();
        }
        return out;
    }

    /** Some start shared by every slot. */
    private static boolean exact(int[][] shifted) {
        for (int start : shifted[0]) {
            boolean all = true;
            for (int i = 1; i < shifted.length && all; i++) {
                all = Arrays.binarySearch(shifted[i], start) >= 0;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /**
     * One position per slot whose shifted values lie within {@code slop} of each other: the smallest window over
     * one value of each list, found by always advancing the list at the window's low end (the sweep of Lucene's
     * {@code SloppyPhraseMatcher} for phrases without repeated terms).
     */
    private static boolean withinSlop(int[][] shifted, int slop) {
        int[] next = new int[shifted.length];
        while (true) {
            int low = 0;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < shifted.length; i++) {
                int value = shifted[i][next[i]];
                if (value < shifted[low][next[low]]) {
                    low = i;
                }
                max = Math.max(max, value);
            }
            if ((long) max - shifted[low][next[low]] <= slop) {
                return true;
            }
            if (++next[low] == shifted[low].length) {
                return false;
            }
        }
    }
}
