package io.raqib.app.bench;

import io.raqib.app.PipelineProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Prints a progress line every few seconds while {@code bench e2e} runs: published, taken by enrich, alerts read. */
final class E2eProgress implements AutoCloseable {

    private static final long EVERY_SECONDS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raqib-e2e-progress");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param published articles handed to ingest so far
     * @param alerts    alerts read back so far
     */
    E2eProgress(PrintStream out, PipelineProgress pipeline, int total, IntSupplier published, IntSupplier alerts) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            String enriched;
            try {
                enriched = Long.toString(pipeline.enrichConsumed());
            } catch (Exception e) {
                enriched = "?";
            }
            out.printf(Locale.ROOT, "raqib bench e2e: %5.1f s  published %d/%d  taken by enrich %s  alerts %d%n",
                    (System.nanoTime() - start) / 1e9, published.getAsInt(), total, enriched, alerts.getAsInt());
        }, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
