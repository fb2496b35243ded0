package io.raqib.sink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The alert gate's memory in Kafka Streams state stores (changelogged, so it survives restarts and moves with
 * its task): a key-value store of {@link AlertState} per watch id (bounded by the number of watches) and a
 * window store of seen stories whose retention is the story memory (old segments are dropped, so it stays
 * bounded).
 */
final class StreamsAlertGateStore implements AlertGateStore {

    private final KeyValueStore<String, AlertState> states;
    private final WindowStore<String, Long> stories;
    private final long storyMemoryMs;

    StreamsAlertGateStore(KeyValueStore<String, AlertState> states, WindowStore<String, Long> stories,
                          long storyMemoryMs) {
        this.states = states;
        this.stories = stories;
        this.storyMemoryMs = storyMemoryMs;
    }

    @Override
    public AlertState state(String watchId) {
        AlertState s = states.get(watchId);
        return s == null ? AlertState.NONE : s;
    }

    @Override
    public void put(String watchId, AlertState state) {
        states.put(watchId, state);
    }

    @Override
    public boolean seen(String watchId, String storyKey, Instant now) {
        // Records of a watch arrive out of time order (articles from several partitions); a story remembered "later"
        // than this record still counts, so look both ways.
        long at = now.toEpochMilli();
        try (WindowStoreIterator<Long> it = stories.fetch(AlertGate.storyStoreKey(watchId, storyKey),
                Instant.ofEpochMilli(at - storyMemoryMs), Instant.ofEpochMilli(at + storyMemoryMs))) {
            return it.hasNext();
        }
    }

    @Override
    public void remember(String watchId, String storyKey, Instant time) {
        stories.put(AlertGate.storyStoreKey(watchId, storyKey), time.toEpochMilli(), time.toEpochMilli());
    }

    /** Deletes the state of every watch {@code live} rejects (deleted watches). */
    void retainWatches(Predicate<String> live) {
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, AlertState> it = states.all()) {
            while (it.hasNext()) {
                KeyValue<String, AlertState> entry = it.next();
                if (!live.test(entry.key)) {
                    gone.add(entry.key);
                }
            }
        }
        gone.forEach(states::delete);
    }
}
