package io.raqib.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.IngestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.ingest.ArticleFileReader;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.CsvColumns;
import io.raqib.ingest.InputException;
import io.raqib.ingest.KafkaImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code raqib import}: bulk-loads article files into {@code raqib.articles.raw}, once each. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import article files into raqib.articles.raw: .txt (seed format), .json (article, array, "
                + "ninjs, SaudiNewsNet array, JSON Feed), .jsonl, RSS/Atom/RDF feeds (.xml .rss .atom .rdf), CSV with "
                + "a header, and .zip of those.",
            "Articles already on the topic are not published again. Shows a progress bar on stderr and a summary at "
                + "the end (published = acknowledged by Kafka); exits 1 when anything was rejected (named with file "
                + "and line) or Kafka did not acknowledge an article (the reason on stderr)."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD", split = ",",
            description = "CSV column to article field, e.g. --map text=body,category=categories (fields: title, "
                    + "body, url, source, language, published, author, categories, id).")
    List<String> mappings = List.of();

    @Option(names = "--source", paramLabel = "ID", description = "Source id given to every imported article.")
    String source;

    @Option(names = "--embedded", description = "Import into a fresh embedded broker and report throughput "
            + "(a benchmark; the data is discarded).")
    boolean embedded;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or .zip archives to import.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        CsvColumns columns = CsvColumns.parse(mappings);
        if (!embedded) {
            return run(kafka.config(Map.of()), columns);
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(null)) {
            return run(kafka.config(Map.of(RaqibConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())), columns);
        }
    }

    private int run(RaqibConfig config, CsvColumns columns) throws Exception {
        IngestSettings settings = config.ingest();
        TopicAdmin.ensureTopics(config);
        KafkaImport.Result result = KafkaImport.run(config,
                new ArticleFileReader(settings.feedMaxBytes(), columns, source),
                new ArticleValidator(config.maxArticleBytes()), new SimpleMeterRegistry(), paths, Set.of(),
                !noProgress);
        result.summary().skipNotices().forEach(n -> System.err.println("raqib import: " + n));
        for (InputException rejected : result.summary().rejected()) {
            System.err.println("raqib import: " + rejected.getMessage());
        }
        if (result.summary().unacknowledged() > 0) {
            System.err.println("raqib import: " + result.summary().unacknowledged() + " articles not published: "
                    + result.summary().failure());
        }
        System.out.printf("raqib import: %s (%d ids already on raqib.articles.raw) in %.1f s: %.0f articles/s, "
                        + "%.2f MB/s of files, %.2f MB/s of article text%n", result.summary().describe(),
                result.previouslyPublished(), result.took().toNanos() / 1e9, result.articlesPerSecond(),
                result.megabytesPerSecond(), result.textMegabytesPerSecond());
        return result.summary().complete() ? 0 : 1;
    }
}
