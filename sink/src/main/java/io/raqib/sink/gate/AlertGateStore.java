package io.raqib.sink.gate;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The memory of {@link AlertGate}: per watch its {@link AlertState}, and per story the watches that have already
 * seen it. Stories are looked up once per article, not once per matching watch: an article matching fifty watches
 * costs one lookup and one write. Backed by Kafka Streams state stores in the sink, by maps offline.
 */
public interface AlertGateStore {

    /** The watch's state, {@link AlertState#NONE} when unknown. */
    AlertState state(String watchId);

    /** Replaces the watch's state; {@link AlertState#NONE} forgets it. */
    void put(String watchId, AlertState state);

    /** The watches that have seen {@code storyKey} within the story memory of {@code now} (either side). */
    Set<String> watchesThatSaw(String storyKey, Instant now);

    /** Remembers that each of {@code watchIds} has seen {@code storyKey} at {@code time}. */
    void remember(String storyKey, Collection<String> watchIds, Instant time);
}
