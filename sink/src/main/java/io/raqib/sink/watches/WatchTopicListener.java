package io.raqib.sink.watches;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.health.ServiceThread;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
    /** Counted down once caught up, or when the listener stops before that. */
    private final CountDownLatch settled = new CountDownLatch(1);
    private final ServiceThread thread;
    private volatile boolean caughtUp;
    private volatile boolean closed;
    private volatile Throwable failure;

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
        this.thread = new ServiceThread("raqib-watch-listener", this::run);
    }

    /** Publishes the consumer's client metrics (fetch rates, lag) to {@code registry}. */
    public KafkaClientMetrics bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer);
        binder.bindTo(registry);
        return binder;
    }

    /** Starts following the topic in the background. */
    public void start() {
        thread.start();
    }

    /**
     * Waits until every watch stored when the listener started has been applied (or rejected); false on timeout
     * or when the listener stopped before that ({@link #failure()} says why).
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && caughtUp;
    }

    /** The error that stopped the listener (it no longer follows the topic), or null while it runs. */
    public Throwable failure() {
        Throwable stopped = failure;
        return stopped != null ? stopped : thread.death();
    }

    /** The listener as component {@code watch-listener}: UP once caught up, DOWN once it stopped by itself. */
    public ComponentHealth health() {
        String component = "watch-listener";
        Throwable stopped = failure();
        if (stopped != null) {
            return ComponentHealth.down(component, "stopped: " + stopped);
        }
        ComponentHealth running = thread.health(component);
        if (!running.ready()) {
            return running;
        }
        return caughtUp ? ComponentHealth.up(component, registry.size() + " watches, caught up with "
                + Topics.WATCHES.name()) : ComponentHealth.starting(component, "loading " + Topics.WATCHES.name());
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WATCHES.name(), Duration.ofSeconds(30))
                    .stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r);
                }
                if (!caughtUp) {
                    end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (end.isEmpty()) {
                        LOG.info("{} watches loaded from {}", registry.size(), Topics.WATCHES.name());
                        caughtUp = true;
                        settled.countDown();
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                stopped(e);
            }
        } catch (RuntimeException | Error e) {
            stopped(e);
        } finally {
            settled.countDown();
            consumer.close();
        }
    }

    private void stopped(Throwable e) {
        failure = e;
        LOG.error("watch listener stopped: watches on {} are no longer applied", Topics.WATCHES.name(), e);
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
        closed = true;
        thread.stopping();
        consumer.wakeup();
        thread.join(10_000);
    }
}
