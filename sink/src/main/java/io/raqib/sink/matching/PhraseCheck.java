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
        if (phrase.slop() == 0) {
            return exact(article, phrase);
        }
        int slots = phrase.slots().size();
        int[][] shifted = new int[slots][];
        for (int i = 0; i < slots; i++) {
            shifted[i] = shifted(article, phrase.field(), phrase.slots().get(i), phrase.offsets()[i]);
        }
        return withinSlop(shifted, phrase.slop());
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

    /** The positions of any of the slot's terms minus the slot's query offset, ascending. */
    private static int[] shifted(ArticleTerms article, String field, List<String> terms, int offset) {
        int[] out = article.positions(field, terms.get(0));
        for (int t = 1; t < terms.size(); t++) {
            out = merge(out, article.positions(field, terms.get(t)));
        }
        int[] shifted = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            shifted[i] = out[i] - offset;
        }
        return shifted;
    }

    /** Two ascending arrays merged into one. */
    private static int[] merge(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            out[k++] = j == b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
        }
        return out;
    }

    /** Some start at which every slot has one of its terms in place. */
    private static boolean exact(ArticleTerms article, WatchNode.Phrase phrase) {
        List<List<String>> slots = phrase.slots();
        int[] offsets = phrase.offsets();
        for (String first : slots.get(0)) {
            for (int p : article.positions(phrase.field(), first)) {
                int start = p - offsets[0];
                boolean all = true;
                for (int i = 1; i < slots.size() && all; i++) {
                    all = atPosition(article, phrase.field(), slots.get(i), start + offsets[i]);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean atPosition(ArticleTerms article, String field, List<String> terms, int position) {
        for (String term : terms) {
            if (Arrays.binarySearch(article.positions(field, term), position) >= 0) {
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
