package io.raqib.sink.matching;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

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
            return exact(article, phrase, null);
        }
        return sweep(shifted(article, phrase), phrase.slop(), phrase.offsets(), null);
    }

    /**
     * Calls {@code found} with the article positions of each slot for every occurrence of the phrase: exact, each
     * start where every slot is in place; sloppy, each window within the slop that the sweep meets.
     */
    static void occurrences(ArticleTerms article, WatchNode.Phrase phrase, Consumer<int[]> found) {
        if (phrase.slop() == 0) {
            exact(article, phrase, found);
        } else {
            int[][] shifted = shifted(article, phrase);
            if (shifted != null) {
                sweep(shifted, phrase.slop(), phrase.offsets(), found);
            }
        }
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

    /** Each slot's shifted positions, or null when some slot has none in the article. */
    private static int[][] shifted(ArticleTerms article, WatchNode.Phrase phrase) {
        int[][] shifted = new int[phrase.slots().size()][];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = shifted(article, phrase.field(), phrase.slots().get(i), phrase.offsets()[i]);
            if (shifted[i].length == 0) {
                return null;
            }
        }
        return shifted;
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

    /**
     * Whether some start has every slot's term in place; with {@code found}, calls it with the slots' positions of
     * every such start instead of stopping at the first.
     */
    private static boolean exact(ArticleTerms article, WatchNode.Phrase phrase, Consumer<int[]> found) {
        List<List<String>> slots = phrase.slots();
        int[] offsets = phrase.offsets();
        for (String first : slots.get(0)) {
            for (int p : article.positions(phrase.field(), first)) {
                int start = p - offsets[0];
                boolean all = true;
                for (int i = 1; i < slots.size() && all; i++) {
                    all = atPosition(article, phrase.field(), slots.get(i), start + offsets[i]);
                }
                if (all && found == null) {
                    return true;
                }
                if (all) {
                    found.accept(placed(offsets, start));
                }
            }
        }
        return false;
    }

    private static int[] placed(int[] offsets, int start) {
        int[] at = new int[offsets.length];
        for (int i = 0; i < at.length; i++) {
            at[i] = start + offsets[i];
        }
        return at;
    }

    static boolean atPosition(ArticleTerms article, String field, List<String> terms, int position) {
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
     * {@code SloppyPhraseMatcher} for phrases without repeated terms). With {@code found}, calls it with the
     * article positions of every window within the slop instead of stopping at the first.
     */
    private static boolean sweep(int[][] shifted, int slop, int[] offsets, Consumer<int[]> found) {
        int[] next = new int[shifted.length];
        while (true) {
            int low = lowest(shifted, next);
            if ((long) highest(shifted, next) - shifted[low][next[low]] <= slop) {
                if (found == null) {
                    return true;
                }
                int[] at = new int[shifted.length];
                for (int i = 0; i < at.length; i++) {
                    at[i] = shifted[i][next[i]] + offsets[i];
                }
                found.accept(at);
            }
            if (++next[low] == shifted[low].length) {
                return false;
            }
        }
    }

    /** The list whose current value is the window's low end. */
    private static int lowest(int[][] shifted, int[] next) {
        int low = 0;
        for (int i = 1; i < shifted.length; i++) {
            if (shifted[i][next[i]] < shifted[low][next[low]]) {
                low = i;
            }
        }
        return low;
    }

    /** The window's high end. */
    private static int highest(int[][] shifted, int[] next) {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < shifted.length; i++) {
            max = Math.max(max, shifted[i][next[i]]);
        }
        return max;
    }
}
