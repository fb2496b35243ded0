package io.raqib.sink.watches;

import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Watches as the REST API manages them: writes go to the compacted {@code raqib.watches} topic (so every sink
 * instance applies them within seconds), reads come from this process's live registry. A write returns once the
 * local registry shows it, so a client reads its own writes. Watches pass {@link WatchAdmission} first.
 */
public final class WatchStore implements AutoCloseable {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(15);
    private final KafkaProducer<String, Watch> producer;
    private final WatchRegistry registry;
    private final WatchAdmission admission;

    /** @param admission what a watch must pass before it is stored (query, webhook, desk limit) */
    public WatchStore(KafkaClients clients, WatchRegistry registry, WatchAdmission admission) {
        this.producer = new KafkaProducer<>(clients.producer(Map.of(ProducerConfig.CLIENT_ID_CONFIG,
                "raqib-watch-store")), Topics.WATCHES.keySerde().serializer(),
                Topics.WATCHES.valueSerde().serializer());
        this.registry = registry;
        this.admission = admission;
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
     * Validates and stores a watch (create or replace); returns it as stored (webhook normalized). Throws
     * {@link InvalidWatchException} for a bad watch and {@link WatchAdmission.LimitExceededException} when its desk
     * is full.
     */
    public Watch save(Watch watch) throws InterruptedException {
        Watch admitted = admission.check(watch, registry.all());
        send(new ProducerRecord<>(Topics.WATCHES.name(), admitted.id(), admitted));
        awaitVisible(() -> admitted.equals(registry.get(admitted.id())));
        return admitted;
    }

    /**
     * Stores watch {@code id} muted until {@code until} (null unmutes it) and returns it as stored; null when there
     * is no such watch. A watch a watches file published stays the file's ({@link WatchSeeder}): its record says so.
     */
    public Watch mute(String id, Instant until) throws InterruptedException {
        Watch stored = registry.get(id);
        if (stored == null) {
            return null;
        }
        Watch muted = stored.withMutedUntil(until);
        send(new ProducerRecord<>(Topics.WATCHES.name(), null, id, muted,
                registry.fromFile(id) ? WatchTopicSnapshot.fileHeaders() : null));
        awaitVisible(() -> muted.equals(registry.get(id)));
        return muted;
    }

    /** Runs {@code watch} on {@code article} under the same limits as {@link #save}, storing nothing. */
    public WatchTester.Result test(Watch watch, EnrichedArticle article) {
        return WatchTester.test(watch, article, admission.limits());
    }

    /** Deletes a watch (a tombstone on the topic); false when there was no such watch. */
    public boolean delete(String id) throws InterruptedException {
        if (registry.get(id) == null) {
            return false;
        }
        send(new ProducerRecord<>(Topics.WATCHES.name(), id, null));
        awaitVisible(() -> registry.get(id) == null);
        return true;
    }

    private void send(ProducerRecord<String, Watch> record) throws InterruptedException {
        try {
            producer.send(record).get();
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
}
