package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The intake counts an article as published, and remembers it, only once the sender acknowledged it. */
class ArticleIntakeTest {

    private final ControlledSender sender = new ControlledSender();
    private final DuplicateFilter duplicates = new DuplicateFilter(100, 100);
    private final IngestMetrics metrics = IngestMetrics.inMemory();
    private final ArticleIntake intake = new ArticleIntake(new ArticleValidator(10_000), duplicates, sender, metrics,
            Duration.ofMillis(300));

    @Test
    void aRefusedSendIsAFailureAndIsNotRememberedSoTheRetryIsPublished() {
        sender.mode(ControlledSender.Mode.REFUSE);
        ArticleIntake.Verdict refused = intake.offer(article("One")).join();
        sender.mode(ControlledSender.Mode.ACKNOWLEDGE);
        ArticleIntake.Verdict retried = intake.offer(article("One")).join();

        assertThat(refused.outcome()).isEqualTo(ArticleIntake.Outcome.FAILED);
        assertThat(refused.reason()).contains("not acknowledged").contains("broker unreachable");
        assertThat(retried.outcome()).isEqualTo(ArticleIntake.Outcome.PUBLISHED);
        assertThat(sender.stored()).extracting(Article::title).containsExactly("One");
        assertThat(metrics.count("raqib.ingest.unacknowledged", "s")).isEqualTo(1);
        assertThat(metrics.count("raqib.ingest.published", "s")).isEqualTo(1);
    }

    @Test
    void theSameArticleOfferedWhileInFlightWaitsForTheFirstOutcome() {
        sender.mode(ControlledSender.Mode.HOLD);
        CompletableFuture<ArticleIntake.Verdict> first = intake.offer(article("Same"));
        CompletableFuture<ArticleIntake.Verdict> second = intake.offer(article("Same"));

        assertThat(second).as("no verdict while the first is in flight").isNotDone();
        sender.releaseHeld();

        assertThat(first.join().outcome()).isEqualTo(ArticleIntake.Outcome.PUBLISHED);
        assertThat(second.join().outcome()).isEqualTo(ArticleIntake.Outcome.DUPLICATE);
        assertThat(sender.attempts()).hasSize(1);
    }

    @Test
    void whenTheFirstFailsTheConcurrentOneIsNotCalledADuplicate() {
        sender.mode(ControlledSender.Mode.HOLD);
        CompletableFuture<ArticleIntake.Verdict> first = intake.offer(article("Same"));
        CompletableFuture<ArticleIntake.Verdict> second = intake.offer(article("Same"));

        sender.failHeld();
        sender.mode(ControlledSender.Mode.ACKNOWLEDGE);

        assertThat(first.join().outcome()).isEqualTo(ArticleIntake.Outcome.FAILED);
        assertThat(second.join().outcome()).isEqualTo(ArticleIntake.Outcome.FAILED);
        assertThat(second.join().reason()).contains("not acknowledged");
        assertThat(intake.offer(article("Same")).join().outcome()).as("a retry publishes")
                .isEqualTo(ArticleIntake.Outcome.PUBLISHED);
        assertThat(sender.stored()).hasSize(1);
    }

    @Test
    void offerAllReturnsWithinTheBoundAndALateAcknowledgementIsStillRemembered() {
        sender.mode(ControlledSender.Mode.HOLD);
        List<ArticleIntake.Verdict> verdicts = intake.offerAll(List.of(article("Late"))).verdicts();

        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.outcome()).isEqualTo(ArticleIntake.Outcome.FAILED);
            assertThat(v.reason()).contains("within");
            assertThat(v.article().id()).isNotNull();
        });
        sender.releaseHeld();
        sender.mode(ControlledSender.Mode.ACKNOWLEDGE);
        assertThat(intake.offerAll(List.of(article("Late"), article("New"))).verdicts())
                .extracting(ArticleIntake.Verdict::outcome)
                .containsExactly(ArticleIntake.Outcome.DUPLICATE, ArticleIntake.Outcome.PUBLISHED);
        assertThat(sender.stored()).extracting(Article::title).containsExactly("Late", "New");
    }

    @Test
    void manyThreadsOfferingTheSameArticlesPublishEachExactlyOnce() throws Exception {
        sender.mode(ControlledSender.Mode.LATER);
        ArticleIntake patient = new ArticleIntake(new ArticleValidator(10_000), duplicates, sender, metrics,
                Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<ArticleIntake.Verdict>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Article> batch = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        batch.add(article("Story " + i));
                    }
                    return patient.offerAll(batch).verdicts();
                }));
            }
            start.countDown();
            List<ArticleIntake.Verdict> all = new ArrayList<>();
            for (Future<List<ArticleIntake.Verdict>> r : results) {
                all.addAll(r.get(30, TimeUnit.SECONDS));
            }

            assertThat(sender.stored()).hasSize(50);
            assertThat(all).filteredOn(v -> v.outcome() == ArticleIntake.Outcome.PUBLISHED).hasSize(50);
            assertThat(all).filteredOn(v -> v.outcome() == ArticleIntake.Outcome.DUPLICATE).hasSize(350);
            assertThat(duplicates.reserved()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Article article(String title) {
        return new Article(null, null, "s", title, "Body of " + title, null, null, null, null);
    }
}
