package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code raqib enrich}: runs the enrich stage until stopped. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich stage (raqib.articles.raw → raqib.articles.enriched) until Ctrl-C / SIGTERM.")
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        RaqibConfig config = kafka.config(Map.of());
        TopicAdmin.ensureTopics(config);
        try (EnrichService enrich = new EnrichService(config, new ArticleEnricher(new LanguageDetector(), config.enrich()))) {
            enrich.start();
            System.out.println("raqib enrich: running against " + config.bootstrapServers());
            Throwable failure = ShutdownSignal.awaitStopOrFailure(List.of(enrich::failure));
            if (failure != null) {
                System.err.println("raqib enrich: stopped: " + failure.getMessage());
                return 1;
            }
        } finally {
            ShutdownSignal.finished();
        }
        return 0;
    }
}
