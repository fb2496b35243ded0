package io.raqib.sink;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The alert gate's memory in plain maps, for the offline {@code raqib match} and replays (one thread). */
public final class InMemoryAlertGateStore implements AlertGateStore {

    private final Duration storyMemory;
    private final Map<String, AlertState> states = new HashMap<>();
    private final Map<String, Instant> stories = new HashMap<>();

    /** @param storyMemory how long a story is remembered per watch */
    public InMemoryAlertGateStore(Duration storyMemory) {
        this.storyMemory = storyMemory;
    }

    @Override
    public AlertState state(String watchId) {
        return states.getOrDefault(watchId, AlertState.NONE);
    }

    @Override
    public void put(String watchId, AlertState state) {
        states.put(watchId, state);
    }

    @Override
    public boolean seen(String watchId, String storyKey, Instant now) {
        Instant at = stories.get(AlertGate.storyStoreKey(watchId, storyKey));
        return at != null && !at.isBefore(now.minus(storyMemory));
    }

    @Override
    public void remember(String watchId, String storyKey, Instant time) {
        stories.merge(AlertGate.storyStoreKey(watchId, storyKey), time, (a, b) -> a.isAfter(b) ? a : b);
    }
}
