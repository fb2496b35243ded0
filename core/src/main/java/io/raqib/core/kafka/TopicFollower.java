package io.raqib.core.kafka;

import io.raqib.core.health.ComponentHealth;
import io.raqib.core.health.ServiceThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows every partition of one topic on a thread of the service that owns it, without a consumer group and
 * committing nothing: seeks where the owner says ({@link Start}), hands each poll's records to the owner's
 * {@link Reader} (an empty poll too, so the owner can do timed work), and knows how far it has read and whether it
 * has caught up with what the topic held when it began. The owner decides what a record it cannot read means; an
 * exception out of the reader or the consumer ends the thread, which {@link #failure()} and {@link #health} report.
 */
public final class TopicFollower<K, V> implements AutoCloseable {

    private static final Duration PARTITIONS_WITHIN = Duration.ofSeconds(30);
    private final Consumer<K, V> consumer;
    private final String topic;
    private final Start start;
    private final Duration poll;
    private final Reader<K, V> reader;
    private final ServiceThread thread;
    /** Counted down once caught up, or when the thread ends before that. */
    private final CountDownLatch settled = new CountDownLatch(1);
    /** By partition, the offset of the next record to read, as of the last poll. */
    private volatile Map<Integer, Long> positions = Map.of();
    private volatile boolean caughtUp;
    private volatile boolean closed;
    /** What ended the thread, kept before the consumer's close (which may take a while) lets the thread end. */
    private volatile Throwable failure;

    /** Where reading starts on each partition. */
    @FunctionalInterface
    public interface Start {
        /** Seeks {@code consumer}, assigned {@code partitions}, to where reading starts on each. */
        void seek(Consumer<?, ?> consumer, List<TopicPartition> partitions);
    }

    /** What the owner does with the records of one poll, on the follower's thread. */
    @FunctionalInterface
    public interface Reader<K, V> {
        /** Takes the records of one poll (possibly none). */
        void read(ConsumerRecords<K, V> records) throws IOException;
    }

    /** From the first record each partition holds. */
    public static final Start BEGINNING = Consumer::seekToBeginning;

    /** From the last {@code records} records of each partition at most (0: only what comes from now on). */
    public static Start last(long records) {
        return (consumer, partitions) -> {
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
            consumer.endOffsets(partitions).forEach((tp, end) -> consumer.seek(tp,
                    Math.max(first.get(tp), end - records)));
        };
    }

    /**
     * A follower of {@code topic} on a thread named {@code threadName}, not started yet; it owns {@code consumer}
     * (closed when the thread ends) and polls for up to {@code poll} at a time.
     */
    public TopicFollower(String threadName, Consumer<K, V> consumer, String topic, Start start, Duration poll,
                         Reader<K, V> reader) {
        this.consumer = consumer;
        this.topic = topic;
        this.start = start;
        this.poll = poll;
        this.reader = reader;
        this.thread = new ServiceThread(threadName, this::run);
    }

    /** Starts following in the background. */
    public void start() {
        thread.start();
    }

    /** Whether it has read everything the topic held when it began. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Waits until caught up; false on timeout or when the thread ended before that ({@link #failure()}). */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && caughtUp;
    }

    /** By partition, the offset of the next record to read as of the last poll (empty before the first). */
    public Map<Integer, Long> positions() {
        return positions;
    }

    /** The error that ended the thread while its owner still runs, or null. */
    public Throwable failure() {
        if (closed) {
            return null;
        }
        Throwable e = failure;
        return e != null ? e : thread.death();
    }

    /**
     * The follower as {@code component}: DOWN once its thread died, STARTING until caught up, then UP with what
     * {@code upDetail} says.
     */
    public ComponentHealth health(String component, Supplier<String> upDetail) {
        Throwable dead = failure();
        if (dead != null) {
            return ComponentHealth.down(component, "stopped: " + dead);
        }
        ComponentHealth running = thread.health(component);
        if (!running.ready()) {
            return running;
        }
        return caughtUp ? ComponentHealth.up(component, upDetail.get())
                : ComponentHealth.starting(component, "loading " + topic);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, PARTITIONS_WITHIN).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            start.seek(consumer, partitions);
            Map<TopicPartition, Long> backlog = new HashMap<>(consumer.endOffsets(partitions));
            while (!closed) {
                reader.read(consumer.poll(poll));
                Map<Integer, Long> now = new HashMap<>();
                partitions.forEach(tp -> now.put(tp.partition(), consumer.position(tp)));
                positions = Map.copyOf(now);
                if (!caughtUp) {
                    backlog.entrySet().removeIf(e -> now.get(e.getKey().partition()) >= e.getValue());
                    caughtUp = backlog.isEmpty();
                    if (caughtUp) {
                        settled.countDown();
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw ended(e);
            }
        } catch (IOException e) {
            throw ended(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw ended(e);
        } catch (Error e) {
            throw ended(e);
        } finally {
            settled.countDown();
            consumer.close();
        }
    }

    private <T extends Throwable> T ended(T e) {
        failure = e;
        return e;
    }

    /** Stops following: waits for the reader's current poll to end, then closes the consumer. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.stop(consumer::wakeup, consumer::close, 10_000);
    }
}
