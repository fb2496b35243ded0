package io.raqib.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.model.Watch;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import io.raqib.ingest.IngestService;
import io.raqib.ingest.IngestSummary;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.watches.WatchFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code raqib demo}: the whole pipeline in one process on an embedded broker, printing alerts as they fire. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start an embedded Kafka broker with ingest, enrich and sink in one process, ingest the "
                + "samples and print each alert as it arrives.",
            "Runs until Ctrl-C, or with --once exits 0 when every sample has been processed."})
public final class DemoCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** The sample watches, kept out of the samples folder so that no article reader meets them. */
    static final Path DEFAULT_WATCHES = Path.of("deploy", "watches.json");

    @Option(names = "--once", description = "Exit once every sample has been processed.")
    boolean once;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples",
            description = "Folder of articles to ingest (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--watches", paramLabel = "FILE",
            description = "JSON array of watches, published to raqib.watches (default: deploy/watches.json).")
    Path watchesFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's data here and reuse it next time (default: a temporary folder "
                    + "removed on exit).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the HTTP API and /metrics; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the HTTP API listens on; the demo ignores raqib.http.host, its token is printed "
                    + "(default: ${DEFAULT-VALUE}).")
    String httpHost;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        EmbeddedBroker.requireAvailable();
        long started = System.nanoTime();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path watches = watchesFile != null ? watchesFile : DEFAULT_WATCHES;
        List<Watch> fileWatches = Files.exists(watches)
                ? WatchFiles.read(watches, RaqibConfig.load(null, Map.of()).sink().watchLimits()) : List.of();
        // Ctrl-C during a --once run stops at once: nothing to wait for.
        try (ShutdownSignal.Run run = once ? () -> { } : ShutdownSignal.install()) {
            Path stateDir = Files.createTempDirectory("raqib-demo-state-");
            try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir)) {
                RaqibConfig config = LocalStages.prepare(broker, partitions, stateDir);
                out.printf("raqib demo: Kafka broker at %s, %d watches, ingesting %s%n", broker.bootstrapServers(),
                        fileWatches.size(), samples);
                AtomicLong firstAlertNanos = new AtomicLong();
                AtomicLong alerts = new AtomicLong();
                AlertPrinter printer = new AlertPrinter(out);
                String token = ApiTokens.generate();
                PrometheusMeterRegistry metrics = Metrics.registry();
                KafkaClients clients = new KafkaClients(config);
                try (LocalStages stages = new LocalStages(config, fileWatches, metrics, 1);
                     IngestService ingest = new IngestService(config, Optional.empty(), metrics);
                     AnalystServices analysts = new AnalystServices(config, clients, stages.sink().registry(),
                             stages.enricher()::enrich);
                     HttpApi http = new HttpApi(List.of(token), metrics, Stream.concat(analysts.routes().stream(),
                             Stream.of(ingest.pushEndpoint(), new HealthEndpoints(Stream.of(
                                     List.<Supplier<ServiceHealth>>of(ingest::health), analysts.health(),
                                     stages.health()).flatMap(List::stream).toList()))).toList(),
                             config.ingest().pushMaxBytes())
                             .start(httpHost, httpPort);
                     // Read as JSON text: spike and silence events share the topic; the console shows them, the
                     // printer only watch alerts.
                     TopicTail<String> tail = new TopicTail<>(clients, AlertConsole.EVENTS,
                             event -> analysts.console().acceptEvent(event).ifPresent(alert -> {
                                 firstAlertNanos.compareAndSet(0, System.nanoTime());
                                 alerts.incrementAndGet();
                                 printer.print(alert);
                             }))) {
                    out.printf("raqib demo: live console (login URL) http://%s:%d/#token=%s%n", httpHost, http.port(),
                            token);
                    out.printf("raqib demo: HTTP API on http://%s:%d/api (Authorization: Bearer %s), metrics on "
                            + "http://%s:%d/metrics%n", httpHost, http.port(), token, httpHost, http.port());
                    ingest.start();
                    stages.start(TIMEOUT);
                    if (stages.sink().seeded() != null) {
                        out.printf("raqib demo: watches file %s: %s%n", watches, stages.sink().seeded().describe());
                    }
                    IngestSummary summary = FileIngestor.toKafka(ingest.publisher(),
                            new ArticleValidator(config.maxArticleBytes()), List.of(samples), Set.of(watches));
                    summary.skipNotices().forEach(n -> out.println("raqib demo: " + n));
                    summary.rejected().forEach(r -> out.println("raqib demo: rejected " + r.getMessage()));
                    if (once) {
                        awaitAlerts(config, tail);
                        double total = seconds(System.nanoTime() - started);
                        String first = firstAlertNanos.get() == 0 ? "no alert"
                                : String.format("first alert after %.1f s", seconds(firstAlertNanos.get() - started));
                        out.printf("raqib demo: %s; %d alerts; done in %.1f s (%s)%n", summary.describe(), alerts.get(),
                                total, first);
                        return summary.rejected().isEmpty() ? 0 : 1;
                    }
                    out.printf("raqib demo: %s; watching for alerts, Ctrl-C to stop%n", summary.describe());
                    return ShutdownSignal.runUntilStopped("raqib demo", List.of(stages::failure, ingest::failure,
                            analysts::failure));
                }
            } finally {
                Directories.deleteRecursively(stateDir);
            }
        }
    }

    private static void awaitAlerts(RaqibConfig config, TopicTail<String> tail) throws Exception {
        try (PipelineProgress progress = new PipelineProgress(config)) {
            tail.awaitReached(progress.awaitDrained(TIMEOUT), TIMEOUT);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
