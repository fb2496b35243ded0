package io.raqib.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.app.AlertTail;
import io.raqib.app.Directories;
import io.raqib.app.EmbeddedBroker;
import io.raqib.app.LocalStages;
import io.raqib.app.PipelineProgress;
import io.raqib.app.TopicAdmin;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.model.Article;
import io.raqib.core.model.Watch;
import io.raqib.sink.WatchFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code raqib bench e2e}: the whole pipeline on an embedded broker, measured from the outside. Real articles go
 * through the real ingest path, enrich and sink run as in the demo, and a read_committed consumer of
 * {@code raqib.alerts} times every alert. Throughput counts from the first publish until every stage has committed
 * the end of its input; latency runs from an article's ingest time to the moment each of its alerts is read.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {"End-to-end benchmark: embedded broker, ingest → enrich → sink in one process, real articles "
                + "published as fast as possible or at a steady rate; prints sustained articles/s, ingest → alert "
                + "latency, alerts and peak RSS.",
            "Last line: raqib-e2e articles/s=<f> p50_ms=<f> p99_ms=<f> alerts=<n> rss_mb=<n>"})
public final class E2eBenchCommand implements Callable<Integer> {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @Option(names = "--corpus", required = true, paramLabel = "DIR",
            description = "SaudiNewsNet folder of .zip files, or a folder of article files (.txt, .json, .jsonl, …).")
    Path corpus;

    @Option(names = "--watches", required = true, paramLabel = "FILE", description = "JSON array of watches.")
    Path watchesFile;

    @Option(names = "--docs", defaultValue = "2000", paramLabel = "N",
            description = "Articles to publish (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "R",
            description = "Articles per second, steady; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--enrich-instances", defaultValue = "1", paramLabel = "K",
            description = "Enrich Streams instances sharing one application id (default: ${DEFAULT-VALUE}).")
    int enrichInstances;

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "P",
            description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Watch> watches = WatchFiles.read(watchesFile, RaqibConfig.load(null, Map.of()).sink().watchLimits());
        List<Article> articles = E2eArticles.read(corpus, docs, Set.of(watchesFile));
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no articles in " + corpus);
        }
        Path stateDir = Files.createTempDirectory("raqib-e2e-state-");
        try (EmbeddedBroker broker = EmbeddedBroker.start(null)) {
            RaqibConfig config = RaqibConfig.load(null, Map.of(
                    RaqibConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                    RaqibConfig.PARTITIONS, Integer.toString(partitions),
                    RaqibConfig.STATE_DIR, stateDir.toString()));
            TopicAdmin.ensureTopics(config);
            out.printf(Locale.ROOT, "raqib bench e2e: broker at %s; %d articles from %s, %d watches, %d enrich "
                    + "instance(s), %s%n", broker.bootstrapServers(), articles.size(), corpus, watches.size(),
                    enrichInstances, rate > 0 ? rate + " articles/s" : "as fast as possible");
            try (LocalStages stages = new LocalStages(config, watches, new SimpleMeterRegistry(), enrichInstances)) {
                long starting = System.nanoTime();
                stages.start(START_TIMEOUT);
                if (!stages.awaitProcessing(START_TIMEOUT)) {
                    throw new IllegalStateException("stages not processing within " + START_TIMEOUT + ": "
                            + stages.failure());
                }
                out.printf(Locale.ROOT, "raqib bench e2e: stages processing after %.1f s%n", seconds(starting));
                return measure(out, config, articles);
            }
        } finally {
            Directories.deleteRecursively(stateDir);
        }
    }

    private int measure(PrintStream out, RaqibConfig config, List<Article> articles) throws Exception {
        AlertLatencies latencies = new AlertLatencies();
        PacedIngest ingest = new PacedIngest(config, latencies);
        // Generous: the bench reports slowness, it does not fail on it; a stuck pipeline still ends the run.
        Duration drainTimeout = START_TIMEOUT.plusMillis(100L * articles.size());
        try (AlertTail tail = new AlertTail(config.bootstrapServers(), latencies::read);
             PipelineProgress pipeline = new PipelineProgress(config);
             E2eProgress progress = new E2eProgress(out, pipeline, articles.size(), ingest::offered,
                     latencies::alerts)) {
            long first = System.nanoTime();
            PacedIngest.Counts counts = ingest.publish(articles, rate);
            double publishSeconds = seconds(first);
            var alertEnds = pipeline.awaitDrained(drainTimeout);
            double drainedSeconds = seconds(first);
            tail.awaitReached(alertEnds, drainTimeout);
            progress.close();
            AlertLatencies.Summary lat = latencies.summary();
            double articlesPerSecond = counts.published() / drainedSeconds;
            long rss = PeakRss.ofThisProcess();
            out.printf(Locale.ROOT, "raqib bench e2e: published %d (exact duplicates %d, rejected %d) in %.1f s; "
                    + "every stage done after %.1f s%n", counts.published(), counts.duplicates(), counts.rejected(),
                    publishSeconds, drainedSeconds);
            out.printf(Locale.ROOT, "raqib bench e2e: ingest → alert read, over %d alerts: p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms; peak RSS %d MB (broker and stages in this process)%n", lat.alerts(), lat.p50(),
                    lat.p99(), lat.max(), rss);
            out.printf(Locale.ROOT, "raqib-e2e articles/s=%.1f p50_ms=%.1f p99_ms=%.1f alerts=%d rss_mb=%d%n",
                    articlesPerSecond, lat.p50(), lat.p99(), lat.alerts(), rss);
            return 0;
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
