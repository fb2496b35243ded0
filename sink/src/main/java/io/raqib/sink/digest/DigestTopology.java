package io.raqib.sink.digest;

import io.raqib.core.config.DigestSettings;
import io.raqib.core.kafka.JsonSerde;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Digest.DigestWatch;
import io.raqib.core.model.Watch;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The digest topology: the sink's new alerts → those of watches whose desk asked for digests, re-keyed by desk
 * (only what a digest lists crosses the repartition topic) → {@link DigestProcessor} → {@code raqib.digests},
 * key = desk. Alerts of watches deleted meanwhile are left out; replays never pass here.
 */
public final class DigestTopology {

    static final String STORE = "digest-windows";

    private DigestTopology() {
    }

    /**
     * Adds the digest branch to {@code builder}: {@code alerts} is the sink's stream of new alerts (as written to
     * {@code raqib.alerts}), {@code watches} gives a watch by id (null once deleted).
     */
    public static void build(StreamsBuilder builder, KStream<String, Alert> alerts, DigestSettings settings,
                             Function<String, Watch> watches) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new JsonSerde<>(DigestWatch.class)));
        alerts.flatMap((watchId, alert) -> deskEntry(settings, watches, alert), Named.as("digest-desk-of-alert"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(DigestEntry.class))
                        .withName("digest-entries"))
                .process(() -> new DigestProcessor(settings, STORE), Named.as("digest-windows"), STORE)
                .to(Topics.DIGESTS.name(), Produced.with(Topics.DIGESTS.keySerde(), Topics.DIGESTS.valueSerde())
                        .withName("digests-sink"));
    }

    private static List<KeyValue<String, DigestEntry>> deskEntry(DigestSettings settings,
            Function<String, Watch> watches, Alert alert) {
        if (alert.data() == null) {
            return List.of();
        }
        Watch watch = watches.apply(alert.data().watchId());
        String desk = watch == null ? null : watch.desk();
        if (desk == null || settings.subscriptions().stream().noneMatch(s -> s.desk().equals(desk))) {
            return List.of();
        }
        return List.of(KeyValue.pair(desk, DigestEntry.of(alert)));
    }
}
