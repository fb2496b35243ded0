package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Reads article files and publishes each article once: exact duplicates (same id) within the run are counted
 * and skipped; bad inputs are collected with file and line while the rest goes through.
 */
public final class FileIngestor {

    private final ArticleFileReader reader;
    private final Consumer<Article> publisher;

    /** @param publisher receives every article to publish, in file order */
    public FileIngestor(ArticleFileReader reader, Consumer<Article> publisher) {
        this.reader = reader;
        this.publisher = publisher;
    }

    /** Ingests the given files and folders (skipping {@code excluded} files) and reports what happened. */
    public IngestSummary ingest(List<Path> paths, Set<Path> excluded) throws IOException {
        List<InputException> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] counts = new int[3];
        for (Path file : ArticleFileReader.list(paths, excluded)) {
            reader.read(file, article -> {
                counts[0]++;
                if (seen.add(article.id())) {
                    publisher.accept(article);
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            }, rejected::add);
        }
        return new IngestSummary(counts[0], counts[1], counts[2], List.copyOf(rejected));
    }

    /** Ingests into Kafka through {@code publisher}, waiting until every article is acknowledged. */
    public static IngestSummary toKafka(ArticlePublisher publisher, ArticleValidator validator, List<Path> paths,
                                        Set<Path> excluded) throws IOException {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        IngestSummary summary = new FileIngestor(new ArticleFileReader(validator),
                a -> sends.add(publisher.publish(a))).ingest(paths, excluded);
        publisher.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new IOException("publishing to Kafka failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while publishing", e);
            }
        }
        return summary;
    }
}
