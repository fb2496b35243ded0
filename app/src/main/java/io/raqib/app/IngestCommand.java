package io.raqib.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.raqib.core.config.IngestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.ingest.ArticleFileReader;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.CsvColumns;
import io.raqib.ingest.IngestService;
import io.raqib.ingest.IngestSummary;
import io.raqib.ingest.KafkaImport;
import io.raqib.ingest.poll.FeedList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code raqib ingest}: the ingest service. Polls the feed list and accepts {@code POST /api/articles} until
 * Ctrl-C; with INPUT files it publishes them once and exits instead.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest service: poll the feeds of the feed list (raqib feeds) and accept "
                + "POST /api/articles (bearer token from raqib.api.tokens), publishing to raqib.articles.raw until "
                + "Ctrl-C / SIGTERM. Articles already on the topic are not published again.",
            "Changes to the feed list (raqib feeds add|rm) are picked up within 30 s.",
            "Answers a push with 202 once Kafka acknowledged every article, 503 (Retry-After) when it did not within "
                + "raqib.ingest.ack.timeout. Feeds may reach non-public addresses only as raqib.feed.allow permits.",
            "With INPUT files, publishes them once and exits (see also raqib import); exits 1 when an input was "
                + "rejected (named with file and line on stderr) or Kafka did not acknowledge an article."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of POST /api/articles, /health and /metrics (default: raqib.http.port, 8080; 0 = any).")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "HOST",
            description = "Address to listen on (default: raqib.http.host, 0.0.0.0).")
    String httpHost;

    @Option(names = "--feeds", paramLabel = "FILE", description = "Feed list to poll (default: raqib.feeds.file).")
    Path feedsFile;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Files or folders to publish once, then exit.")
    List<Path> inputs = List.of();

    @Override
    public Integer call() throws Exception {
        RaqibConfig config = kafka.config(Map.of());
        TopicAdmin.ensureTopics(config);
        return inputs.isEmpty() ? serve(config) : publishFiles(config);
    }

    private int publishFiles(RaqibConfig config) throws Exception {
        IngestSettings settings = config.ingest();
        IngestSummary summary = KafkaImport.run(config,
                new ArticleFileReader(settings.feedMaxBytes(), new CsvColumns(Map.of()), null),
                new ArticleValidator(config.maxArticleBytes()), new SimpleMeterRegistry(), inputs,
                config.watchesFile().map(Set::of).orElse(Set.of()), false).summary();
        summary.skipNotices().forEach(n -> System.err.println("raqib ingest: " + n));
        summary.rejected().forEach(r -> System.err.println("raqib ingest: " + r.getMessage()));
        if (summary.unacknowledged() > 0) {
            System.err.println("raqib ingest: " + summary.unacknowledged() + " articles not published: "
                    + summary.failure());
        }
        System.out.println("raqib ingest: " + summary.describe());
        return summary.complete() ? 0 : 1;
    }

    private int serve(RaqibConfig config) throws Exception {
        PrometheusMeterRegistry metrics = Metrics.registry();
        try (ShutdownSignal.Run run = ShutdownSignal.install();
             IngestService ingest = new IngestService(config,
                Optional.of(new FeedList(feedsFile != null ? feedsFile : config.ingest().feedsFile())), metrics)) {
            // Pushes are taken once the ids already published are remembered, so none is published twice.
            ingest.start();
            try (HttpApi http = new HttpApi(config.apiTokens(), metrics, List.of(ingest.pushEndpoint(),
                    new HealthEndpoints(List.of(ingest::health))), config.ingest().pushMaxBytes())
                    .start(host(config), httpPort != null ? httpPort : config.httpPort())) {
                System.out.printf("raqib ingest: %d ids already published, polling %d feeds, POST "
                        + "http://%s:%d/api/articles%s; Ctrl-C to stop%n", ingest.rememberedIds(), ingest.feeds(),
                        host(config), http.port(), config.apiTokens().isEmpty() ? " (closed: no raqib.api.tokens)"
                        : "");
                return ShutdownSignal.runUntilStopped("raqib ingest", List.of(ingest::failure));
            }
        }
    }

    private String host(RaqibConfig config) {
        return httpHost != null ? httpHost : config.httpHost();
    }
}
