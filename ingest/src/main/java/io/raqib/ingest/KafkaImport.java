package io.raqib.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.config.IngestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.model.ArticleRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A bulk import into {@code raqib.articles.raw}: the ids already on the topic are read back first, so importing
 * the same files again publishes nothing new (duplicates survive restarts); then every file goes through the
 * intake with a progress bar (articles/s) on stderr; the result waits until every send is settled, and counts as
 * published only what the broker acknowledged.
 */
public final class KafkaImport {

    /**
     * What an import did and how fast: {@code inputBytes} is the size of the files read (compressed, for zips),
     * {@code textBytes} the UTF-8 size of the published articles' title, body and html.
     */
    public record Result(IngestSummary summary, int previouslyPublished, long inputBytes, long textBytes,
                         Duration took) {

        /** Articles read per second. */
        public double articlesPerSecond() {
            return summary.read() / Math.max(took.toNanos() / 1e9, 1e-9);
        }

        /** Megabytes (10^6 bytes) of input files read per second. */
        public double megabytesPerSecond() {
            return inputBytes / 1e6 / Math.max(took.toNanos() / 1e9, 1e-9);
        }

        /** Megabytes (10^6 bytes) of article text published per second. */
        public double textMegabytesPerSecond() {
            return textBytes / 1e6 / Math.max(took.toNanos() / 1e9, 1e-9);
        }
    }

    private KafkaImport() {
    }

    /**
     * Imports {@code paths} (skipping {@code excluded}) into the cluster at {@code bootstrapServers}.
     *
     * @param progress show a progress bar on stderr
     */
    public static Result run(RaqibConfig config, ArticleFileReader reader, ArticleValidator validator,
                             MeterRegistry registry, List<Path> paths, Set<Path> excluded, boolean progress)
            throws IOException {
        IngestSettings settings = config.ingest();
        long started = System.nanoTime();
        List<Path> files = ArticleFileReader.list(paths, excluded);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        DuplicateFilter duplicates = new DuplicateFilter(settings.dedupIds(), settings.dedupWindow());
        List<String> known = PublishedIds.load(new KafkaClients(config), settings.dedupIds(), Duration.ofMinutes(2));
        duplicates.rememberIds(known);
        AtomicLong text = new AtomicLong();
        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             ProgressBar bar = progress ? bar() : null) {
            ArticleIntake intake = new ArticleIntake(validator, duplicates, article -> publisher.send(article)
                    .thenRun(() -> text.addAndGet(ArticleRules.textBytes(article))), new IngestMetrics(registry),
                    settings.ackTimeout());
            summary = new FileIngestor(reader, intake).ingest(files, Set.of(), bar == null ? () -> { } : bar::step);
        }
        return new Result(summary, known.size(), bytes, text.get(), Duration.ofNanos(System.nanoTime() - started));
    }


    private static ProgressBar bar() {
        return new ProgressBarBuilder().setTaskName("import").setInitialMax(-1).setUnit(" articles", 1)
                .showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250).build();
    }
}
