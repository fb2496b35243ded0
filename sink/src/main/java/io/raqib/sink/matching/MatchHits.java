package io.raqib.sink.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * The hits of a matching compiled watch in its article, from the positions and offsets already read: the hits
 * Lucene's matches API reports to a Monitor's {@link HighlightsMatch} (every occurrence of a term or of a term
 * with the prefix; each phrase occurrence as one span; the parts of a boolean that match, never the excluded
 * ones). Sloppy phrases report the windows within the slop that the matcher's sweep meets.
 */
public final class MatchHits {

    private final ArticleTerms article;
    private final Map<String, Set<HighlightsMatch.Hit>> hits = new TreeMap<>();

    private MatchHits(ArticleTerms article) {
        this.article = article;
    }

    /** Hits per field of {@code node}, which matched {@code article}. */
    public static Map<String, Set<HighlightsMatch.Hit>> of(ArticleTerms article, WatchNode node) {
        MatchHits out = new MatchHits(article);
        out.add(node);
        return out.hits;
    }

    private void add(WatchNode node) {
        if (node instanceof WatchNode.Term t) {
            term(t.field(), t.text());
        } else if (node instanceof WatchNode.AnyTerm a) {
            a.texts().forEach(text -> term(a.field(), text));
        } else if (node instanceof WatchNode.Prefix p) {
            article.forEachWithPrefix(p.field(), p.prefix(), text -> term(p.field(), text));
        } else if (node instanceof WatchNode.Phrase p) {
            PhraseCheck.occurrences(article, p, at -> phrase(p, at));
        } else if (node instanceof WatchNode.Bool b) {
            b.required().forEach(this::add);
            matching(b.optional());
        } else if (node instanceof WatchNode.Weighted w) {
            add(w.base());
            matching(w.weighted());
        } else if (node instanceof WatchNode.LuceneQuery l) {
            add(l.approximation());
        }
    }

    private void matching(List<WatchNode> nodes) {
        for (WatchNode n : nodes) {
            if (n.matches(article)) {
                add(n);
            }
        }
    }

    /** Every occurrence of the term (none in keyword fields, which have no positions). */
    private void term(String field, String text) {
        ArticleTerms.Occurrences at = article.occurrences(field, text);
        for (int i = 0; at != null && i < at.count; i++) {
            hit(field, at, i);
        }
    }

    /** One occurrence of the phrase as one hit, from its first position's start to its last one's end. */
    private void phrase(WatchNode.Phrase phrase, int[] positions) {
        int first = -1;
        int last = -1;
        int start = 0;
        int end = 0;
        for (int slot = 0; slot < positions.length; slot++) {
            int p = positions[slot];
            for (String text : phrase.slots().get(slot)) {
                ArticleTerms.Occurrences at = article.occurrences(phrase.field(), text);
                int i = at == null ? -1 : Arrays.binarySearch(at.positions, p);
                if (i >= 0) {
                    if (first < 0 || p < first) {
                        first = p;
                        start = at.starts[i];
                    }
                    if (p > last) {
                        last = p;
                        end = at.ends[i];
                    }
                    break;
                }
            }
        }
        hits.computeIfAbsent(phrase.field(), f -> new TreeSet<>()).add(new HighlightsMatch.Hit(first, start, last,
                end));
    }

    private void hit(String field, ArticleTerms.Occurrences at, int i) {
        hits.computeIfAbsent(field, f -> new TreeSet<>()).add(new HighlightsMatch.Hit(at.positions[i], at.starts[i],
                at.positions[i], at.ends[i]));
    }
}
