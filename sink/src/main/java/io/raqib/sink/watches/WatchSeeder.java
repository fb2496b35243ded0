package io.raqib.sink.watches;

import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Publishes the watches of a watches file to {@code raqib.watches}, so that a file's watches are stored like any
 * other: listed and deleted by the CLI and the API, replayed, and applied by every sink instance. The file seeds,
 * the topic is the truth. A file watch is published when its id was never stored, or when the stored version was
 * itself published from a file and differs (the file was edited since). It is not published when it is stored
 * alike, when it was deleted (a tombstone: a deleted watch stays deleted), or when it was changed through the API
 * or CLI since (that change wins). A mute is no change of the watch: a file watch muted through the API is still
 * the file's (its definition is compared without {@code mutedUntil}), and an edit of the file keeps the mute.
 *
 * <p>Several instances seeding at once (sinks started together with the same file) publish each watch once: the
 * publication is a transaction under one transactional id, so a seeder that starts fences the one before it, then
 * reads what is committed, and the fenced one starts over, finding its watches stored.
 */
public final class WatchSeeder {

    private static final int ATTEMPTS = 5;
    private final KafkaClients clients;
    private final String transactionalId;
    private final Duration timeout;

    /**
     * @param transactionalId the same for every instance of one deployment (e.g. {@code <application id>-watches})
     * @param timeout         bound of each cluster call while reading the topic
     */
    public WatchSeeder(KafkaClients clients, String transactionalId, Duration timeout) {
        this.clients = clients;
        this.transactionalId = transactionalId;
        this.timeout = timeout;
    }

    /**
     * What seeding did with each watch of the file.
     *
     * @param published ids published now
     * @param stored    ids already stored alike
     * @param deleted   ids deleted earlier, not re-created
     * @param changed   ids changed through the API or CLI since, kept as stored
     */
    public record Outcome(List<String> published, List<String> stored, List<String> deleted, List<String> changed) {

        /** One line for the operator: counts, and the ids the file did not set. */
        public String describe() {
            return published.size() + " published, " + stored.size() + " already stored"
                    + (deleted.isEmpty() ? "" : ", not re-created (deleted earlier): " + String.join(", ", deleted))
                    + (changed.isEmpty() ? "" : ", kept as changed through the API/CLI: " + String.join(", ", changed));
        }
    }

    /** Publishes what {@code fileWatches} adds or changes (see the class comment) and says what it did. */
    public Outcome seed(List<Watch> fileWatches) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            // Looked at before taking over the transactional id: an instance whose watches are all stored (every
            // restart but the first) fences nobody.
            Plan unfenced = plan(fileWatches);
            if (unfenced.toPublish().isEmpty()) {
                return unfenced.outcome();
            }
            try {
                return publish(fileWatches);
            } catch (KafkaException e) {
                if (!fenced(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("watches file not published: other instances kept publishing "
                            + "theirs at the same time (" + ATTEMPTS + " attempts)", e);
                }
                // Another instance is publishing: let it finish, then find what it stored.
                Thread.sleep(ThreadLocalRandom.current().nextLong(100, 500));
            }
        }
    }

    /** In one transaction, after fencing any other seeder: reads what is stored, publishes what the file adds. */
    private Outcome publish(List<Watch> fileWatches) {
        try (KafkaProducer<String, Watch> producer = new KafkaProducer<>(clients.producer(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "raqib-watch-seeder",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId)),
                Topics.WATCHES.keySerde().serializer(), Topics.WATCHES.valueSerde().serializer())) {
            producer.initTransactions();
            Plan plan = plan(fileWatches);
            if (plan.toPublish().isEmpty()) {
                return plan.outcome();
            }
            producer.beginTransaction();
            for (Watch w : plan.toPublish()) {
                producer.send(new ProducerRecord<>(Topics.WATCHES.name(), null, w.id(), w,
                        WatchTopicSnapshot.fileHeaders()));
            }
            producer.commitTransaction();
            return plan.outcome();
        }
    }

    /** True when {@code e} says another instance took over the transactional id (possibly as the cause). */
    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    /** What seeding would do, and the watches it would publish (each keeping a stored mute). */
    private record Plan(Outcome outcome, List<Watch> toPublish) {
    }

    private Plan plan(List<Watch> fileWatches) {
        Map<String, WatchTopicSnapshot.Entry> stored = WatchTopicSnapshot.read(clients, timeout).entries();
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Watch> toPublish = new ArrayList<>();
        for (Watch w : fileWatches) {
            WatchTopicSnapshot.Entry entry = stored.get(w.id());
            if (entry == null) {
                outcome.published().add(w.id());
                toPublish.add(w);
            } else if (entry.deleted()) {
                outcome.deleted().add(w.id());
            } else if (entry.watch() != null && sameDefinition(w, entry.watch())) {
                outcome.stored().add(w.id());
            } else if (entry.fromFile()) {
                outcome.published().add(w.id());
                toPublish.add(entry.watch() == null ? w : w.withMutedUntil(entry.watch().mutedUntil()));
            } else {
                outcome.changed().add(w.id());
            }
        }
        return new Plan(outcome, toPublish);
    }

    /** Whether two versions of a watch differ at most in their mute. */
    private static boolean sameDefinition(Watch a, Watch b) {
        return a.withMutedUntil(null).equals(b.withMutedUntil(null));
    }
}
