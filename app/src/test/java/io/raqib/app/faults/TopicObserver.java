package io.raqib.app.faults;

import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code raqib.articles.enriched}, {@code raqib.alerts} and {@code raqib.dlq} from the beginning with a
 * {@code read_committed} consumer in the background (through broker restarts), keeping what a fault run checks:
 * how often each article was enriched, each (watch, article) alert, every dead letter with its headers, and when
 * the last record arrived. {@link #probe} tells when the first record past given offsets arrives.
 */
public final class TopicObserver implements AutoCloseable {

    /** One alert as the analysts see it: the watch and the article. */
    public record AlertKey(String watchId, String articleId) {
    }

    /** The headers of a record of {@code raqib.dlq} (null when missing). */
    public record DeadLetter(String stage, String errorClass, String errorMessage, String topic, String partition,
                             String offset) {

        /** Whether every header an operator needs is there and says something ("null" says nothing). */
        public boolean complete() {
            return Stream.of(stage, errorClass, errorMessage, topic, partition, offset)
                    .noneMatch(h -> h == null || h.isBlank() || h.equals("null"));
        }

        /** Where the failed record was: {@code topic-partition@offset}. */
        public String source() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private static final List<String> TOPICS =
            List.of(Topics.ARTICLES_ENRICHED.name(), Topics.ALERTS.name(), Topics.DLQ.name());
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final Map<String, Integer> enriched = new ConcurrentHashMap<>();
    private final Map<AlertKey, Integer> alerts = new ConcurrentHashMap<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConsumerRecord<byte[], byte[]>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong unreadableAlerts = new AtomicLong();
    private volatile long lastRecordNanos = System.nanoTime();
    private volatile Throwable failure;

    /** Waits for the first record of a topic at or past given offsets (records of a stage that did not exist). */
    public static final class Probe {

        private final String topic;
        private final Map<Integer, Long> from;
        private volatile long arrivedNanos;

        private Probe(String topic, Map<Integer, Long> from) {
            this.topic = topic;
            this.from = from;
        }

        /** Nanos ({@link System#nanoTime}) of the arrival, or 0 when none came within {@code timeout}. */
        public long await(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (arrivedNanos == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return arrivedNanos;
        }

        private void offer(ConsumerRecord<?, ?> r, long now) {
            if (arrivedNanos == 0 && r.topic().equals(topic) && r.offset() >= from.getOrDefault(r.partition(), 0L)) {
                arrivedNanos = now;
            }
        }
    }

    /** Starts reading the three topics (which must exist) of the cluster at {@code bootstrapServers}. */
    public TopicObserver(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "fault-observer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    accept(r);
                    probes.forEach(p -> p.offer(r, now));
                    listeners.forEach(l -> l.accept(r));
                    lastRecordNanos = now;
                }
                // The position, not the last record: transaction markers and aborted records take offsets too.
                try {
                    for (TopicPartition tp : consumer.assignment()) {
                        positions.put(tp, consumer.position(tp, Duration.ofSeconds(1)));
                    }
                } catch (TimeoutException e) {
                    // the broker is away (a restart): the next round asks again
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> r) {
        if (r.topic().equals(Topics.DLQ.name())) {
            deadLetters.add(new DeadLetter(DlqHeaders.read(r.headers(), DlqHeaders.STAGE),
                    DlqHeaders.read(r.headers(), DlqHeaders.ERROR_CLASS),
                    DlqHeaders.read(r.headers(), DlqHeaders.ERROR_MESSAGE),
                    DlqHeaders.read(r.headers(), DlqHeaders.TOPIC), DlqHeaders.read(r.headers(), DlqHeaders.PARTITION),
                    DlqHeaders.read(r.headers(), DlqHeaders.OFFSET)));
        } else if (r.topic().equals(Topics.ALERTS.name())) {
            try {
                Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                alerts.merge(new AlertKey(alert.data().watchId(), alert.data().articleId()), 1, Integer::sum);
            } catch (RuntimeException e) {
                unreadableAlerts.incrementAndGet();
            }
        } else if (r.key() != null) {
            enriched.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
    }

    /** A probe for the first record of {@code topic} at or past {@code from} (partition → offset). */
    public Probe probe(String topic, Map<Integer, Long> from) {
        Probe p = new Probe(topic, from);
        probes.add(p);
        return p;
    }

    /** Calls {@code listener} with every record read from now on, on the reading thread (keep it short). */
    public void listen(Consumer<ConsumerRecord<byte[], byte[]>> listener) {
        listeners.add(listener);
    }

    /** Whether every partition has been read up to {@code ends} (offsets just past the last record). */
    public boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** Whether any of {@code ids} came out of enrich. */
    public boolean enrichedAny(Collection<String> ids) {
        return ids.stream().anyMatch(enriched::containsKey);
    }

    /** Whether any of {@code ids} raised an alert. */
    public boolean alertedAny(Collection<String> ids) {
        return alerts.keySet().stream().anyMatch(k -> ids.contains(k.articleId()));
    }

    /** How many times each article id came out of enrich (read committed). */
    public Map<String, Integer> enriched() {
        return new HashMap<>(enriched);
    }

    /** How many times each (watch, article) alert was published. */
    public Map<AlertKey, Integer> alerts() {
        return new HashMap<>(alerts);
    }

    /** Alerts that were not CloudEvent JSON of an alert. */
    public long unreadableAlerts() {
        return unreadableAlerts.get();
    }

    /** Every dead letter read so far. */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Records read so far on the three topics. */
    public long records() {
        return enriched.values().stream().mapToLong(Integer::longValue).sum()
                + alerts.values().stream().mapToLong(Integer::longValue).sum() + deadLetters.size();
    }

    /** How long ago the last record arrived. */
    public Duration sinceLastRecord() {
        return Duration.ofNanos(System.nanoTime() - lastRecordNanos);
    }

    /** The error that stopped the reader, or null while it reads. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(30_000);
    }
}
