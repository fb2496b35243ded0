package io.raqib.sink.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;

/**
 * The hits of a matching watch in its article, from Lucene's matches API on the article's one-document index:
 * the same hits the Monitor's {@link HighlightsMatch} reports, computed only for watches that matched.
 */
public final class MatchHits {

    private MatchHits() {
    }

    /** Hits per field of {@code query} in the only document of {@code searcher}; empty when it does not match. */
    public static Map<String, Set<HighlightsMatch.Hit>> of(IndexSearcher searcher, Query query) {
        Map<String, Set<HighlightsMatch.Hit>> hits = new TreeMap<>();
        try {
            LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
            Matches matches = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1)
                    .matches(leaf, 0);
            if (matches == null) {
                return hits;
            }
            for (String field : matches) {
                MatchesIterator it = matches.getMatches(field);
                while (it != null && it.next()) {
                    MatchesIterator sub = it.getSubMatches();
                    if (sub == null) {
                        add(hits, field, it);
                    } else {
                        while (sub.next()) {
                            add(hits, field, sub);
                        }
                    }
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot highlight a match", e);
        }
    }

    private static void add(Map<String, Set<HighlightsMatch.Hit>> hits, String field, MatchesIterator it)
            throws IOException {
        hits.computeIfAbsent(field, f -> new TreeSet<>()).add(new HighlightsMatch.Hit(it.startPosition(),
                it.startOffset(), it.endPosition(), it.endOffset()));
    }
}
