package io.raqib.sink.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What must be in an article for a compiled watch to match it: a set of anchors, at least one of which every
 * matching article holds (Fabret et al.'s "access predicates"; the percolator's query extraction). The index finds
 * a watch only through its anchors, so the set must be complete; it is chosen small and of rare-looking terms: of
 * the required clauses the cheapest one, of a disjunction every alternative, of a phrase its longest word.
 */
final class Anchors {

    /** A (field, term) the article must hold, or, when {@code prefix}, a term starting with {@code text}. */
    record Anchor(String field, String text, boolean prefix) {
    }

    /** The anchors of no match at all: an empty set, the node never matches. */
    private static final Set<Anchor> NEVER = Set.of();

    private Anchors() {
    }

    /** The anchors of {@code node}, or null when it can match without any single anchor (checked always). */
    static Set<Anchor> of(WatchNode node) {
        if (node instanceof WatchNode.Term t) {
            return Set.of(new Anchor(t.field(), t.text(), false));
        }
        if (node instanceof WatchNode.AnyTerm a) {
            return terms(a.field(), a.texts());
        }
        if (node instanceof WatchNode.Prefix p) {
            return Set.of(new Anchor(p.field(), p.prefix(), true));
        }
        if (node instanceof WatchNode.Phrase p) {
            return terms(p.field(), longestSlot(p.slots()));
        }
        if (node instanceof WatchNode.Bool b) {
            return bool(b.required(), b.optional(), b.minShould());
        }
        if (node instanceof WatchNode.Weighted w) {
            return of(w.base());
        }
        if (node instanceof WatchNode.LuceneQuery l) {
            return of(l.approximation());
        }
        return NEVER;
    }

    private static Set<Anchor> bool(List<WatchNode> required, List<WatchNode> optional, int minShould) {
        if (required.isEmpty() && optional.isEmpty()) {
            return NEVER;
        }
        Set<Anchor> best = null;
        for (WatchNode n : required) {
            Set<Anchor> a = of(n);
            if (a != null && (best == null || cost(a) < cost(best))) {
                best = a;
            }
        }
        if (best != null) {
            return best;
        }
        if (!required.isEmpty() && minShould == 0 || optional.isEmpty()) {
            return null;
        }
        Set<Anchor> union = new LinkedHashSet<>();
        for (WatchNode n : optional) {
            Set<Anchor> a = of(n);
            if (a == null) {
                return null;
            }
            union.addAll(a);
        }
        return union;
    }

    /** The slot whose shortest alternative is longest: long words are rare words. */
    private static List<String> longestSlot(List<List<String>> slots) {
        List<String> best = slots.get(0);
        for (List<String> slot : slots) {
            if (shortest(slot) > shortest(best)) {
                best = slot;
            }
        }
        return best;
    }

    private static int shortest(List<String> terms) {
        return terms.stream().mapToInt(String::length).min().orElse(0);
    }

    private static Set<Anchor> terms(String field, List<String> texts) {
        Set<Anchor> out = new LinkedHashSet<>();
        texts.forEach(t -> out.add(new Anchor(field, t, false)));
        return out;
    }

    /** How often the anchors are expected to fire: more anchors, shorter words and prefixes fire more. */
    private static double cost(Set<Anchor> anchors) {
        double cost = 0;
        for (Anchor a : anchors) {
            cost += (a.prefix() ? 4.0 : 1.0) / Math.max(1, a.text().length());
        }
        return cost;
    }
}
