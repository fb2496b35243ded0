package io.raqib.ingest;

import io.raqib.core.config.IngestSettings;
import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads article files through the {@link ArticleIntake}: every article is published once, exact duplicates are
 * counted and skipped, bad inputs are collected with file and line while the rest goes through. Sends overlap
 * (the intake confirms them asynchronously); a run ends when every send is settled, so "published" counts what
 * the sender confirmed. After a failed send nothing more is sent: the remaining articles count as not acknowledged.
 */
public final class FileIngestor {

    private final ArticleFileReader reader;
    private final ArticleIntake intake;

    public FileIngestor(ArticleFileReader reader, ArticleIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    /** An ingestor with default reading and in-memory duplicate memory, handing articles to {@code consumer}. */
    public static FileIngestor inMemory(ArticleValidator validator, Consumer<Article> consumer) {
        return through(validator, ArticleIntake.Sender.of(consumer));
    }

    /**
     * Ingests the given files and folders (skipping {@code excluded} files, and watches files, which the summary
     * names) and reports what happened.
     */
    public IngestSummary ingest(List<Path> paths, Set<Path> excluded) throws IOException {
        return ingest(paths, excluded, () -> { });
    }

    /** Same, calling {@code onArticle} after each article read (for progress bars). */
    public IngestSummary ingest(List<Path> paths, Set<Path> excluded, Runnable onArticle) throws IOException {
        IngestTally tally = new IngestTally();
        for (Path file : ArticleFileReader.list(paths, excluded)) {
            if (WatchFileShape.matches(file)) {
                tally.watchFile(file);
                continue;
            }
            reader.readEach(file, (f, line, article) -> {
                // Once the broker failed a send, the rest is counted as not published instead of each waiting out
                // the acknowledgement bound.
                if (tally.read()) {
                    intake.offer(article).thenAccept(verdict -> tally.settled(verdict, f, line));
                }
                onArticle.run();
            }, e -> {
                intake.rejectedDocument(file.getFileName().toString(), "unreadable");
                tally.unreadable(e);
            });
        }
        return tally.await();
    }

    /**
     * Ingests into Kafka through {@code publisher} and returns once every article is settled; throws naming the
     * reason when the broker did not acknowledge an article.
     */
    public static IngestSummary toKafka(ArticlePublisher publisher, ArticleValidator validator, List<Path> paths,
                                        Set<Path> excluded) throws IOException {
        IngestSummary summary = through(validator, publisher).ingest(paths, excluded);
        if (summary.unacknowledged() > 0) {
            throw new IOException(summary.unacknowledged() + " articles not published: " + summary.failure());
        }
        return summary;
    }

    private static FileIngestor through(ArticleValidator validator, ArticleIntake.Sender sender) {
        return new FileIngestor(new ArticleFileReader(), new ArticleIntake(validator,
                new DuplicateFilter(1_000_000, 100_000), sender, IngestMetrics.inMemory(),
                IngestSettings.DEFAULT_ACK_TIMEOUT));
    }
}
