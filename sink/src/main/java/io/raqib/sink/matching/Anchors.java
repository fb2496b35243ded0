package io.raqib.sink.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What must be in an article for a compiled watch to match it: up to two anchor sets, each complete on its own
 * (every matching article holds an anchor of each), taken from different required parts of the watch (Fabret et
 * al.'s "access predicates" with counting; the percolator's query extraction; Lucene Monitor's multipass idea). The
 * index makes a watch a candidate only when each of its sets fired, so a phrase of two common words is a candidate
 * only where both occur. Sets are chosen small and of rare-looking terms: of a phrase its longest words, of the
 * required clauses the cheapest sets, of a disjunction every alternative.
 */
final class Anchors {

    /** A (field, term) the article must hold, or, when {@code prefix}, a term starting with {@code text}. */
    record Anchor(String field, String text, boolean prefix) {
    }

    private Anchors() {
    }

    /**
     * The anchor sets of {@code node} (one or two; none when it can never match), or null when it can match
     * without any anchor (checked for every article).
     */
    static List<Set<Anchor>> of(WatchNode node) {
        if (node instanceof WatchNode.Term t) {
            return List.of(Set.of(new Anchor(t.field(), t.text(), false)));
        }
        if (node instanceof WatchNode.AnyTerm a) {
            return List.of(terms(a.field(), a.texts()));
        }
        if (node instanceof WatchNode.Prefix p) {
            return List.of(Set.of(new Anchor(p.field(), p.prefix(), true)));
        }
        if (node instanceof WatchNode.Phrase p) {
            List<Set<Anchor>> slots = new ArrayList<>();
            p.slots().forEach(slot -> slots.add(terms(p.field(), slot)));
            return cheapest(slots);
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
        return List.of();
    }

    private static List<Set<Anchor>> bool(List<WatchNode> required, List<WatchNode> optional, int minShould) {
        if (required.isEmpty() && optional.isEmpty()) {
            return List.of();
        }
        List<Set<Anchor>> sets = new ArrayList<>();
        for (WatchNode n : required) {
            List<Set<Anchor>> own = of(n);
            if (own != null && own.isEmpty()) {
                return own;
            }
            if (own != null) {
                sets.addAll(own);
            }
        }
        if (!sets.isEmpty()) {
            return cheapest(sets);
        }
        if (!required.isEmpty() && minShould == 0) {
            return null;
        }
        Set<Anchor> union = new LinkedHashSet<>();
        for (WatchNode n : optional) {
            List<Set<Anchor>> own = of(n);
            if (own == null) {
                return null;
            }
            if (!own.isEmpty()) {
                union.addAll(own.get(0));
            }
        }
        return union.isEmpty() ? List.of() : List.of(union);
    }

    /** The two sets least likely to fire (or the one, when there is one). */
    private static List<Set<Anchor>> cheapest(List<Set<Anchor>> sets) {
        List<Set<Anchor>> sorted = new ArrayList<>(sets);
        sorted.sort(Comparator.comparingDouble(Anchors::cost));
        return List.copyOf(sorted.subList(0, Math.min(2, sorted.size())));
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
