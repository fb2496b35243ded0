package io.raqib.sink.history;

import io.raqib.core.health.ComponentHealth;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.health.ServiceThread;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The alert history as a service: follows {@code raqib.alerts} (read_committed, every partition, no consumer
 * group) on its own thread into an {@link AlertIndex}, so alerts stay searchable beyond the process. It goes on
 * from the positions of the index's last commit (every {@link #COMMIT_EVERY} and on close); with no index, or for a
 * partition it has never read, it starts from the first alert younger than the retention. Alerts older than the
 * retention are dropped at start and every {@link #PURGE_EVERY}. Each alert is filed under the desk its watch has
 * when it is indexed (an index rebuilt later files it under the desk of that day).
 */
public final class AlertHistoryService implements AutoCloseable {

    /** How often what was indexed is made durable with its topic positions. */
    public static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
    /** How often alerts past the retention are dropped. */
    public static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REFRESH_EVERY = Duration.ofMillis(250);
    private final AlertIndex index;
    private final KafkaConsumer<String, String> consumer;
    private final Duration retention;
    private final Function<String, String> desks;
    private final Clock clock;
    private final ServiceThread thread = new ServiceThread("raqib-history", this::run);
    private volatile Map<TopicPartition, Long> catchUpTo;
    /** The thread's positions after its last poll, for {@link #health} (the consumer is the thread's alone). */
    private volatile Map<Integer, Long> lastPositions = Map.of();
    private volatile long indexed;
    private volatile boolean closed;

    /**
     * A history kept in {@code dir}, not started yet.
     *
     * @param watches the watch of an id (null when gone), asked once per alert as it is indexed, for its desk
     */
    public AlertHistoryService(KafkaClients clients, Path dir, Duration retention, Function<String, Watch> watches)
            throws IOException {
        this(clients, dir, retention, watches, Clock.systemUTC());
    }

    /** The same with {@code clock} telling the time the retention counts back from. */
    public AlertHistoryService(KafkaClients clients, Path dir, Duration retention, Function<String, Watch> watches,
                               Clock clock) throws IOException {
        this.index = new AlertIndex(dir);
        this.retention = retention;
        this.clock = clock;
        this.desks = subject -> {
            Watch watch = watches.apply(subject);
            return watch == null ? null : watch.desk();
        };
        this.consumer = new KafkaConsumer<>(clients.consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-history",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(),
                new StringDeserializer());
    }

    /** Starts following the topic. */
    public AlertHistoryService start() {
        thread.start();
        return this;
    }

    /** The index searches go to. */
    public AlertIndex index() {
        return index;
    }

    /** Alerts indexed since start (including those read again after a crash; not those past the retention). */
    public long indexed() {
        return indexed;
    }

    /**
     * The history as a service: down when its thread died, starting until it has read what the topic held when it
     * started, up after.
     */
    public ServiceHealth health() {
        ComponentHealth reader = thread.health("alert-index");
        Map<TopicPartition, Long> target = catchUpTo;
        if (reader.status() == ComponentHealth.Status.UP && (target == null || !reached(target))) {
            reader = ComponentHealth.starting("alert-index", "catching up with " + Topics.ALERTS.name());
        }
        return ServiceHealth.of("history", reader);
    }

    private void run() {
        boolean stoppedCleanly = false;
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            seekToStart(partitions);
            catchUpTo = consumer.endOffsets(partitions);
            purge();
            follow();
            stoppedCleanly = true;
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
            stoppedCleanly = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alert history", e);
        } finally {
            try {
                if (stoppedCleanly) {
                    index.commit(positions());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the alert history", e);
            } finally {
                consumer.close();
            }
        }
    }

    private void seekToStart(List<TopicPartition> partitions) {
        Map<Integer, Long> committed = index.committedPositions();
        long oldest = clock.instant().minus(retention).toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(partitions.stream()
                .filter(tp -> !committed.containsKey(tp.partition()))
                .collect(Collectors.toMap(Function.identity(), tp -> oldest)));
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            Long position = committed.get(tp.partition());
            OffsetAndTimestamp first = byTime.get(tp);
            consumer.seek(tp, position != null ? position : first != null ? first.offset() : end.get(tp));
        }
    }

    private void follow() throws IOException {
        long lastCommit = System.nanoTime();
        long lastRefresh = System.nanoTime();
        long lastPurge = System.nanoTime();
        boolean unseen = false;
        boolean uncommitted = false;
        while (!closed) {
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            Instant oldest = clock.instant().minus(retention);
            for (ConsumerRecord<String, String> r : records) {
                if (r.value() != null && index.add(r.value(), desks, oldest)) {
                    indexed++;
                }
            }
            lastPositions = positions();
            unseen |= !records.isEmpty();
            uncommitted |= !records.isEmpty();
            long now = System.nanoTime();
            if (unseen && (records.isEmpty() || now - lastRefresh > REFRESH_EVERY.toNanos())) {
                index.refresh();
                lastRefresh = now;
                unseen = false;
            }
            if (now - lastPurge > PURGE_EVERY.toNanos()) {
                purge();
                lastPurge = now;
                uncommitted = true;
            }
            if (uncommitted && now - lastCommit > COMMIT_EVERY.toNanos()) {
                index.commit(positions());
                lastCommit = now;
                uncommitted = false;
            }
        }
    }

    private void purge() throws IOException {
        index.removeBefore(clock.instant().minus(retention));
        index.refresh();
    }

    private Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new HashMap<>();
        consumer.assignment().forEach(tp -> positions.put(tp.partition(), consumer.position(tp)));
        return positions;
    }

    private boolean reached(Map<TopicPartition, Long> target) {
        Map<Integer, Long> now = lastPositions;
        return target.entrySet().stream().allMatch(e -> now.getOrDefault(e.getKey().partition(), 0L) >= e.getValue());
    }

    /** Stops following and closes the index, after committing what was indexed. */
    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        thread.stopping();
        if (thread.started()) {
            consumer.wakeup();
            thread.join(10_000);
        } else {
            consumer.close();
        }
        index.close();
    }
}
