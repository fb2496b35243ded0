package io.raqib.sink.watches;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.core.text.RaqibAnalyzer;
import io.raqib.sink.matching.ArticleDocument;
import io.raqib.sink.matching.ArticleTerms;
import io.raqib.sink.matching.CompiledWatchIndex;
import io.raqib.sink.matching.HighlightBuilder;
import io.raqib.sink.matching.MatchHits;
import io.raqib.sink.matching.MatchingMode;
import io.raqib.sink.matching.QueryCompiler;
import io.raqib.sink.matching.WatchMatch;
import io.raqib.sink.matching.WatchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The live set of watches for reverse search: register, replace or remove a watch at any time, and match an
 * article against all of them at once. Thread-safe; matching runs concurrently from any number of threads.
 *
 * <p>In {@link MatchingMode#COMPILED} (the default) every watch the {@link QueryCompiler} handles is matched by the
 * {@link CompiledWatchIndex}: the article is analysed once, its candidate watches found through their anchor terms
 * and checked on its term positions, and only the matches are highlighted. The others (and every watch in
 * {@link MatchingMode#MONITOR}, the reference) are matched by Lucene Monitors: watches restricted to languages live
 * in one Monitor per language, the others in a shared one, so an Arabic article never even presearches the
 * English-only watches; weighted-terms watches get a second, scoring pass on the Monitor's matches. A watch names
 * at most
 * {@link WatchLimits#maxLanguages()} languages, all known codes ({@link WatchFieldCheck#LANGUAGES}), so there are
 * never more Monitors (each with its purge thread) than known languages plus one, whatever the watches say.
 */
public final class WatchRegistry implements AutoCloseable {

    private static final String ANY_LANGUAGE = "*";
    private final Analyzer analyzer = RaqibAnalyzer.perField();
    private final Supplier<Presearcher> presearchers;
    private final WatchQueryParser parser;
    private final Map<String, CompiledWatch> watches = new ConcurrentHashMap<>();
    private final Map<String, Monitor> monitors = new ConcurrentHashMap<>();
    private final MatchingMode mode;
    private final CompiledWatchIndex index = new CompiledWatchIndex();
    /** Ids whose stored record came from a watches file: a mute keeps them so ({@link WatchStore#mute}). */
    private final Set<String> seededFromFile = ConcurrentHashMap.newKeySet();

    /** Passes of the default presearcher: each watch is indexed by up to this many of its terms. */
    public static final int PRESEARCH_PASSES = 3;

    /** A registry under the default watch limits (see {@link #WatchRegistry(WatchLimits)}). */
    public WatchRegistry() {
        this(WatchLimits.defaults());
    }

    /**
     * A registry refusing watches beyond {@code limits}, with the presearcher chosen by measurement
     * (docs/performance.md, "Matching"): a multipass term filter, which needs several of a watch's terms in the
     * article before running it, so phrases and AND combinations of common words stop being candidates of every
     * article.
     */
    public WatchRegistry(WatchLimits limits) {
        this(limits, MatchingMode.COMPILED);
    }

    /** A registry whose Monitors use presearchers from {@code presearchers} (one per language partition). */
    public WatchRegistry(Supplier<Presearcher> presearchers) {
        this(presearchers, WatchLimits.defaults(), MatchingMode.COMPILED);
    }

    /** A registry refusing watches beyond {@code limits} that matches as {@code mode} says. */
    public WatchRegistry(WatchLimits limits, MatchingMode mode) {
        this(() -> new MultipassTermFilteredPresearcher(PRESEARCH_PASSES), limits, mode);
    }

    /** A registry under {@code limits} matching as {@code mode} says, its Monitors' presearchers from the supplier. */
    public WatchRegistry(Supplier<Presearcher> presearchers, WatchLimits limits, MatchingMode mode) {
        this.presearchers = presearchers;
        this.parser = new WatchQueryParser(limits);
        this.mode = mode;
    }

    /** Checks a watch without registering it; throws {@link InvalidWatchException} when it is invalid. */
    public CompiledWatch validate(Watch watch) {
        return parser.compile(watch);
    }

    /** Adds or replaces a watch; throws {@link InvalidWatchException} (and changes nothing) when it is invalid. */
    public void put(Watch watch) {
        putAll(List.of(watch));
    }

    /** {@link #put} a watch read from {@code raqib.watches}, remembering whether a watches file published it. */
    public void put(Watch watch, boolean fromFile) {
        put(watch);
        if (fromFile) {
            seededFromFile.add(watch.id());
        } else {
            seededFromFile.remove(watch.id());
        }
    }

    /** Whether the stored record of watch {@code watchId} was published from a watches file. */
    public boolean fromFile(String watchId) {
        return seededFromFile.contains(watchId);
    }

    /**
     * Adds or replaces several watches in one index update, all or nothing: an invalid watch, or one Lucene
     * cannot index, throws {@link InvalidWatchException} and leaves the registry as it was.
     */
    public synchronized void putAll(Collection<Watch> all) {
        List<CompiledWatch> compiled = all.stream().map(parser::compile).toList();
        Map<String, WatchNode> nodes = new HashMap<>();
        List<CompiledWatch> onMonitor = new ArrayList<>();
        for (CompiledWatch c : compiled) {
            WatchNode node = mode == MatchingMode.COMPILED ? QueryCompiler.compile(c) : null;
            if (node != null) {
                nodes.put(c.watch().id(), node);
            } else {
                onMonitor.add(c);
            }
        }
        try {
            register(onMonitor);
        } catch (RuntimeException e) {
            restore(onMonitor);
            throw new InvalidWatchException(ids(onMonitor), "query", -1, "cannot be indexed: " + e, e);
        }
        for (CompiledWatch c : compiled) {
            String id = c.watch().id();
            CompiledWatch old = watches.put(id, c);
            WatchNode node = nodes.get(id);
            List<String> dropped = old == null ? new ArrayList<>() : new ArrayList<>(partitions(old.watch()));
            if (node != null) {
                index.put(c, node);
            } else {
                index.remove(id);
                dropped.removeAll(partitions(c.watch()));
            }
            delete(id, dropped);
        }
    }

    /** Indexes each watch in its partitions, replacing the version there (Monitor replaces by id). */
    private void register(List<CompiledWatch> compiled) {
        Map<String, List<MonitorQuery>> byPartition = new HashMap<>();
        for (CompiledWatch c : compiled) {
            partitions(c.watch()).forEach(p -> byPartition.computeIfAbsent(p, k -> new ArrayList<>())
                    .add(monitorQuery(c)));
        }
        try {
            for (Map.Entry<String, List<MonitorQuery>> e : byPartition.entrySet()) {
                monitor(e.getKey()).register(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index watches", e);
        }
    }

    /** Undoes a failed {@link #register}: the new versions out of every Monitor, the registered ones back in. */
    private void restore(List<CompiledWatch> failed) {
        List<CompiledWatch> previous = new ArrayList<>();
        for (CompiledWatch c : failed) {
            delete(c.watch().id(), partitions(c.watch()));
            CompiledWatch old = watches.get(c.watch().id());
            if (old != null && !index.contains(old.watch().id())) {
                previous.add(old);
            }
        }
        register(previous);
    }

    private static MonitorQuery monitorQuery(CompiledWatch c) {
        return new MonitorQuery(c.watch().id(), c.monitorQuery(), c.watch().query(), Map.of());
    }

    /** Names the watches of a failed batch in an error: the one watch, or the first few and how many. */
    private static String ids(List<CompiledWatch> compiled) {
        String ids = compiled.stream().limit(3).map(c -> c.watch().id()).collect(Collectors.joining(", "));
        return compiled.size() > 3 ? ids + ", … (" + compiled.size() + " watches)" : ids;
    }

    /** Removes a watch; no-op when absent. */
    public synchronized void remove(String watchId) {
        seededFromFile.remove(watchId);
        CompiledWatch old = watches.remove(watchId);
        index.remove(watchId);
        if (old != null) {
            delete(watchId, partitions(old.watch()));
        }
    }

    /** The watch with this id, or null. */
    public Watch get(String watchId) {
        CompiledWatch c = watches.get(watchId);
        return c == null ? null : c.watch();
    }

    /** Every watch, in id order. */
    public List<Watch> all() {
        return watches.values().stream().map(CompiledWatch::watch).sorted(Comparator.comparing(Watch::id)).toList();
    }

    /** Number of registered watches. */
    public int size() {
        return watches.size();
    }

    /** Number of watches matched by the compiled matcher; the others are matched by Lucene Monitors. */
    public int compiledCount() {
        return index.size();
    }

    /** Number of open language partitions (one Lucene Monitor each, {@code *} for watches of any language). */
    int partitions() {
        return monitors.size();
    }

    /**
     * Every watch that matches the article, in watch-id order. The compiled watches' highlights are built from the
     * article's known positions when first asked for (after the alert gate); the Monitors' come with their match.
     */
    public List<WatchMatch> match(EnrichedArticle article) {
        ArticleDocument doc = new ArticleDocument(article);
        List<WatchMatch> out = new ArrayList<>();
        if (index.size() > 0) {
            ArticleTerms terms = new ArticleTerms(doc.document(), analyzer);
            for (CompiledWatchIndex.Matched m : index.match(terms, article.language())) {
                out.add(new WatchMatch(m.watch().watch(), () -> HighlightBuilder.drafts(doc, MatchHits.of(terms,
                        m.node()))));
            }
        }
        MemoryIndex[] scoring = new MemoryIndex[1];
        for (Monitor monitor : monitorsFor(article.language())) {
            for (HighlightsMatch match : run(monitor, doc)) {
                CompiledWatch watch = watches.get(match.getQueryId());
                if (watch != null && passesThreshold(watch, doc, scoring)) {
                    out.add(new WatchMatch(watch.watch(), () -> HighlightBuilder.drafts(doc, match.getHits())));
                }
            }
        }
        out.sort(Comparator.comparing(m -> m.watch().id()));
        return out;
    }

    private Collection<HighlightsMatch> run(Monitor monitor, ArticleDocument doc) {
        try {
            return monitor.match(doc.document(), HighlightsMatch.MATCHER).getMatches();
        } catch (AlreadyClosedException e) {
            if (monitors.containsValue(monitor)) {
                throw e;
            }
            // Released when its last watch was removed meanwhile: it had nothing left to match.
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + doc.article().id() + " failed", e);
        }
    }

    /** The weighted form's second pass: sum of the weights of the distinct terms found, against the threshold. */
    private boolean passesThreshold(CompiledWatch watch, ArticleDocument doc, MemoryIndex[] scoring) {
        if (!watch.scored()) {
            return true;
        }
        if (scoring[0] == null) {
            scoring[0] = MemoryIndex.fromDocument(doc.document(), analyzer);
        }
        return scoring[0].search(watch.weights()) >= watch.threshold() - 1e-6;
    }

    private List<Monitor> monitorsFor(String language) {
        List<Monitor> out = new ArrayList<>(2);
        Monitor any = monitors.get(ANY_LANGUAGE);
        if (any != null) {
            out.add(any);
        }
        Monitor own = language == null ? null : monitors.get(language);
        if (own != null) {
            out.add(own);
        }
        return out;
    }

    private static List<String> partitions(Watch watch) {
        return watch.languages().isEmpty() ? List.of(ANY_LANGUAGE) : watch.languages().stream().distinct().toList();
    }

    private void delete(String watchId, List<String> partitions) {
        try {
            for (String p : partitions) {
                Monitor m = monitors.get(p);
                if (m != null) {
                    m.deleteById(watchId);
                    if (m.getQueryCount() == 0) {
                        // A Monitor holds an index and a purge thread: release it with its last watch.
                        monitors.remove(p);
                        m.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove watch " + watchId, e);
        }
    }

    private Monitor monitor(String partition) {
        return monitors.computeIfAbsent(partition, p -> {
            try {
                return new Monitor(analyzer, presearchers.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the watch index", e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        for (Monitor m : monitors.values()) {
            m.close();
        }
    }
}
