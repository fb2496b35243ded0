package io.raqib.sink.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The alert gate's memory in Kafka Streams state stores (changelogged, so it survives restarts and moves with
 * its task): a key-value store of {@link AlertState} per watch id (bounded by the number of watches, kept only for
 * watches with a throttle or held-back matches) and a window store of the watches that saw each story, whose
 * retention is the story memory (old segments are dropped, so it stays bounded). The window store keeps
 * duplicates: two articles of one story remembered at the same millisecond add up instead of overwriting.
 */
public final class StreamsAlertGateStore implements AlertGateStore {

    private final KeyValueStore<String, AlertState> states;
    private final WindowStore<String, List<String>> stories;
    private final long storyMemoryMs;

    /** The gate memory in {@code states} and {@code stories}; a story is remembered for {@code storyMemoryMs}. */
    public StreamsAlertGateStore(KeyValueStore<String, AlertState> states, WindowStore<String, List<String>> stories,
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
        if (state.equals(AlertState.NONE)) {
            states.delete(watchId);
        } else {
            states.put(watchId, state);
        }
    }

    @Override
    public Set<String> watchesThatSaw(String storyKey, Instant now) {
        // Articles of a story arrive out of time order (several partitions); a story remembered "later" than this
        // record still counts, so look both ways.
        long at = now.toEpochMilli();
        Set<String> out = new HashSet<>();
        try (WindowStoreIterator<List<String>> it = stories.fetch(storyKey, Instant.ofEpochMilli(at - storyMemoryMs),
                Instant.ofEpochMilli(at + storyMemoryMs))) {
            it.forEachRemaining(kv -> out.addAll(kv.value));
        }
        return out;
    }

    @Override
    public void remember(String storyKey, Collection<String> watchIds, Instant time) {
        stories.put(storyKey, List.copyOf(watchIds), time.toEpochMilli());
    }

    /** Deletes the state of every watch {@code live} rejects (deleted watches). */
    public void retainWatches(Predicate<String> live) {
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
