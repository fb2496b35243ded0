package io.raqib.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.app.LocalStages;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.model.Article;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.List;

/** Ingest, enrich and sink in the bench's own process, as the demo runs them. */
final class InProcessStages implements E2eStages {

    private final RaqibConfig config;
    private final LocalStages stages;

    /** Starts the stages and returns once every instance is processing. */
    InProcessStages(RaqibConfig config, List<Watch> watches, int enrichInstances, Duration timeout)
            throws Exception {
        this.config = config;
        stages = new LocalStages(config, watches, new SimpleMeterRegistry(), enrichInstances);
        try {
            stages.start(timeout);
            if (!stages.awaitProcessing(timeout)) {
                throw new IllegalStateException("stages not processing within " + timeout + ": " + stages.failure());
            }
        } catch (Exception e) {
            stages.close();
            throw e;
        }
    }

    @Override
    public String ingest(List<Article> articles, double rate) throws Exception {
        return new PacedIngest(config).publish(articles, rate).describe();
    }

    @Override
    public String peakRss() {
        return "peak RSS " + totalPeakRssMb() + " MB (broker and stages in this process)";
    }

    @Override
    public long totalPeakRssMb() {
        return PeakRss.ofThisProcess();
    }

    @Override
    public void close() throws Exception {
        stages.close();
    }
}
