package io.raqib.app.bench;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.matching.WatchMatch;
import io.raqib.sink.watches.WatchRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.monitor.Presearcher;

/**
 * Raqib's side of {@code raqib bench match}: the sink's own {@link WatchRegistry} (core analyzer, language
 * partitions, weighted second pass) matching documents on {@code threads} threads, each taking the next unmatched
 * document; with {@code highlights}, the highlights of every match are built too.
 */
final class RaqibMatchRun implements AutoCloseable {

    private final WatchRegistry registry;
    private final int threads;
    private final boolean highlights;
    private long[] nanos = new long[0];

    RaqibMatchRun(List<Watch> watches, Supplier<Presearcher> presearcher, int threads, boolean highlights) {
        this.registry = new WatchRegistry(presearcher);
        this.threads = threads;
        this.highlights = highlights;
        registry.putAll(watches);
    }

    /** The registry being measured. */
    WatchRegistry registry() {
        return registry;
    }

    /** Matches every document; returns the number of (watch, document) matches. */
    long run(List<EnrichedArticle> docs) throws Exception {
        long[] took = new long[docs.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong matches = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < docs.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        List<WatchMatch> found = registry.match(docs.get(i));
                        if (highlights) {
                            found.forEach(WatchMatch::highlights);
                        }
                        took[i] = System.nanoTime() - start;
                        matches.addAndGet(found.size());
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        nanos = took;
        return matches.get();
    }

    /** How long each document of the last run took to match, in the order given. */
    long[] nanos() {
        return nanos;
    }

    @Override
    public void close() throws IOException {
        registry.close();
    }
}
