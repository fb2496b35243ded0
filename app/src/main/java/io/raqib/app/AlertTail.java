package io.raqib.app;

import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows {@code raqib.alerts} (read_committed, all partitions) and hands each alert to a callback on its own
 * thread: the new ones, optionally preceded by the last few already on each partition.
 */
public final class AlertTail implements AutoCloseable {

    private final KafkaConsumer<String, Alert> consumer;
    private final Consumer<Alert> onAlert;
    private final AtomicInteger count = new AtomicInteger();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /** A tail of the alerts that arrive from now on. */
    public AlertTail(KafkaClients clients, Consumer<Alert> onAlert) {
        this(clients, 0, onAlert);
    }

    /** A tail that first replays up to {@code backlog} earlier records of each partition. */
    public AlertTail(KafkaClients clients, int backlog, Consumer<Alert> onAlert) {
        consumer = new KafkaConsumer<>(clients.consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-alert-tail")),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
        consumer.endOffsets(partitions).forEach((tp, end) -> consumer.seek(tp, Math.max(start.get(tp), end - backlog)));
        this.onAlert = onAlert;
        this.thread = new Thread(this::run, "raqib-alert-tail");
        thread.setDaemon(true);
        thread.start();
    }

    /** Alerts delivered so far. */
    public int count() {
        return count.get();
    }

    /** Whether this tail has read up to the given offsets. */
    public boolean reached(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().allMatch(e -> positionOf(e.getKey()) >= e.getValue());
    }

    private long positionOf(TopicPartition tp) {
        return positions.getOrDefault(tp, 0L);
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(100))) {
                    count.incrementAndGet();
                    onAlert.accept(r.value());
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
