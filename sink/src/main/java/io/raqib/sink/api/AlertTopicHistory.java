package io.raqib.sink.api;

import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts a console client missed, read back from {@code raqib.alerts} (read_committed): the last
 * {@code scanPerPartition} records of each partition are searched for the client's last alert; then that
 * partition is read on from just after it and every other partition from the alert's timestamp (an alert of the
 * same millisecond elsewhere may come again: the console drops alerts it has). Bounded in records and time, so a
 * reconnect never reads the whole topic.
 */
public final class AlertTopicHistory implements AlertHistory {

    /** Records searched per partition: far more than the console keeps, far less than a topic can hold. */
    public static final int SCAN_PER_PARTITION = 20_000;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(AlertTopicHistory.class);
    private final KafkaClients clients;
    private final int scanPerPartition;

    /** Searches the last {@link #SCAN_PER_PARTITION} alerts of each partition. */
    public AlertTopicHistory(KafkaClients clients) {
        this(clients, SCAN_PER_PARTITION);
    }

    /** Searches the last {@code scanPerPartition} alerts of each partition. */
    public AlertTopicHistory(KafkaClients clients, int scanPerPartition) {
        this.clients = clients;
        this.scanPerPartition = scanPerPartition;
    }

    @Override
    public Optional<List<Alert>> after(String id, int max) {
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(clients.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "raqib-console-history")),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            partitions.forEach(tp -> consumer.seek(tp, Math.max(start.get(tp), end.get(tp) - scanPerPartition)));
            List<ConsumerRecord<String, Alert>> found = new ArrayList<>();
            read(consumer, end, r -> {
                if (id.equals(r.value().id())) {
                    found.add(r);
                }
                return found.isEmpty();
            });
            return found.isEmpty() ? Optional.empty() : readAfter(consumer, partitions, end, found.get(0), max);
        } catch (KafkaException e) {
            LOG.warn("cannot read {} back for a reconnecting console: {}", Topics.ALERTS.name(), e.toString());
            return Optional.empty();
        }
    }

    private static Optional<List<Alert>> readAfter(KafkaConsumer<String, Alert> consumer,
                                                   List<TopicPartition> partitions, Map<TopicPartition, Long> end,
                                                   ConsumerRecord<String, Alert> last, int max) {
        TopicPartition lastPartition = new TopicPartition(last.topic(), last.partition());
        Map<TopicPartition, OffsetAndTimestamp> sameTime = consumer.offsetsForTimes(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> last.timestamp())));
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp from = sameTime.get(tp);
            consumer.seek(tp, tp.equals(lastPartition) ? last.offset() + 1 : from == null ? end.get(tp) : from.offset());
        }
        List<ConsumerRecord<String, Alert>> after = new ArrayList<>();
        boolean complete = read(consumer, end, r -> {
            after.add(r);
            return after.size() <= max;
        });
        if (!complete || after.size() > max) {
            return Optional.empty();
        }
        return Optional.of(after.stream().sorted(Comparator.comparingLong(ConsumerRecord::timestamp))
                .map(ConsumerRecord::value).toList());
    }

    /**
     * Hands each record up to {@code end} to {@code more} until it answers false; returns whether that happened or
     * the end was reached within the time limit.
     */
    private static boolean read(KafkaConsumer<String, Alert> consumer, Map<TopicPartition, Long> end,
                                Predicate<ConsumerRecord<String, Alert>> more) {
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            for (ConsumerRecord<String, Alert> r : consumer.poll(POLL)) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && r.value() != null
                        && !more.test(r)) {
                    return true;
                }
            }
        }
        return true;
    }
}
