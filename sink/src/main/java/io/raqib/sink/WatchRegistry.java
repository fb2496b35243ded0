package io.raqib.sink;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.core.text.RaqibAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * The live set of watches, indexed in a Lucene Monitor for reverse search: register, replace or remove a
 * watch at any time, and match an article against all of them at once. Thread-safe.
 */
public final class WatchRegistry implements AutoCloseable {

    private final Monitor monitor;
    private final WatchQueryParser parser = new WatchQueryParser();
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    public WatchRegistry() {
        try {
            monitor = new Monitor(RaqibAnalyzer.perField(), new TermFilteredPresearcher());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the watch index", e);
        }
    }

    /** Adds or replaces a watch; throws {@link InvalidWatchException} (and changes nothing) when it is invalid. */
    public void put(Watch watch) {
        MonitorQuery query = new MonitorQuery(watch.id(), parser.parse(watch), watch.query(), Map.of());
        try {
            monitor.register(query);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index watch " + watch.id(), e);
        }
        watches.put(watch.id(), watch);
    }

    /** Adds or replaces several watches; fails on the first invalid one. */
    public void putAll(Collection<Watch> all) {
        all.forEach(this::put);
    }

    /** Removes a watch; no-op when absent. */
    public void remove(String watchId) {
        try {
            monitor.deleteById(watchId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove watch " + watchId, e);
        }
        watches.remove(watchId);
    }

    /** The watch with this id, or null. */
    public Watch get(String watchId) {
        return watches.get(watchId);
    }

    /** Number of registered watches. */
    public int size() {
        return watches.size();
    }

    /** Every watch that matches the article, in watch-id order, with highlights. */
    public List<WatchMatch> match(EnrichedArticle article) {
        ArticleDocument doc = new ArticleDocument(article);
        MatchingQueries<HighlightsMatch> result;
        try {
            result = monitor.match(doc.document(), HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.id() + " failed", e);
        }
        List<WatchMatch> out = new ArrayList<>();
        for (HighlightsMatch match : result.getMatches()) {
            Watch watch = watches.get(match.getQueryId());
            if (watch != null) {
                out.add(new WatchMatch(watch, HighlightBuilder.build(doc, match.getHits())));
            }
        }
        out.sort(Comparator.comparing(m -> m.watch().id()));
        return out;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}
