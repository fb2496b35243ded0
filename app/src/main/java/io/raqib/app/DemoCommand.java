package io.raqib.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Watch;
import io.raqib.ingest.ArticlePublisher;
import io.raqib.ingest.ArticlePushEndpoint;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import io.raqib.ingest.IngestSummary;
import io.raqib.sink.AlertConsole;
import io.raqib.sink.WatchAdmission;
import io.raqib.sink.WatchApi;
import io.raqib.sink.WatchFiles;
import io.raqib.sink.WatchStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code raqib demo}: the whole pipeline in one process on an embedded broker, printing alerts as they fire. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start an embedded Kafka broker with ingest, enrich and sink in one process, ingest the "
                + "samples and print each alert as it arrives.",
            "Runs until Ctrl-C, or with --once exits 0 when every sample has been processed."})
public final class DemoCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Option(names = "--once", description = "Exit once every sample has been processed.")
    boolean once;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples",
            description = "Folder of articles to ingest (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--watches", paramLabel = "FILE",
            description = "JSON array of watches (default: watches.json in the samples folder).")
    Path watchesFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's data here and reuse it next time (default: a temporary folder "
                    + "removed on exit).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the HTTP API and /metrics; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        EmbeddedBroker.requireAvailable();
        long started = System.nanoTime();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path watches = watchesFile != null ? watchesFile : samples.resolve("watches.json");
        List<Watch> fileWatches = Files.exists(watches)
                ? WatchFiles.read(watches, RaqibConfig.load(null, Map.of()).sink().watchLimits()) : List.of();
        Path stateDir = Files.createTempDirectory("raqib-demo-state-");
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir)) {
            RaqibConfig config = LocalStages.prepare(broker, partitions, stateDir);
            out.printf("raqib demo: Kafka broker at %s, %d watches, ingesting %s%n", broker.bootstrapServers(),
                    fileWatches.size(), samples);
            AtomicLong firstAlertNanos = new AtomicLong();
            AlertPrinter printer = new AlertPrinter(out);
            String token = ApiTokens.generate();
            AlertConsole console = new AlertConsole();
            PrometheusMeterRegistry metrics = Metrics.registry();
            KafkaClients clients = new KafkaClients(config);
            try (LocalStages stages = new LocalStages(config, fileWatches, metrics, 1);
                 WatchStore watchStore = new WatchStore(clients, stages.sink().registry(),
                         new WatchAdmission(config.sink()));
                 ArticlePublisher pushed = new ArticlePublisher(config);
                 HttpApi http = new HttpApi(List.of(token), metrics, List.of(
                         new WatchApi(watchStore, stages.enricher()::enrich),
                         ArticlePushEndpoint.forPublisher(pushed, config, metrics), console),
                         config.ingest().pushMaxBytes()).start("127.0.0.1", httpPort);
                 TopicTail<Alert> tail = new TopicTail<>(clients, Topics.ALERTS, alert -> {
                     firstAlertNanos.compareAndSet(0, System.nanoTime());
                     printer.print(alert);
                     console.accept(alert);
                 })) {
                stages.bindMetrics(metrics);
                out.printf("raqib demo: live console (login URL) http://127.0.0.1:%d/#token=%s%n", http.port(), token);
                out.printf("raqib demo: HTTP API on http://127.0.0.1:%d/api (Authorization: Bearer %s), metrics on "
                        + "http://127.0.0.1:%d/metrics%n", http.port(), token, http.port());
                stages.start(TIMEOUT);
                IngestSummary summary = ingest(config, watches);
                summary.rejected().forEach(r -> out.println("raqib demo: rejected " + r.getMessage()));
                if (once) {
                    awaitAlerts(config, tail);
                    double total = seconds(System.nanoTime() - started);
                    String first = firstAlertNanos.get() == 0 ? "no alert"
                            : String.format("first alert after %.1f s", seconds(firstAlertNanos.get() - started));
                    out.printf("raqib demo: %s; %d alerts; done in %.1f s (%s)%n", summary.describe(), tail.count(),
                            total, first);
                    return summary.rejected().isEmpty() ? 0 : 1;
                }
                out.printf("raqib demo: %s; watching for alerts, Ctrl-C to stop%n", summary.describe());
                Throwable failure = ShutdownSignal.awaitStopOrFailure(List.of(stages::failure));
                if (failure != null) {
                    System.err.println("raqib demo: stopped: " + failure.getMessage());
                    return 1;
                }
                return 0;
            }
        } finally {
            Directories.deleteRecursively(stateDir);
            ShutdownSignal.finished();
        }
    }

    private IngestSummary ingest(RaqibConfig config, Path watches) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            return FileIngestor.toKafka(publisher, new ArticleValidator(config.maxArticleBytes()), List.of(samples),
                    Set.of(watches));
        }
    }

    private static void awaitAlerts(RaqibConfig config, TopicTail<Alert> tail) throws Exception {
        try (PipelineProgress progress = new PipelineProgress(config)) {
            tail.awaitReached(progress.awaitDrained(TIMEOUT), TIMEOUT);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
