package io.raqib.sink.matching;

import io.raqib.sink.watches.CompiledWatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Compiles a watch's Lucene query into a {@link WatchNode}, or says it cannot: the query kinds the watch syntax
 * produces (terms, synonyms, phrases exact and sloppy, prefixes, booleans with minimum-should, constant-score and
 * boosted wrappers, the weighted-terms form). A sloppy phrase with a term in two places is checked by Lucene on
 * the article's own index (its matcher then keeps two query terms off one position, which the sweep does not).
 */
public final class QueryCompiler {

    private QueryCompiler() {
    }

    /** The compiled watch, or null when some part of its query is of a kind this compiler leaves to Lucene. */
    public static WatchNode compile(CompiledWatch watch) {
        if (!watch.scored()) {
            return node(watch.monitorQuery());
        }
        WatchNode weighted = weighted(watch.weights(), watch.threshold());
        if (weighted == null || watch.monitorQuery() == watch.weights()) {
            return weighted;
        }
        WatchNode query = node(((BooleanQuery) watch.monitorQuery()).clauses().get(0).getQuery());
        return query == null ? null : new WatchNode.Bool(List.of(query, weighted), List.of(), List.of(), 0);
    }

    /** The weighted form: optional boosted phrases whose weights are summed, required and excluded phrases. */
    private static WatchNode weighted(Query weights, double threshold) {
        BooleanQuery bool = (BooleanQuery) weights;
        List<WatchNode> required = new ArrayList<>();
        List<WatchNode> excluded = new ArrayList<>();
        List<WatchNode> optional = new ArrayList<>();
        List<Float> boosts = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            Query q = clause.getQuery();
            float boost = 1f;
            if (q instanceof BoostQuery b) {
                boost = b.getBoost();
                q = b.getQuery();
            }
            WatchNode n = node(q);
            if (n == null) {
                return null;
            }
            switch (clause.getOccur()) {
                case SHOULD -> {
                    optional.add(n);
                    boosts.add(boost);
                }
                case MUST_NOT -> excluded.add(n);
                default -> required.add(n);
            }
        }
        float[] w = new float[boosts.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = boosts.get(i);
        }
        WatchNode base = new WatchNode.Bool(required, optional, excluded, 1);
        return new WatchNode.Weighted(base, optional, w, threshold);
    }

    private static WatchNode node(Query q) {
        if (q instanceof TermQuery t) {
            return new WatchNode.Term(t.getTerm().field(), t.getTerm().text());
        }
        if (q instanceof BoostQuery b) {
            return node(b.getQuery());
        }
        if (q instanceof ConstantScoreQuery c) {
            return node(c.getQuery());
        }
        if (q instanceof MatchNoDocsQuery) {
            return new WatchNode.None();
        }
        if (q instanceof PrefixQuery p) {
            return new WatchNode.Prefix(p.getPrefix().field(), p.getPrefix().text());
        }
        if (q instanceof SynonymQuery s) {
            List<Term> terms = s.getTerms();
            return terms.isEmpty() ? new WatchNode.None()
                    : new WatchNode.AnyTerm(s.getField(), terms.stream().map(Term::text).toList());
        }
        if (q instanceof PhraseQuery p) {
            return phrase(p, p.getField(), p.getTerms(), p.getPositions(), p.getSlop());
        }
        if (q instanceof MultiPhraseQuery m) {
            return multiPhrase(m);
        }
        if (q instanceof BooleanQuery b) {
            return bool(b);
        }
        return null;
    }

    private static WatchNode phrase(Query q, String field, Term[] terms, int[] positions, int slop) {
        if (terms.length == 0) {
            return new WatchNode.None();
        }
        if (terms.length == 1) {
            return new WatchNode.Term(field, terms[0].text());
        }
        List<List<String>> slots = new ArrayList<>();
        for (Term t : terms) {
            slots.add(List.of(t.text()));
        }
        return phraseOf(q, field, slots, positions, slop);
    }

    private static WatchNode multiPhrase(MultiPhraseQuery m) {
        Term[][] arrays = m.getTermArrays();
        if (arrays.length == 0) {
            return new WatchNode.None();
        }
        List<List<String>> slots = new ArrayList<>();
        for (Term[] alternatives : arrays) {
            slots.add(java.util.Arrays.stream(alternatives).map(Term::text).toList());
        }
        return phraseOf(m, arrays[0][0].field(), slots, m.getPositions(), m.getSlop());
    }

    private static WatchNode phraseOf(Query q, String field, List<List<String>> slots, int[] positions, int slop) {
        WatchNode.Phrase phrase = new WatchNode.Phrase(field, slots, positions.clone(), slop);
        return slop > 0 && repeats(slots) ? new WatchNode.LuceneQuery(q, phrase) : phrase;
    }

    /** Whether a term stands in two slots. */
    private static boolean repeats(List<List<String>> slots) {
        Set<String> seen = new HashSet<>();
        for (List<String> slot : slots) {
            for (String term : slot) {
                if (!seen.add(term)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static WatchNode bool(BooleanQuery b) {
        List<WatchNode> required = new ArrayList<>();
        List<WatchNode> optional = new ArrayList<>();
        List<WatchNode> excluded = new ArrayList<>();
        for (BooleanClause clause : b.clauses()) {
            WatchNode n = node(clause.getQuery());
            if (n == null) {
                return null;
            }
            switch (clause.getOccur()) {
                case MUST, FILTER -> required.add(n);
                case SHOULD -> optional.add(n);
                case MUST_NOT -> excluded.add(n);
                default -> {
                    return null;
                }
            }
        }
        return new WatchNode.Bool(required, optional, excluded, b.getMinimumNumberShouldMatch());
    }
}
