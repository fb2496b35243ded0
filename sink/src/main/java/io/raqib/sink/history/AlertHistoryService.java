package io.raqib.sink.history;

import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.TopicFollower;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
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
    private final TopicFollower<String, String> follower;
    private final Duration retention;
    private final Function<String, String> desks;
    private final Clock clock;
    // Touched by the follower's thread only.
    private long lastCommit = System.nanoTime();
    private long lastRefresh = System.nanoTime();
    private long lastPurge = System.nanoTime();
    private boolean unseen;
    private boolean uncommitted;
    private volatile long indexed;

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
        this.follower = new TopicFollower<>("raqib-history", new KafkaConsumer<>(clients.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "raqib-history", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest")), new StringDeserializer(),
                new StringDeserializer()), Topics.ALERTS.name(), this::seekToStart, POLL, this::read);
    }

    /** Drops what is past the retention, then starts following the topic. */
    public AlertHistoryService start() throws IOException {
        purge();
        follower.start();
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
        return ServiceHealth.of("history", follower.health("alert-index", () -> indexed + " alerts indexed since "
                + "start"));
    }

    private void seekToStart(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
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

    /** Indexes one poll's alerts; refreshes, purges and commits when it is time. */
    private void read(ConsumerRecords<String, String> records) throws IOException {
        Instant oldest = clock.instant().minus(retention);
        for (ConsumerRecord<String, String> r : records) {
            if (r.value() != null && index.add(r.value(), desks, oldest)) {
                indexed++;
            }
        }
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
        // The positions are those of the poll before this one's records: a commit never claims an alert that is
        // not in the index yet, and what it leaves out is indexed again (by id, so once) after a restart.
        if (uncommitted && now - lastCommit > COMMIT_EVERY.toNanos() && !follower.positions().isEmpty()) {
            index.commit(follower.positions());
            lastCommit = now;
            uncommitted = false;
        }
    }

    private void purge() throws IOException {
        index.removeBefore(clock.instant().minus(retention));
        index.refresh();
    }

    /** Stops following and closes the index, after committing what was indexed (unless its thread died). */
    @Override
    public void close() throws IOException, InterruptedException {
        follower.close();
        try {
            if (follower.failure() == null && !follower.positions().isEmpty()) {
                index.commit(follower.positions());
            }
        } finally {
            index.close();
        }
    }
}
