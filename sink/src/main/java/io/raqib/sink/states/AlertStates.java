package io.raqib.sink.states;

import io.raqib.core.health.ComponentHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.TopicFollower;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.AlertState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert states of an API process: written to the compacted {@code raqib.alert.states} topic and read back from
 * it into memory by a thread of their own (all partitions from the beginning, no consumer group), so every API
 * process knows every change, whichever process took it. A write returns once the broker has the record and this
 * process has read it back, so a client reads its own writes. Each state read once the backlog is loaded is handed
 * to a listener (the live consoles).
 *
 * <p>Bounded: a state not updated for {@code retention} is forgotten, and past {@code maxStates} the least recently
 * updated are (an alert without a state is open and unassigned). A record that cannot be read is skipped and logged.
 */
public final class AlertStates implements AutoCloseable {

    /** How long a state is kept after its last update by default: longer than alerts stay on the console. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    /** States kept at most by default (about 300 bytes each). */
    public static final int DEFAULT_MAX_STATES = 200_000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertStates.class);
    private static final String COMPONENT = "alert-states";
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(15);
    private final KafkaProducer<String, AlertState> producer;
    private final Duration retention;
    private final int maxStates;
    private final Clock clock;
    private final Consumer<AlertState> onChange;
    /** The states by alert id, least recently updated first. */
    private final LinkedHashMap<String, AlertState> states = new LinkedHashMap<>();
    private final TopicFollower<byte[], byte[]> follower;

    /** States with the default bounds, each change read after the backlog handed to {@code onChange}. */
    public AlertStates(KafkaClients clients, Consumer<AlertState> onChange) {
        this(clients, DEFAULT_RETENTION, DEFAULT_MAX_STATES, Clock.systemUTC(), onChange);
    }

    /**
     * @param retention how long after its last update a state is kept
     * @param maxStates the most states kept
     * @param onChange  called on the reading thread with each state read once the backlog is loaded
     */
    public AlertStates(KafkaClients clients, Duration retention, int maxStates, Clock clock,
                       Consumer<AlertState> onChange) {
        this.producer = new KafkaProducer<>(clients.producer(Map.of(ProducerConfig.CLIENT_ID_CONFIG,
                "raqib-alert-states")), Topics.ALERT_STATES.keySerde().serializer(),
                Topics.ALERT_STATES.valueSerde().serializer());
        this.retention = retention;
        this.maxStates = maxStates;
        this.clock = clock;
        this.onChange = onChange;
        this.follower = new TopicFollower<>("raqib-alert-states", new KafkaConsumer<>(clients.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "raqib-alert-states")), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), Topics.ALERT_STATES.name(), TopicFollower.BEGINNING,
                Duration.ofMillis(200), records -> {
                    records.forEach(this::apply);
                    forgetExpired();
                });
    }

    /** Starts reading the topic in the background. */
    public AlertStates start() {
        follower.start();
        return this;
    }

    /** The state of one alert, or null when it has none (open, unassigned). */
    public AlertState get(String alertId) {
        synchronized (states) {
            return states.get(alertId);
        }
    }

    /** The states of those of {@code alertIds} that have one, by alert id. */
    public Map<String, AlertState> get(Collection<String> alertIds) {
        Map<String, AlertState> found = new LinkedHashMap<>();
        synchronized (states) {
            alertIds.forEach(id -> {
                AlertState state = states.get(id);
                if (state != null) {
                    found.put(id, state);
                }
            });
        }
        return found;
    }

    /** How many states are held. */
    public int size() {
        synchronized (states) {
            return states.size();
        }
    }

    /**
     * Stores {@code state}: returns once the broker has acknowledged it and this process has read it back. Throws
     * {@link IllegalStateException} when the broker refuses it or it is not read back within seconds.
     */
    public AlertState put(AlertState state) throws InterruptedException {
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(Topics.ALERT_STATES.name(), state.alertId(), state)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + Topics.ALERT_STATES.name() + ": "
                    + e.getCause().getMessage(), e);
        }
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        // Visible once this process's reading has passed the record's offset on its partition.
        while (follower.positions().getOrDefault(written.partition(), 0L) <= written.offset()) {
            if (System.nanoTime() > deadline || failure() != null) {
                throw new IllegalStateException("stored, but not read back by this process within "
                        + VISIBLE_WITHIN);
            }
            Thread.sleep(10);
        }
        return state;
    }

    /** The error that stopped the reader (states are no longer followed), or null while it runs. */
    public Throwable failure() {
        return follower.failure();
    }

    /** The reader as component {@code alert-states}: UP once the stored states are loaded, DOWN once it died. */
    public ComponentHealth health() {
        return follower.health(COMPONENT, () -> size() + " states, caught up with " + Topics.ALERT_STATES.name());
    }

    /** Applies one record, or skips it when it cannot be read: no record stops the others. */
    private void apply(ConsumerRecord<byte[], byte[]> r) {
        AlertState state;
        String alertId;
        try {
            alertId = Topics.ALERT_STATES.keySerde().deserializer().deserialize(r.topic(), Objects.requireNonNull(
                    r.key(), "an alert state record needs the alert id as its key"));
            state = Topics.ALERT_STATES.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (state != null && !alertId.equals(state.alertId())) {
                throw new IllegalArgumentException("the key '" + alertId + "' is not the alert id");
            }
        } catch (RuntimeException e) {
            LOG.warn("skipping alert state record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
            return;
        }
        boolean current = state != null && !expired(state);
        synchronized (states) {
            states.remove(alertId);
            if (current) {
                states.put(alertId, state);
                if (states.size() > maxStates) {
                    Iterator<String> eldest = states.keySet().iterator();
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        if (current && follower.caughtUp()) {
            onChange.accept(state);
        }
    }

    /** Forgets the states not updated within the retention: the least recently updated come first. */
    private void forgetExpired() {
        synchronized (states) {
            Iterator<AlertState> oldest = states.values().iterator();
            while (oldest.hasNext() && expired(oldest.next())) {
                oldest.remove();
            }
        }
    }

    private boolean expired(AlertState state) {
        Instant updated = state.updatedAt();
        return updated != null && updated.isBefore(clock.instant().minus(retention));
    }

    /** Stops reading and writing. */
    @Override
    public void close() throws InterruptedException {
        follower.close();
        producer.close();
    }
}
