package io.raqib.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.sink.SinkService;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.watches.WatchFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code raqib sink}: runs the matching stage until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = {"Run the sink stage (raqib.articles.enriched → raqib.alerts) until Ctrl-C / SIGTERM.",
            "Watches come from the compacted raqib.watches topic; --watches (or raqib.watches.file) publishes a "
                + "file's watches there first."})
public final class SinkCommand implements Callable<Integer> {

    /** Alerts per partition of raqib.alerts the console shows when the sink starts. */
    private static final int CONSOLE_BACKLOG = 50;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--watches", paramLabel = "FILE",
            description = "JSON array of watches published to raqib.watches at start (deleted ones stay deleted).")
    Path watchesFile;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        if (watchesFile != null) {
            overrides.put(RaqibConfig.WATCHES_FILE, watchesFile.toString());
        }
        RaqibConfig config = kafka.config(overrides);
        // A bad watches file is refused before anything else is touched: exit 1 naming the file and the entry.
        List<Watch> watches = config.watchesFile().isPresent()
                ? WatchFiles.read(config.watchesFile().get(), config.sink().watchLimits()) : List.of();
        TopicAdmin.ensureTopics(config);
        PrometheusMeterRegistry metrics = Metrics.registry();
        KafkaClients clients = new KafkaClients(config);
        try (ShutdownSignal.Run run = ShutdownSignal.install();
             SinkService sink = new SinkService(config, watches, metrics);
             AnalystServices analysts = new AnalystServices(config, clients, sink.registry(),
                     new ArticleEnricher(new LanguageDetector(), config.enrich())::enrich);
             HttpApi http = new HttpApi(config.apiTokens(), metrics, Stream.concat(analysts.routes().stream(),
                     Stream.of(new HealthEndpoints(Stream.concat(Stream.<Supplier<ServiceHealth>>of(sink::health),
                             analysts.health().stream()).toList()))).toList())
                     .start(config.httpHost(), config.httpPort());
             // Read as JSON text: spike and silence events share the topic and their data is not an alert's.
             TopicTail<String> tail = new TopicTail<>(clients, AlertConsole.EVENTS, CONSOLE_BACKLOG,
                     analysts.console()::acceptEvent)) {
            sink.start(Duration.ofMinutes(2));
            if (sink.seeded() != null) {
                System.out.println("raqib sink: watches file " + config.watchesFile().orElseThrow() + ": "
                        + sink.seeded().describe());
            }
            System.out.println("raqib sink: running against " + config.bootstrapServers() + " with "
                    + sink.registry().size() + " watches; watch API and live console on port " + http.port()
                    + (config.apiTokens().isEmpty() ? " (closed: set RAQIB_API_TOKENS)"
                    : " (log in at http://HOST:" + http.port() + "/#token=<a token RAQIB_API_TOKENS accepts>)"));
            return ShutdownSignal.runUntilStopped("raqib sink", List.of(sink::failure, analysts::failure));
        }
    }
}