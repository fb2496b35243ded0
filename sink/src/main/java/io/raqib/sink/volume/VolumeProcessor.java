package io.raqib.sink.volume;

import io.raqib.core.model.VolumeAlert;
import io.raqib.sink.SinkTopology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the events of each subject (key = watch id, or {@code source:<name>}; value = its name) at their record
 * time in a changelogged store and raises {@link VolumeAlert}s: a spike as soon as a window's count crosses the
 * bar, a silence (sources only) from a wall-clock check every {@link #SILENCE_CHECK}, so a source that went quiet is
 * noticed although nothing arrives. Every {@link #PURGE_EVERY} of wall-clock time, a {@link VolumePurge} deletes the
 * subjects that no longer matter.
 */
final class VolumeProcessor implements Processor<String, String, String, VolumeAlert> {

    /** How often silent sources are looked for. */
    static final Duration SILENCE_CHECK = Duration.ofMinutes(1);
    /** How often the store is purged. */
    static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(VolumeProcessor.class);
    private final VolumeTracker tracker;
    private final VolumePurge purge;
    private final String storeName;
    private final boolean watchScope;
    private final boolean spikes;
    private final boolean silences;
    private ProcessorContext<String, VolumeAlert> context;
    private KeyValueStore<String, SubjectVolume> store;

    /**
     * @param watchScope whether the subjects are watches (else sources)
     * @param spikes     whether spikes are alerted
     * @param silences   whether silences are alerted
     */
    VolumeProcessor(VolumeTracker tracker, VolumePurge purge, String storeName, boolean watchScope, boolean spikes,
                    boolean silences) {
        this.tracker = tracker;
        this.purge = purge;
        this.storeName = storeName;
        this.watchScope = watchScope;
        this.spikes = spikes;
        this.silences = silences;
    }

    @Override
    public void init(ProcessorContext<String, VolumeAlert> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        if (silences) {
            context.schedule(SILENCE_CHECK, PunctuationType.WALL_CLOCK_TIME, this::alertSilences);
        }
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, String> record) {
        VolumeTracker.Seen seen = tracker.seen(store.get(record.key()), record.value(), record.timestamp(),
                silences);
        store.put(record.key(), seen.state());
        if (spikes && seen.spike()) {
            SubjectVolume s = seen.state();
            Instant from = Instant.ofEpochMilli(s.windowStart());
            VolumeAlert.Data data = new VolumeAlert.Data(scope(), watchScope ? record.key() : null,
                    watchScope ? s.name() : null, watchScope ? null : s.name(), from,
                    from.plusMillis(tracker.windowMillis()), s.count(), VolumeTracker.baseline(s), null, null, null);
            send(VolumeAlert.SPIKE, record.key(), s.windowStart(), record.timestamp(), data);
        }
    }

    private void alertSilences(long now) {
        List<KeyValue<String, SubjectVolume>> silent = new ArrayList<>();
        try (KeyValueIterator<String, SubjectVolume> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (tracker.becameSilent(kv.value, now)) {
                    silent.add(kv);
                }
            });
        }
        for (KeyValue<String, SubjectVolume> kv : silent) {
            SubjectVolume s = kv.value;
            store.put(kv.key, s.silenced());
            VolumeAlert.Data data = new VolumeAlert.Data(scope(), null, null, s.name(), null, null, null, null,
                    Instant.ofEpochMilli(s.lastSeen()), Duration.ofMillis((long) s.usualGap()).toString(),
                    Duration.ofMillis(now - s.lastSeen()).toString());
            send(VolumeAlert.SILENCE, kv.key, s.lastSeen(), now, data);
        }
    }

    private void purge(long now) {
        VolumePurge.Purged p = purge.purge(store, now);
        if (p.idle() + p.overLimit() > 0) {
            LOG.info("{} (task {}): forgot {} quiet subjects and {} least recently seen over the bound", storeName,
                    context.taskId(), p.idle(), p.overLimit());
        }
    }

    private void send(String type, String subject, long instance, long time, VolumeAlert.Data data) {
        // The same spike (subject, window) or silence (subject, last article) keeps its id if raised again.
        String id = UUID.nameUUIDFromBytes((type + '\u0000' + subject + '\u0000' + instance)
                .getBytes(StandardCharsets.UTF_8)).toString();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", SinkTopology.CLOUDEVENTS_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(subject, VolumeAlert.of(type, id, subject, Instant.ofEpochMilli(time), data),
                time, headers));
    }

    private String scope() {
        return watchScope ? "watch" : "source";
    }
}
