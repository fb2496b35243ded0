package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecentArticlesTest {

    private static final String TOPIC = Topics.ARTICLES_ENRICHED.name();

    private static EnrichedArticle article(String id, String body) {
        return new EnrichedArticle(id, "https://example.org/" + id, "example", "title " + id, body, null, "en",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.now(), body, List.of(), List.of(), null, id);
    }

    private static Watch watch(String query) {
        return new Watch("draft", "draft", query, null, null, List.of(), null, null);
    }

    private static RecentArticles ring(int capacity, Duration timeLimit, AtomicLong clock) {
        return new RecentArticles(new MockConsumer<>("latest"), capacity, WatchLimits.defaults(), timeLimit,
                clock::get);
    }

    @Test
    void keepsTheLastArticlesAndTestsThemNewestFirst() throws Exception {
        try (RecentArticles recent = ring(3, Duration.ofSeconds(2), new AtomicLong())) {
            IntStream.rangeClosed(1, 5).forEach(i -> recent.add(article("a" + i, "wheat harvest number " + i)));
            assertThat(recent.size()).isEqualTo(3);

            RecentArticles.Outcome all = recent.test(watch("wheat"), 200);
            assertThat(all.tested()).isEqualTo(3);
            assertThat(all.matched()).isEqualTo(3);
            assertThat(all.partial()).isFalse();
            assertThat(all.matches()).extracting(RecentArticles.Found::articleId).containsExactly("a5", "a4", "a3");
            assertThat(all.matches().get(0).highlights()).extracting(h -> h.text()).contains("wheat");

            RecentArticles.Outcome two = recent.test(watch("\"number 4\" OR \"number 5\""), 2);
            assertThat(two.tested()).isEqualTo(2);
            assertThat(two.matches()).extracting(RecentArticles.Found::title).containsExactly("title a5", "title a4");
        }
    }

    @Test
    void listsAtMostFiftyMatchesButCountsThemAll() throws Exception {
        try (RecentArticles recent = ring(80, Duration.ofSeconds(2), new AtomicLong())) {
            IntStream.range(0, 70).forEach(i -> recent.add(article("a" + i, "barley")));
            RecentArticles.Outcome outcome = recent.test(watch("barley"), 200);
            assertThat(outcome.matched()).isEqualTo(70);
            assertThat(outcome.matches()).hasSize(RecentArticles.MAX_LISTED);
            assertThat(outcome.matches().get(0).articleId()).isEqualTo("a69");
        }
    }

    @Test
    void stopsAtTheTimeLimitAndSaysSo() throws Exception {
        AtomicLong clock = new AtomicLong();
        try (RecentArticles recent = new RecentArticles(new MockConsumer<>("latest"), 10, WatchLimits.defaults(),
                Duration.ofSeconds(2), () -> clock.getAndAdd(Duration.ofSeconds(1).toNanos()))) {
            IntStream.range(0, 10).forEach(i -> recent.add(article("a" + i, "oats")));
            RecentArticles.Outcome outcome = recent.test(watch("oats"), 10);
            assertThat(outcome.partial()).isTrue();
            assertThat(outcome.tested()).isEqualTo(2);
            assertThat(outcome.matches()).extracting(RecentArticles.Found::articleId).containsExactly("a9", "a8");
        }
    }

    @Test
    void refusesAnInvalidWatch() throws Exception {
        try (RecentArticles recent = ring(3, Duration.ofSeconds(2), new AtomicLong())) {
            recent.add(article("a1", "rye"));
            assertThatThrownBy(() -> recent.test(watch("rye AND ("), 10)).isInstanceOf(InvalidWatchException.class);
        }
    }

    @Test
    void followsTheTopicFromItsLatestRecordsSkippingUnreadableOnes() throws Exception {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("latest");
        TopicPartition p0 = new TopicPartition(TOPIC, 0);
        TopicPartition p1 = new TopicPartition(TOPIC, 1);
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, null, null),
                new PartitionInfo(TOPIC, 1, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
        consumer.updateEndOffsets(Map.of(p0, 4L, p1, 4L));
        consumer.schedulePollTask(() -> {
            for (TopicPartition tp : List.of(p0, p1)) {
                for (long offset = 0; offset < 4; offset++) {
                    byte[] value = tp.equals(p1) && offset == 3 ? "not json".getBytes(StandardCharsets.UTF_8)
                            : Topics.ARTICLES_ENRICHED.valueSerde().serializer().serialize(TOPIC,
                            article(tp.partition() + "-" + offset, "millet"));
                    consumer.addRecord(new ConsumerRecord<>(TOPIC, tp.partition(), offset, null, value));
                }
            }
        });
        try (RecentArticles recent = new RecentArticles(consumer, 4, WatchLimits.defaults(), Duration.ofSeconds(2),
                System::nanoTime).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (recent.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100);
            assertThat(recent.health().ready()).isTrue();
            assertThat(recent.test(watch("millet"), 10).matches()).extracting(RecentArticles.Found::articleId)
                    .as("two per partition of a ring of 4, the unreadable one skipped")
                    .containsExactlyInAnyOrder("0-2", "0-3", "1-2");
        }
    }
}
