package io.raqib.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.health.ComponentHealth;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The follower's own bookkeeping over Kafka's in-memory consumer: where it starts, when it has caught up, how far it
 * has read, and that a reader's failure ends it as a death its health reports while a close is a stop. The services
 * built on it are tested against the embedded broker.
 */
class TopicFollowerTest {

    private static final String TOPIC = "followed";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    @Test
    void fromTheLastRecordsItCatchesUpWithWhatTheTopicHeldAndKnowsItsPositions() throws Exception {
        MockConsumer<String, String> consumer = twoPartitions(5, 3);
        consumer.schedulePollTask(() -> {
            for (long offset = 0; offset < 5; offset++) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, null, "p0-" + offset));
            }
            for (long offset = 0; offset < 3; offset++) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, offset, null, "p1-" + offset));
            }
        });
        List<String> read = new CopyOnWriteArrayList<>();
        try (TopicFollower<String, String> follower = new TopicFollower<>("test-follower", consumer, TOPIC,
                TopicFollower.last(2), Duration.ofMillis(10), records -> records.forEach(r -> read.add(r.value())))) {
            assertThat(follower.health("c", () -> "up").status()).isEqualTo(ComponentHealth.Status.STARTING);
            follower.start();

            assertThat(follower.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
            assertThat(read).as("the last two of each partition, nothing before")
                    .containsExactlyInAnyOrder("p0-3", "p0-4", "p1-1", "p1-2");
            assertThat(follower.positions()).isEqualTo(Map.of(0, 5L, 1, 3L));
            assertThat(follower.health("c", () -> "4 read")).extracting(ComponentHealth::status,
                    ComponentHealth::detail).containsExactly(ComponentHealth.Status.UP, "4 read");

            follower.close();
            assertThat(follower.failure()).as("stopped by its owner, not dead").isNull();
            assertThat(follower.health("c", () -> "up").status()).isEqualTo(ComponentHealth.Status.DOWN);
        }
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void aReaderThatThrowsEndsTheFollowerAsADeathItsHealthReports() throws Exception {
        MockConsumer<String, String> consumer = twoPartitions(1, 0);
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, null, "disk full")));
        try (TopicFollower<String, String> follower = new TopicFollower<>("test-follower-dies", consumer, TOPIC,
                TopicFollower.BEGINNING, Duration.ofMillis(10), records -> {
                    if (!records.isEmpty()) {
                        throw new IOException(records.iterator().next().value());
                    }
                })) {
            follower.start();

            assertThat(follower.awaitCaughtUp(Duration.ofSeconds(10))).as("ended before catching up").isFalse();
            await(() -> follower.failure() != null);
            assertThat(follower.failure()).hasRootCauseMessage("disk full");
            ComponentHealth health = follower.health("c", () -> "up");
            assertThat(health.status()).isEqualTo(ComponentHealth.Status.DOWN);
            assertThat(health.detail()).contains("disk full");
        }
    }

    @Test
    void anEmptyTopicIsCaughtUpAtOnceAndAFollowerNeverStartedClosesItsConsumer() throws Exception {
        MockConsumer<String, String> empty = twoPartitions(0, 0);
        try (TopicFollower<String, String> follower = new TopicFollower<>("test-follower-empty", empty, TOPIC,
                TopicFollower.BEGINNING, Duration.ofMillis(10), records -> { })) {
            follower.start();
            assertThat(follower.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
        }
        MockConsumer<String, String> unused = twoPartitions(0, 0);
        new TopicFollower<>("test-follower-unused", unused, TOPIC, TopicFollower.BEGINNING, Duration.ofMillis(10),
                records -> { }).close();
        assertThat(unused.closed()).isTrue();
    }

    private static MockConsumer<String, String> twoPartitions(long end0, long end1) {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, null, null),
                new PartitionInfo(TOPIC, 1, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, end0, P1, end1));
        return consumer;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
