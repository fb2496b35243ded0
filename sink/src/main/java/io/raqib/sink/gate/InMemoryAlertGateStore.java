package io.raqib.sink.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The alert gate's memory in plain maps, for the offline {@code raqib match} and replays (one thread). */
public final class InMemoryAlertGateStore implements AlertGateStore {

    private final Duration storyMemory;
    private final Map<String, AlertState> states = new HashMap<>();
    /** Story key → watch id → when that watch last saw it. */
    private final Map<String, Map<String, Instant>> stories = new HashMap<>();

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
        if (state.equals(AlertState.NONE)) {
            states.remove(watchId);
        } else {
            states.put(watchId, state);
        }
    }

    @Override
    public Set<String> watchesThatSaw(String storyKey, Instant now) {
        Set<String> out = new HashSet<>();
        stories.getOrDefault(storyKey, Map.of()).forEach((watchId, at) -> {
            if (Duration.between(at, now).abs().compareTo(storyMemory) <= 0) {
                out.add(watchId);
            }
        });
        return out;
    }

    @Override
    public void remember(String storyKey, Collection<String> watchIds, Instant time) {
        Map<String, Instant> seen = stories.computeIfAbsent(storyKey, k -> new HashMap<>());
        watchIds.forEach(id -> seen.merge(id, time, (a, b) -> a.isAfter(b) ? a : b));
    }
}
