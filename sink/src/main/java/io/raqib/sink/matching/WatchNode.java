package io.raqib.sink.matching;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * A watch's query compiled to a small tree evaluated against an article's {@link ArticleTerms}, with Lucene's
 * semantics for each kind of query the compiler accepts ({@link QueryCompiler}).
 */
public sealed interface WatchNode {

    /** Whether the article matches this node. */
    boolean matches(ArticleTerms article);

    /** One term in a field (a keyword field's value, or an analyzed word). */
    record Term(String field, String text) implements WatchNode {
        @Override
        public boolean matches(ArticleTerms article) {
            return article.has(field, text);
        }
    }

    /** Any of several terms at one position (Lucene's {@code SynonymQuery}). */
    record AnyTerm(String field, List<String> texts) implements WatchNode {
        @Override
        public boolean matches(ArticleTerms article) {
            for (String text : texts) {
                if (article.has(field, text)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Some term of the field starts with {@code prefix}. */
    record Prefix(String field, String prefix) implements WatchNode {
        @Override
        public boolean matches(ArticleTerms article) {
            return article.hasPrefix(field, prefix);
        }
    }

    /**
     * A phrase: slot {@code i} is any of {@code slots.get(i)} at query position {@code offsets[i]}; with
     * {@code slop} 0 exactly in place, otherwise within {@code slop} moves (Lucene's sloppy phrase distance).
     */
    record Phrase(String field, List<List<String>> slots, int[] offsets, int slop) implements WatchNode {
        @Override
        public boolean matches(ArticleTerms article) {
            return PhraseCheck.matches(article, this);
        }
    }

    /**
     * A boolean combination: every {@code required}, none of {@code excluded}, and at least {@code minShould} of
     * {@code optional} (1 when there is nothing required and no minimum is set). Without a required or optional
     * clause it matches nothing, as in Lucene.
     */
    record Bool(List<WatchNode> required, List<WatchNode> optional, List<WatchNode> excluded, int minShould)
            implements WatchNode {
        @Override
        public boolean matches(ArticleTerms article) {
            if (required.isEmpty() && optional.isEmpty()) {
                return false;
            }
            for (WatchNode n : required) {
                if (!n.matches(article)) {
                    return false;
                }
            }
            for (WatchNode n : excluded) {
                if (n.matches(article)) {
                    return false;
                }
            }
            int needed = minShould > 0 ? minShould : required.isEmpty() ? 1 : 0;
            if (needed > optional.size()) {
                return false;
            }
            int found = 0;
            for (int i = 0; i < optional.size() && found < needed; i++) {
                if (optional.get(i).matches(article)) {
                    found++;
                }
            }
            return found >= needed;
        }
    }

    /**
     * The weighted-terms form: {@code base} must match, and the weights of the {@code weighted} nodes found, summed
     * as Lucene sums constant scores (floats added in double precision, the total rounded to float), must reach
     * {@code threshold}.
     */
    record Weighted(WatchNode base, List<WatchNode> weighted, float[] weights, double threshold)
            implements WatchNode {
        @Override
        public boolean matches(ArticleTerms article) {
            if (!base.matches(article)) {
                return false;
            }
            double sum = 0;
            for (int i = 0; i < weighted.size(); i++) {
                if (weighted.get(i).matches(article)) {
                    sum += weights[i];
                }
            }
            return (float) sum >= threshold - 1e-6;
        }
    }

    /**
     * A query left to Lucene itself, run on the article's own index: a sloppy phrase with a term in two slots,
     * where Lucene keeps the two off one position. {@code approximation} (the same phrase without that rule) is a
     * necessary condition: it is checked first and anchors the watch in the index.
     */
    record LuceneQuery(Query query, WatchNode approximation) implements WatchNode {
        @Override
        public boolean matches(ArticleTerms article) {
            return approximation.matches(article) && article.matches(query);
        }
    }

    /** Matches nothing (a clause Lucene rewrites to no documents). */
    record None() implements WatchNode {
        @Override
        public boolean matches(ArticleTerms article) {
            return false;
        }
    }
}
