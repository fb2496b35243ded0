package io.raqib.app;

import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.TopicSpec;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows a topic (read_committed, all partitions), such as {@code raqib.alerts}, and hands each value to a
 * callback on its own thread: the new ones, optionally preceded by the last few already on each partition.
 */
public final class TopicTail<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final Consumer<V> onValue;
    private final AtomicInteger count = new AtomicInteger();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /** A tail of the records that arrive on {@code topic} from now on. */
    public TopicTail(KafkaClients clients, TopicSpec<String, V> topic, Consumer<V> onValue) {
        this(clients, topic, 0, onValue);
    }

    /** A tail that first replays up to {@code backlog} earlier records of each partition. */
    public TopicTail(KafkaClients clients, TopicSpec<String, V> topic, int backlog, Consumer<V> onValue) {
        consumer = new KafkaConsumer<>(clients.consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG,
                "raqib-tail-" + topic.name())), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
        consumer.endOffsets(partitions).forEach((tp, end) -> consumer.seek(tp, Math.max(start.get(tp), end - backlog)));
        this.onValue = onValue;
        this.thread = new Thread(this::run, "raqib-tail-" + topic.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Records delivered so far. */
    public int count() {
        return count.get();
    }

    /**
     * CPU time this tail's thread has used so far (fetching and decoding records, the callback), in seconds; -1
     * when the JVM does not measure it or the tail is closed.
     */
    public double cpuSeconds() {
        long nanos = ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
        return nanos < 0 ? -1 : nanos / 1e9;
    }

    /** Whether this tail has read up to the given offsets. */
    public boolean reached(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().allMatch(e -> positionOf(e.getKey()) >= e.getValue());
    }

    /** Waits until this tail has read up to the given offsets; throws when that takes longer than timeout. */
    public void awaitReached(Map<TopicPartition, Long> offsets, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(offsets)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("records not read back within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private long positionOf(TopicPartition tp) {
        return positions.getOrDefault(tp, 0L);
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(100))) {
                    count.incrementAndGet();
                    onValue.accept(r.value());
                }
                for (TopicPartition tp : consumer.assignment()) {
                    positions.put(tp, consumer.position(tp));
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
