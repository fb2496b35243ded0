package io.raqib.sink;

import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link WatchRegistry} in step with the compacted {@code raqib.watches} topic: every sink instance
 * reads all partitions from the beginning (no consumer group), applies each watch, and removes a watch on a
 * tombstone. Invalid watches are logged and skipped so one bad watch never blocks the others.
 */
public final class WatchTopicListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchTopicListener.class);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final WatchRegistry registry;
    private final Consumer<Watch> beforePut;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;

    public WatchTopicListener(String bootstrapServers, WatchRegistry registry) {
        this(bootstrapServers, registry, watch -> { });
    }

    /** A listener that calls {@code beforePut} (e.g. to create the watch's desk topic) before applying a watch. */
    public WatchTopicListener(String bootstrapServers, WatchRegistry registry, Consumer<Watch> beforePut) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-sink-watches");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.registry = registry;
        this.beforePut = beforePut;
        this.thread = new Thread(this::run, "raqib-watch-listener");
        thread.setDaemon(true);
    }

    /** Starts following the topic in the background. */
    public void start() {
        thread.start();
    }

    /** Waits until every watch stored when the listener started has been applied; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
                if (caughtUp.getCount() > 0) {
                    end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (end.isEmpty()) {
                        LOG.info("{} watches loaded from {}", registry.size(), Topics.WATCHES.name());
                        caughtUp.countDown();
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("watch listener stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        String id = r.key() == null ? null : Topics.WATCHES.keySerde().deserializer().deserialize(r.topic(), r.key());
        try {
            Watch watch = Topics.WATCHES.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (watch == null) {
                if (id != null) {
                    registry.remove(id);
                }
            } else {
                registry.validate(watch);
                beforePut.accept(watch);
                registry.put(watch);
            }
        } catch (InvalidWatchException | SerializationException | IllegalStateException e) {
            LOG.warn("skipping watch record {} at {}-{}@{}: {}", id, r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
