package io.raqib.sink.volume;

import io.raqib.core.config.VolumeSettings;
import io.raqib.core.kafka.JsonSerde;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.VolumeAlert;
import io.raqib.sink.SinkStreams;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The spike and silence alerts: each watch's alerts as the gate lets them through (keyed and partitioned by watch
 * id; replays never pass here) and each source's enriched articles (re-keyed by source) are counted per window by a
 * {@link VolumeProcessor}, whose {@link VolumeAlert}s go to {@code raqib.alerts}, key = their subject.
 */
public final class VolumeTopology {

    static final String WATCH_STORE = "volume-watches";
    static final String SOURCE_STORE = "volume-sources";
    private static final Serde<VolumeAlert> EVENTS = new JsonSerde<>(VolumeAlert.class);

    private VolumeTopology() {
    }

    /** Adds the volume branches {@code settings} turn on to the sink topology's {@code streams}. */
    public static void build(StreamsBuilder builder, SinkStreams streams, VolumeSettings settings) {
        VolumeTracker tracker = new VolumeTracker(settings);
        Produced<String, VolumeAlert> toAlerts = Produced.with(Serdes.String(), EVENTS);
        if (settings.on(VolumeSettings.WATCH_SPIKE)) {
            addStore(builder, WATCH_STORE);
            // Watches are bounded by their registry; only quiet (and deleted) ones need forgetting.
            VolumePurge watchPurge = new VolumePurge(tracker, false, Long.MAX_VALUE);
            streams.alerts().filter((watchId, a) -> watchId != null && a.data() != null, Named.as("volume-live-alerts"))
                    .mapValues(a -> a.data().watchName() == null ? "" : a.data().watchName(),
                            Named.as("volume-watch-names"))
                    .process(() -> new VolumeProcessor(tracker, watchPurge, WATCH_STORE, true, true, false),
                            Named.as("volume-watch-counts"), WATCH_STORE)
                    .to(Topics.ALERTS.name(), toAlerts.withName("volume-watch-alerts"));
        }
        boolean sourceSpikes = settings.on(VolumeSettings.SOURCE_SPIKE);
        boolean silences = settings.on(VolumeSettings.SOURCE_SILENCE);
        if (sourceSpikes || silences) {
            addStore(builder, SOURCE_STORE);
            VolumePurge sourcePurge = new VolumePurge(tracker, silences, settings.maxSources());
            streams.articles()
                    .filter((id, a) -> a != null && a.source() != null && !a.source().isBlank(),
                            Named.as("volume-articles-with-source"))
                    .map((id, a) -> KeyValue.pair(VolumeAlert.SOURCE_SUBJECT + a.source(),
                            a.source()), Named.as("volume-by-source"))
                    .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("volume-sources"))
                    .process(() -> new VolumeProcessor(tracker, sourcePurge, SOURCE_STORE, false, sourceSpikes,
                                    silences),
                            Named.as("volume-source-counts"), SOURCE_STORE)
                    .to(Topics.ALERTS.name(), toAlerts.withName("volume-source-alerts"));
        }
    }

    private static void addStore(StreamsBuilder builder, String name) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                new SubjectVolumeSerde()));
    }
}
