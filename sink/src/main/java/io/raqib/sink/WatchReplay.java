package io.raqib.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.gate.AlertCandidate;
import io.raqib.sink.gate.AlertFactory;
import io.raqib.sink.gate.OfflineAlerting;
import io.raqib.sink.matching.ArticleMatcher;
import io.raqib.sink.watches.WatchRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs one watch over the retained {@code raqib.articles.enriched} history from a point in time (each partition
 * sought with {@code offsetsForTimes}) up to the end offsets at start, through the same matcher and alert gate as
 * the sink; every alert is marked {@code "replay": true}. No consumer group, nothing committed.
 */
public final class WatchReplay {

    private final KafkaClients clients;

    /** A replay reading through {@code clients}. */
    public WatchReplay(KafkaClients clients) {
        this.clients = clients;
    }

    /** Where a replay starts and stops: the records it will read in total. */
    public record Range(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {

        /** Records between start and end. */
        public long size() {
            return end.entrySet().stream().mapToLong(e -> e.getValue() - start.get(e.getKey())).sum();
        }
    }

    /**
     * Replays {@code watch} over articles stored since {@code from}; {@code onRange} learns the range before
     * reading, {@code onProgress} the records read so far, {@code onAlert} each alert. Returns the alert count.
     */
    public long run(Watch watch, Instant from, Consumer<Range> onRange, LongConsumer onProgress,
                    Consumer<AlertCandidate> onAlert) throws IOException {
        try (WatchRegistry registry = new WatchRegistry();
             KafkaConsumer<String, EnrichedArticle> consumer = consumer()) {
            // A replay shows what the watch finds: a mute holds back live alerts, not the look back.
            registry.put(watch.withMutedUntil(null));
            OfflineAlerting alerting = new OfflineAlerting(
                    new ArticleMatcher(registry, new AlertFactory(Clock.systemUTC())), new SimpleMeterRegistry());
            Range range = seek(consumer, from);
            onRange.accept(range);
            long read = 0;
            long alerts = 0;
            Map<TopicPartition, Long> remaining = new HashMap<>(range.end());
            remaining.entrySet().removeIf(e -> range.start().get(e.getKey()) >= e.getValue());
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = range.end().get(tp);
                    if (r.offset() >= end) {
                        continue;
                    }
                    read++;
                    // timestamps need not grow within a partition (producers may back-date): the seek finds the
                    // first record at or after `from`, later ones may still be older
                    if (r.value() != null && r.timestamp() >= from.toEpochMilli()) {
                        for (AlertCandidate c : alerting.admitted(r.value(), Instant.ofEpochMilli(r.timestamp()))) {
                            onAlert.accept(c.with(c.alert().withData(c.alert().data().asReplay())));
                            alerts++;
                        }
                    }
                    onProgress.accept(read);
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return alerts;
        }
    }

    private KafkaConsumer<String, EnrichedArticle> consumer() {
        return new KafkaConsumer<>(clients.consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-replay")),
                Topics.ARTICLES_ENRICHED.keySerde().deserializer(), new LenientArticles());
    }

    private static Range seek(KafkaConsumer<String, EnrichedArticle> consumer, Instant from) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_ENRICHED.name()).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            long offset = at == null ? end.get(tp) : at.offset();
            consumer.seek(tp, offset);
            start.put(tp, offset);
        }
        return new Range(start, end);
    }

    /** Reads enriched articles, turning an unreadable record into null (skipped) instead of stopping the replay. */
    private static final class LenientArticles implements org.apache.kafka.common.serialization.Deserializer<EnrichedArticle> {

        @Override
        public EnrichedArticle deserialize(String topic, byte[] data) {
            try {
                return Topics.ARTICLES_ENRICHED.valueSerde().deserializer().deserialize(topic, data);
            } catch (org.apache.kafka.common.errors.SerializationException e) {
                return null;
            }
        }
    }
}
