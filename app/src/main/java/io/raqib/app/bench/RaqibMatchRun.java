package io.raqib.app.bench;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.WatchMatch;
import io.raqib.sink.WatchRegistry;
import java.io.IOException;
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
        AtomicInteger next = new AtomicInteger();
        AtomicLong matches = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < docs.size(); i = next.getAndIncrement()) {
                        List<WatchMatch> found = registry.match(docs.get(i));
                        if (highlights) {
                            found.forEach(WatchMatch::highlights);
                        }
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
        return matches.get();
    }

    @Override
    public void close() throws IOException {
        registry.close();
    }
}
