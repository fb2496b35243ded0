package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestorTest {

    @TempDir
    Path dir;

    private static final String THREE_ARTICLES = """
            {"title": "One", "body": "x"}
            {"title": "Two", "body": "y"}
            {"title": "Three", "body": "z"}
            """;

    private final List<Article> published = new ArrayList<>();
    private final FileIngestor ingestor =
            FileIngestor.inMemory(new ArticleValidator(10_000), published::add);

    @Test
    void sameArticleTwiceIsPublishedOnceAndCountedAsDuplicate() throws IOException {
        write("a.json", """
                {"url": "https://example.com/story?utm_source=rss", "title": "Story", "body": "Text."}
                """);
        write("b.jsonl", """
                {"url": "https://EXAMPLE.com/story#top", "title": "Story", "body": "Text."}
                """);

        IngestSummary summary = ingestor.ingest(List.of(dir), Set.of());

        assertThat(summary.read()).isEqualTo(2);
        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.rejected()).isEmpty();
        assertThat(published).singleElement().extracting(Article::url)
                .isEqualTo("https://example.com/story?utm_source=rss");
        assertThat(summary.describe()).isEqualTo("read 2, published 1, duplicates 1, rejected 0");
    }

    @Test
    void sameTextWithoutUrlInOneFileIsADuplicate() throws IOException {
        write("batch.json", """
                [
                  {"title": "Same", "body": "Same body."},
                  {"title": "Same", "body": "Same body.", "source": "mirror"}
                ]
                """);

        IngestSummary summary = ingestor.ingest(List.of(dir), Set.of());

        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(published).singleElement().extracting(Article::source).isNull();
    }

    @Test
    void publishesInFileNameOrderAndCollectsRejectionsWhileTheRestGoesThrough() throws IOException {
        write("2-second.jsonl", """
                {"title": "Two-a", "body": "x"}
                {broken
                {"title": "Two-b", "body": "y"}
                """);
        write("1-first.json", """
                {"title": "One", "body": "z"}
                """);
        write("3-empty.json", """
                [{"title": "", "body": " "}]
                """);

        IngestSummary summary = ingestor.ingest(List.of(dir), Set.of());

        assertThat(published).extracting(Article::title).containsExactly("One", "Two-a", "Two-b");
        assertThat(summary.read()).as("the empty article was read, then rejected").isEqualTo(4);
        assertThat(summary.published()).isEqualTo(3);
        assertThat(summary.rejected()).extracting(e -> e.file().getFileName().toString(), InputException::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2-second.jsonl", 2),
                        org.assertj.core.groups.Tuple.tuple("3-empty.json", 1));
    }

    @Test
    void watchesFileIsNotReadAsArticlesButNamedAsSkipped() throws IOException {
        write("article.json", """
                {"title": "Story", "body": "Text."}
                """);
        write("watches.json", """
                [{"id": "w1", "name": "Watch", "query": "syria", "throttle": "PT1H"}]
                """);

        IngestSummary withExclusion = ingestor.ingest(List.of(dir), Set.of(dir.resolve("watches.json")));

        assertThat(withExclusion.rejected()).isEmpty();
        assertThat(withExclusion.published()).isEqualTo(1);

        IngestSummary withoutExclusion = ingestor.ingest(List.of(dir), Set.of());
        assertThat(withoutExclusion.rejected()).as("a watches file is skipped, not rejected").isEmpty();
        assertThat(withoutExclusion.read()).as("the article alone").isEqualTo(1);
        assertThat(withoutExclusion.watchFiles()).containsExactly(dir.resolve("watches.json"));
        assertThat(withoutExclusion.skipNotices()).singleElement().asString()
                .startsWith("skipped " + dir.resolve("watches.json") + ": a watches file");
    }

    @Test
    void unsupportedFilesInAFolderAreSkippedSilently() throws IOException {
        write("story.txt", "Title\nBody.");
        write("notes.md", "not an article");
        write("photo.jpg", "binary");

        IngestSummary summary = ingestor.ingest(List.of(dir), Set.of());

        assertThat(summary.rejected()).isEmpty();
        assertThat(published).extracting(Article::title).containsExactly("Title");
    }

    @Test
    void aSecondRunOfTheSameIngestorPublishesNothingNew() throws IOException {
        write("a.json", """
                {"title": "Story", "body": "Text."}
                """);

        IngestSummary first = ingestor.ingest(List.of(dir), Set.of());
        IngestSummary second = ingestor.ingest(List.of(dir), Set.of());

        assertThat(first.published()).isEqualTo(1);
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(second.published()).isZero();
    }

    @Test
    void publishedCountsOnlyAcknowledgedArticlesAndAFailedRunRemembersNothing() throws IOException {
        write("batch.jsonl", THREE_ARTICLES);
        ControlledSender broker = new ControlledSender();
        FileIngestor toBroker = through(broker);
        broker.mode(ControlledSender.Mode.REFUSE);

        IngestSummary down = toBroker.ingest(List.of(dir), Set.of());
        broker.mode(ControlledSender.Mode.ACKNOWLEDGE);
        IngestSummary up = toBroker.ingest(List.of(dir), Set.of());

        assertThat(down.read()).isEqualTo(3);
        assertThat(down.published()).isZero();
        assertThat(down.unacknowledged()).isEqualTo(3);
        assertThat(down.complete()).isFalse();
        assertThat(down.failure()).contains("batch.jsonl:1").contains("broker unreachable");
        assertThat(down.describe()).contains("published 0").contains("not acknowledged 3");
        assertThat(broker.attempts()).as("nothing more is sent after a failure").hasSize(4);
        assertThat(up.published()).isEqualTo(3);
        assertThat(up.complete()).isTrue();
        assertThat(broker.stored()).extracting(Article::title).containsExactly("One", "Two", "Three");
    }

    @Test
    void anArticleTheStoreRefusesForItselfIsRejectedWithFileAndLineAndTheRestGoesOn() throws IOException {
        write("batch.jsonl", THREE_ARTICLES);
        List<Article> stored = new ArrayList<>();
        FileIngestor picky = new FileIngestor(new ArticleFileReader(), new ArticleIntake(new ArticleValidator(10_000),
                new DuplicateFilter(100, 100), a -> a.title().equals("Two")
                        ? CompletableFuture.failedFuture(new ArticleRefusedException("Kafka refused the article: "
                                + "too large", null))
                        : CompletableFuture.completedFuture(stored.add(a)), IngestMetrics.inMemory(),
                Duration.ofSeconds(1)));

        IngestSummary summary = picky.ingest(List.of(dir), Set.of());

        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.unacknowledged()).isZero();
        assertThat(summary.rejected()).singleElement().extracting(InputException::getMessage).asString()
                .endsWith("batch.jsonl:2: Kafka refused the article: too large");
        assertThat(stored).extracting(Article::title).containsExactly("One", "Three");
        assertThat(summary.rejected().get(0).line()).isEqualTo(2);
    }

    @Test
    void aRunEndsOnlyWhenEverySendIsSettled() throws Exception {
        write("a.json", """
                {"title": "Story", "body": "Text."}
                """);
        ControlledSender broker = new ControlledSender();
        FileIngestor toBroker = through(broker);
        broker.mode(ControlledSender.Mode.HOLD);

        CompletableFuture<IngestSummary> run = CompletableFuture.supplyAsync(() -> {
            try {
                return toBroker.ingest(List.of(dir), Set.of());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(200);
        boolean doneWhileHeld = run.isDone();
        broker.releaseHeld();

        assertThat(doneWhileHeld).isFalse();
        assertThat(run.get(5, TimeUnit.SECONDS).published()).isEqualTo(1);
    }

    private static FileIngestor through(ControlledSender broker) {
        return new FileIngestor(new ArticleFileReader(), new ArticleIntake(new ArticleValidator(10_000),
                new DuplicateFilter(100, 100), broker, IngestMetrics.inMemory(), Duration.ofSeconds(1)));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
