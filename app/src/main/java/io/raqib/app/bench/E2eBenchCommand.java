package io.raqib.app.bench;

import io.raqib.app.Directories;
import io.raqib.app.EmbeddedBroker;
import io.raqib.app.LocalStages;
import io.raqib.app.PipelineProgress;
import io.raqib.app.TopicTail;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Article;
import io.raqib.core.model.Watch;
import io.raqib.sink.watches.WatchFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code raqib bench e2e}: the whole pipeline on an embedded broker, measured from the outside. Real articles go
 * through the real ingest path, enrich and sink run as in the demo (or each as its own process), and read_committed
 * consumers of {@code raqib.articles.raw} and {@code raqib.alerts} note every article's ingest time and time every
 * alert. Throughput counts from the first article's ingest time until every stage has committed the end of its
 * input; latency runs from an article's ingest time to the moment each of its alerts is read.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {"End-to-end benchmark: embedded broker, ingest → enrich → sink in one process (or as "
                + "processes), real articles published as fast as possible or at a steady rate; prints sustained "
                + "articles/s, ingest → alert latency, alerts and peak RSS.",
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

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "W",
            description = "Articles pushed through the whole pipeline before the measured ones, not measured: "
                    + "the JIT compiles the stages' hot code meanwhile (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "R",
            description = "Articles per second, steady; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--enrich-instances", defaultValue = "1", paramLabel = "K",
            description = "Enrich Streams instances sharing one application id (default: ${DEFAULT-VALUE}).")
    int enrichInstances;

    @Option(names = "--processes", description = "Run ingest, each enrich instance and sink as separate "
            + "java -jar raqib.jar processes against the bench's broker; with --rate the articles are pushed to the "
            + "ingest service's HTTP API.")
    boolean processes;

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "P",
            description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        EmbeddedBroker.requireAvailable();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Watch> watches = WatchFiles.read(watchesFile, RaqibConfig.load(null, Map.of()).sink().watchLimits());
        List<Article> all = E2eArticles.read(corpus, warmup + docs, Set.of(watchesFile));
        List<Article> warmupArticles = all.subList(0, Math.min(warmup, all.size()));
        List<Article> articles = all.subList(warmupArticles.size(), all.size());
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no articles in " + corpus);
        }
        Path work = Files.createTempDirectory("raqib-e2e-");
        try (EmbeddedBroker broker = EmbeddedBroker.start(null)) {
            RaqibConfig config = LocalStages.prepare(broker, partitions, work.resolve("state"));
            out.printf(Locale.ROOT, "raqib bench e2e: broker at %s; %d articles from %s, %d watches, %d enrich "
                    + "instance(s)%s, %s%n", broker.bootstrapServers(), articles.size(), corpus, watches.size(),
                    enrichInstances, processes ? " (ingest, enrich, sink as processes)" : "",
                    rate > 0 ? rate + " articles/s" : "as fast as possible");
            long starting = System.nanoTime();
            try (E2eStages stages = processes
                    ? new StageProcesses(config, watchesFile, enrichInstances, work, START_TIMEOUT)
                    : new InProcessStages(config, watches, enrichInstances, START_TIMEOUT)) {
                out.printf(Locale.ROOT, "raqib bench e2e: stages processing after %.1f s%n", seconds(starting));
                warmUp(out, config, stages, warmupArticles);
                measure(out, config, stages, articles);
            }
        }
        // Kept when the run failed: the state and the processes' logs say why.
        Directories.deleteRecursively(work);
        return 0;
    }

    /** Pushes the warm-up articles through every stage and waits until all are done; nothing is measured. */
    private void warmUp(PrintStream out, RaqibConfig config, E2eStages stages, List<Article> warmupArticles)
            throws Exception {
        if (warmupArticles.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (PipelineProgress pipeline = new PipelineProgress(config)) {
            String ingested = stages.ingest(warmupArticles, 0);
            pipeline.awaitDrained(START_TIMEOUT.plusMillis(100L * warmupArticles.size()));
            out.printf(Locale.ROOT, "raqib bench e2e: warm-up: %s; done after %.1f s (not measured)%n", ingested,
                    seconds(started));
        }
    }

    private void measure(PrintStream out, RaqibConfig config, E2eStages stages, List<Article> articles)
            throws Exception {
        AlertLatencies latencies = new AlertLatencies();
        // Generous: the bench reports slowness, it does not fail on it; a stuck pipeline still ends the run.
        Duration drainTimeout = START_TIMEOUT.plusMillis(100L * articles.size());
        KafkaClients clients = new KafkaClients(config);
        try (TopicTail<Article> raw = new TopicTail<>(clients, Topics.ARTICLES_RAW, latencies::ingested);
             TopicTail<Alert> alerts = new TopicTail<>(clients, Topics.ALERTS, latencies::read);
             PipelineProgress pipeline = new PipelineProgress(config);
             E2eProgress progress = new E2eProgress(out, pipeline, articles.size(), raw::count, alerts::count)) {
            String ingested = stages.ingest(articles, rate);
            var alertEnds = pipeline.awaitDrained(drainTimeout);
            Instant drained = Instant.now();
            raw.awaitReached(pipeline.endOffsets(Topics.ARTICLES_RAW.name()), drainTimeout);
            alerts.awaitReached(alertEnds, drainTimeout);
            progress.close();
            Instant first = latencies.firstIngested();
            double seconds = Duration.between(first, drained).toNanos() / 1e9;
            double articlesPerSecond = raw.count() / seconds;
            AlertLatencies.Summary lat = latencies.summary();
            long rss = stages.totalPeakRssMb();
            out.printf(Locale.ROOT, "raqib bench e2e: %s; every stage done %.1f s after the first article was "
                    + "ingested; the bench's own readers of %s and %s used %.1f s of CPU%n", ingested, seconds,
                    Topics.ARTICLES_RAW.name(), Topics.ALERTS.name(), raw.cpuSeconds() + alerts.cpuSeconds());
            out.printf(Locale.ROOT, "raqib bench e2e: ingest → alert read, over %d alerts: p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms; %s%n", lat.alerts(), lat.p50(), lat.p99(), lat.max(), stages.peakRss());
            out.printf(Locale.ROOT, "raqib-e2e articles/s=%.1f p50_ms=%.1f p99_ms=%.1f alerts=%d rss_mb=%d%n",
                    articlesPerSecond, lat.p50(), lat.p99(), lat.alerts(), rss);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
