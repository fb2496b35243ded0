package io.raqib.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie of analyzed phrases (gazetteer names, topic rule terms) matched against an {@link AnalyzedText}. A
 * phrase word matches a text word when it equals any form stacked at that position, so {@code بوتين} matches
 * {@code لبوتين} and {@code بوتـ.ـين}. Not thread-safe while adding; read-only matching is thread-safe.
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {

    private final Node<T> root = new Node<>();
    private int phrases;

    private static final class Node<T> {
        final Map<String, Node<T>> children = new HashMap<>();
        final List<T> values = new ArrayList<>(1);
    }

    /**
     * One phrase occurrence.
     *
     * @param from   first word position
     * @param to     position after the last word
     * @param values what the phrase stands for (several entries may share a phrase)
     */
    public record Match<T>(int from, int to, List<T> values) {
    }

    /** Adds a phrase given as its analyzed terms (one term per word, as {@link AnalyzedText.Word#term()}). */
    public void add(List<String> terms, T value) {
        if (terms.isEmpty()) {
            return;
        }
        Node<T> node = root;
        for (String term : terms) {
            node = node.children.computeIfAbsent(term, k -> new Node<>());
        }
        if (!node.values.contains(value)) {
            node.values.add(value);
            phrases++;
        }
    }

    /** How many (phrase, value) pairs were added. */
    public int size() {
        return phrases;
    }

    /** Every phrase occurrence, overlapping ones included (topic scoring counts them all). */
    public List<Match<T>> allMatches(AnalyzedText text) {
        List<Match<T>> out = new ArrayList<>();
        for (int from = 0; from < text.size(); from++) {
            collect(text, from, from, root, out);
        }
        return out;
    }

    /** Non-overlapping occurrences, scanning left to right; at each position the longest phrase wins. */
    public List<Match<T>> longestMatches(AnalyzedText text) {
        List<Match<T>> out = new ArrayList<>();
        int from = 0;
        while (from < text.size()) {
            List<Match<T>> here = new ArrayList<>();
            collect(text, from, from, root, here);
            Match<T> longest = null;
            for (Match<T> m : here) {
                if (longest == null || m.to() > longest.to()) {
                    longest = m;
                }
            }
            if (longest == null) {
                from++;
            } else {
                out.add(longest);
                from = longest.to();
            }
        }
        return out;
    }

    private void collect(AnalyzedText text, int from, int at, Node<T> node, List<Match<T>> out) {
        if (at > from && !node.values.isEmpty()) {
            out.add(new Match<>(from, at, node.values));
        }
        if (at >= text.size() || node.children.isEmpty()) {
            return;
        }
        for (String form : text.word(at).forms()) {
            Node<T> next = node.children.get(form);
            if (next != null) {
                collect(text, from, at + 1, next, out);
            }
        }
    }
}
