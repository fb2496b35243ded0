package io.raqib.sink;

import java.time.Instant;

/**
 * The memory of {@link AlertGate}: per watch its {@link AlertState}, and which stories it has already seen.
 * Backed by Kafka Streams state stores in the sink, by maps offline.
 */
public interface AlertGateStore {

    /** The watch's state, {@link AlertState#NONE} when unknown. */
    AlertState state(String watchId);

    /** Replaces the watch's state. */
    void put(String watchId, AlertState state);

    /** Whether the watch has seen {@code storyKey} within the story memory before {@code now}. */
    boolean seen(String watchId, String storyKey, Instant now);

    /** Remembers that the watch has seen {@code storyKey} at {@code time}. */
    void remember(String watchId, String storyKey, Instant time);
}
