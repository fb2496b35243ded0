package io.raqib.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code raqib enrich}: runs the enrich stage until stopped. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Run the enrich stage (raqib.articles.raw → raqib.articles.enriched) until Ctrl-C / SIGTERM.",
            "Serves /health/live, /health/ready and /metrics on raqib.http.host:raqib.http.port."})
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of /health and /metrics (default: raqib.http.port, 8080; 0 = any).")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        RaqibConfig config = kafka.config(Map.of());
        TopicAdmin.ensureTopics(config);
        PrometheusMeterRegistry metrics = Metrics.registry();
        try (ShutdownSignal.Run run = ShutdownSignal.install();
             EnrichService enrich = new EnrichService(config,
                new ArticleEnricher(new LanguageDetector(), config.enrich()), metrics);
             HttpApi http = new HttpApi(config.apiTokens(), metrics,
                     List.of(new HealthEndpoints(List.of(enrich::health))))
                     .start(config.httpHost(), httpPort != null ? httpPort : config.httpPort())) {
            enrich.start();
            System.out.println("raqib enrich: running against " + config.bootstrapServers() + "; health and metrics "
                    + "on port " + http.port());
            return ShutdownSignal.runUntilStopped("raqib enrich", List.of(enrich::failure));
        }
    }
}
