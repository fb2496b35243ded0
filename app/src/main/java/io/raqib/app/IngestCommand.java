package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.ingest.ArticlePublisher;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import io.raqib.ingest.IngestSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code raqib ingest}: publishes article files to {@code raqib.articles.raw} on a Kafka cluster. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publish article files (.txt seed format, .json, .jsonl) to raqib.articles.raw.",
            "Creates missing topics. Exits 1 when an input was rejected (named with file and line on stderr)."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders to ingest.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        RaqibConfig config = kafka.config(Map.of());
        TopicAdmin.ensureTopics(config);
        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config.bootstrapServers())) {
            summary = FileIngestor.toKafka(publisher, new ArticleValidator(config.maxArticleBytes()), inputs,
                    config.watchesFile().map(Set::of).orElse(Set.of()));
        }
        summary.rejected().forEach(r -> System.err.println("raqib ingest: " + r.getMessage()));
        System.out.println("raqib ingest: " + summary.describe());
        return summary.rejected().isEmpty() ? 0 : 1;
    }
}
