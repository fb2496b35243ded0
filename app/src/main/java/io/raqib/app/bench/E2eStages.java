package io.raqib.app.bench;

import io.raqib.core.model.Article;
import java.util.List;

/** Where {@code bench e2e} runs ingest, enrich and sink against its broker: in its own process or as processes. */
interface E2eStages extends AutoCloseable {

    /**
     * Publishes the articles through ingest ({@code rate} articles/s, ≤ 0 = as fast as possible) and returns once
     * all are acknowledged: a line saying what became of them.
     */
    String ingest(List<Article> articles, double rate) throws Exception;

    /** The peak RSS of each process involved, one line. */
    String peakRss();

    /** The peak RSS of all processes involved together, MiB (-1 when unknown). */
    long totalPeakRssMb();
}
