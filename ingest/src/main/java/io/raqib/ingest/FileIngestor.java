package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads article files through the {@link ArticleIntake}: every article is published once, exact duplicates are
 * counted and skipped, bad inputs are collected with file and line while the rest goes through.
 */
public final class FileIngestor {

    private final ArticleFileReader reader;
    private final ArticleIntake intake;

    public FileIngestor(ArticleFileReader reader, ArticleIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    /** An ingestor with default reading and in-memory duplicate memory, handing articles to {@code publisher}. */
    public static FileIngestor inMemory(ArticleValidator validator, Consumer<Article> publisher) {
        return new FileIngestor(new ArticleFileReader(), new ArticleIntake(validator,
                new DuplicateFilter(1_000_000, 100_000), publisher, IngestMetrics.inMemory()));
    }

    /** Ingests the given files and folders (skipping {@code excluded} files) and reports what happened. */
    public IngestSummary ingest(List<Path> paths, Set<Path> excluded) throws IOException {
        return ingest(paths, excluded, () -> { });
    }

    /** Same, calling {@code onArticle} after each article read (for progress bars). */
    public IngestSummary ingest(List<Path> paths, Set<Path> excluded, Runnable onArticle) throws IOException {
        List<InputException> rejected = new ArrayList<>();
        int[] counts = new int[3];
        for (Path file : ArticleFileReader.list(paths, excluded)) {
            reader.readEach(file, (f, line, article) -> {
                counts[0]++;
                ArticleIntake.Verdict verdict = intake.offer(article);
                switch (verdict.outcome()) {
                    case PUBLISHED -> counts[1]++;
                    case DUPLICATE -> counts[2]++;
                    case REJECTED -> rejected.add(new InputException(f, line, verdict.problem().reason()));
                }
                onArticle.run();
            }, e -> {
                intake.rejectedDocument(file.getFileName().toString(), "unreadable");
                rejected.add(e);
            });
        }
        return new IngestSummary(counts[0], counts[1], counts[2], List.copyOf(rejected));
    }

    /** Ingests into Kafka through {@code publisher}, waiting until every article is acknowledged. */
    public static IngestSummary toKafka(ArticlePublisher publisher, ArticleValidator validator, List<Path> paths,
                                        Set<Path> excluded) throws IOException {
        IngestSummary summary = inMemory(validator, publisher::publish).ingest(paths, excluded);
        publisher.awaitAcknowledged();
        return summary;
    }
}
