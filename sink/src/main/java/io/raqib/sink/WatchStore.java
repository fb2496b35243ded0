package io.raqib.sink;

import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Watches as the REST API manages them: writes go to the compacted {@code raqib.watches} topic (so every sink
 * instance applies them within seconds), reads come from this process's live registry. A write returns once the
 * local registry shows it, so a client reads its own writes. Enforces the per-desk watch limit.
 */
public final class WatchStore implements AutoCloseable {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(15);
    private final KafkaProducer<String, Watch> producer;
    private final WatchRegistry registry;
    private final int maxPerDesk;
    private final WebhookPolicy webhooks;

    /**
     * @param maxPerDesk most watches one desk may hold (watches without a desk count as desk "")
     * @param webhooks   which webhook targets a stored watch may name
     */
    public WatchStore(String bootstrapServers, WatchRegistry registry, int maxPerDesk, WebhookPolicy webhooks) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-watch-store");
        this.producer = new KafkaProducer<>(p, Topics.WATCHES.keySerde().serializer(),
                Topics.WATCHES.valueSerde().serializer());
        this.registry = registry;
        this.maxPerDesk = maxPerDesk;
        this.webhooks = webhooks;
    }

    /**
     * Throws {@link LimitExceededException} when storing {@code watch} would give its desk more than
     * {@code maxPerDesk} of the {@code existing} watches (a replaced watch does not count twice).
     */
    public static void checkDeskLimit(Collection<Watch> existing, Watch watch, int maxPerDesk) {
        long onDesk = existing.stream()
                .filter(w -> !w.id().equals(watch.id()) && Objects.equals(w.desk(), watch.desk())).count();
        if (onDesk >= maxPerDesk) {
            throw new LimitExceededException("desk '" + (watch.desk() == null ? "" : watch.desk())
                    + "' already has " + onDesk + " watches (limit " + maxPerDesk + ")");
        }
    }

    /** The watch with this id, or null. */
    public Watch get(String id) {
        return registry.get(id);
    }

    /** All watches, or those of one desk when {@code desk} is not null, in id order. */
    public List<Watch> list(String desk) {
        return registry.all().stream().filter(w -> desk == null || desk.equals(w.desk())).toList();
    }

    /**
     * Validates and stores a watch (create or replace). Throws {@link InvalidWatchException} for a bad watch and
     * {@link LimitExceededException} when its desk is full.
     */
    public Watch save(Watch watch) throws InterruptedException {
        registry.validate(watch);
        webhooks.check(watch);
        checkDeskLimit(registry.all(), watch, maxPerDesk);
        send(watch.id(), watch);
        awaitVisible(() -> watch.equals(registry.get(watch.id())));
        return watch;
    }

    /** Deletes a watch (a tombstone on the topic); false when there was no such watch. */
    public boolean delete(String id) throws InterruptedException {
        if (registry.get(id) == null) {
            return false;
        }
        send(id, null);
        awaitVisible(() -> registry.get(id) == null);
        return true;
    }

    private void send(String id, Watch value) throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(Topics.WATCHES.name(), id, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + Topics.WATCHES.name() + ": "
                    + e.getCause().getMessage(), e);
        }
    }

    private static void awaitVisible(Supplier<Boolean> applied) throws InterruptedException {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (!applied.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stored, but not applied by this sink within " + VISIBLE_WITHIN);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A watch refused because a configured limit is reached. */
    public static final class LimitExceededException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public LimitExceededException(String message) {
            super(message);
        }
    }
}
