package io.raqib.sink.watches;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.TopicFollower;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link WatchRegistry} in step with the compacted {@code raqib.watches} topic: every sink instance
 * reads all partitions from the beginning (no consumer group), applies each watch, and removes a watch on a
 * tombstone. A record that cannot be applied, for whatever reason (unreadable bytes, no key, an invalid watch, an
 * error while compiling it), is handed to the rejected-record handler and skipped, so no record stops the others
 * or the sink's start. Only a failure of the consumer itself stops the listener, which {@link #failure()} reports.
 */
public final class WatchTopicListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchTopicListener.class);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final WatchRegistry registry;
    private final Consumer<Watch> beforePut;
    private final BiConsumer<ConsumerRecord<byte[], byte[]>, Throwable> rejected;
    private final TopicFollower<byte[], byte[]> follower;

    /** A listener that only logs the records it cannot apply (for reading the watches, not for running a sink). */
    public WatchTopicListener(KafkaClients clients, WatchRegistry registry) {
        this(clients, registry, watch -> { }, (record, reason) -> { });
    }

    /**
     * A listener that calls {@code beforePut} (e.g. to create the watch's desk topic) before applying a watch, and
     * hands each record it cannot apply, with the reason, to {@code rejected} (e.g. {@link WatchDeadLetters}).
     */
    public WatchTopicListener(KafkaClients clients, WatchRegistry registry, Consumer<Watch> beforePut,
                              BiConsumer<ConsumerRecord<byte[], byte[]>, Throwable> rejected) {
        this.consumer = new KafkaConsumer<>(clients.consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG,
                "raqib-sink-watches")), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.registry = registry;
        this.beforePut = beforePut;
        this.rejected = rejected;
        this.follower = new TopicFollower<>("raqib-watch-listener", consumer, Topics.WATCHES.name(),
                TopicFollower.BEGINNING, Duration.ofMillis(200), records -> records.forEach(this::apply));
    }

    /** Publishes the consumer's client metrics (fetch rates, lag) to {@code registry}. */
    public KafkaClientMetrics bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer);
        binder.bindTo(registry);
        return binder;
    }

    /** Starts following the topic in the background. */
    public void start() {
        follower.start();
    }

    /**
     * Waits until every watch stored when the listener started has been applied (or rejected); false on timeout
     * or when the listener stopped before that ({@link #failure()} says why).
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        boolean loaded = follower.awaitCaughtUp(timeout);
        if (loaded) {
            LOG.info("{} watches loaded from {}", registry.size(), Topics.WATCHES.name());
        }
        return loaded;
    }

    /** The error that stopped the listener (it no longer follows the topic), or null while it runs. */
    public Throwable failure() {
        return follower.failure();
    }

    /** The listener as component {@code watch-listener}: UP once caught up, DOWN once it stopped by itself. */
    public ComponentHealth health() {
        return follower.health("watch-listener", () -> registry.size() + " watches, caught up with "
                + Topics.WATCHES.name());
    }

    /** Applies one record, or rejects it: nothing a record holds gets past this method. */
    private void apply(ConsumerRecord<byte[], byte[]> r) {
        try {
            applyOrThrow(r);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("skipping watch record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            rejected.accept(r, e);
        }
    }

    private void applyOrThrow(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null) {
            throw new InvalidWatchException("null", "id", -1, "a watch record needs the watch id as its key", null);
        }
        String id = Topics.WATCHES.keySerde().deserializer().deserialize(r.topic(), r.key());
        if (r.value() == null) {
            registry.remove(id);
            return;
        }
        Watch watch = Topics.WATCHES.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (watch == null) {
            throw new InvalidWatchException(WatchFieldCheck.abbreviate(id), "body", -1,
                    "the value is JSON null; a deleted watch is a record without a value", null);
        }
        if (!id.equals(watch.id())) {
            throw new InvalidWatchException(WatchFieldCheck.abbreviate(String.valueOf(watch.id())), "id", -1,
                    "the record's key '" + WatchFieldCheck.abbreviate(id) + "' is not the watch id", null);
        }
        registry.validate(watch);
        beforePut.accept(watch);
        registry.put(watch, WatchTopicSnapshot.fromFile(r));
    }

    @Override
    public void close() throws InterruptedException {
        follower.close();
    }
}
