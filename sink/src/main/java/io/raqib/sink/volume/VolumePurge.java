package io.raqib.sink.volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a volume store from growing for ever: deletes the subjects that no longer matter (a deleted watch, a source
 * gone quiet; see {@link VolumeTracker#forgettable}) and, beyond {@code maxSubjects}, the least recently seen, since
 * source names come from article data and anyone who can push articles can invent them.
 */
final class VolumePurge {

    private final VolumeTracker tracker;
    private final boolean silences;
    private final long maxSubjects;

    /** What one pass deleted: subjects quiet too long, and the least recently seen beyond the bound. */
    record Purged(int idle, int overLimit) {
    }

    /** The key and time of one subject, while the least recently seen are picked. */
    private record Seen(String key, long lastSeen) {
    }

    /**
     * @param silences    whether the store's silences are alerted (a silence still due keeps its source)
     * @param maxSubjects how many subjects the store may keep after a pass
     */
    VolumePurge(VolumeTracker tracker, boolean silences, long maxSubjects) {
        this.tracker = tracker;
        this.silences = silences;
        this.maxSubjects = maxSubjects;
    }

    /**
     * Deletes from {@code store} the subjects forgettable at {@code now}, then the least recently seen beyond the
     * bound.
     */
    Purged purge(KeyValueStore<String, SubjectVolume> store, long now) {
        // Deleted after the scan: a store need not support writes under an open iterator.
        List<String> idle = new ArrayList<>();
        long kept = 0;
        try (KeyValueIterator<String, SubjectVolume> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SubjectVolume> kv = all.next();
                if (tracker.forgettable(kv.value, now, silences)) {
                    idle.add(kv.key);
                } else {
                    kept++;
                }
            }
        }
        idle.forEach(store::delete);
        List<String> over = kept > maxSubjects ? leastRecentlySeen(store, (int) (kept - maxSubjects)) : List.of();
        over.forEach(store::delete);
        return new Purged(idle.size(), over.size());
    }

    /** The keys of the {@code n} least recently seen subjects, in one scan holding at most {@code n} of them. */
    private static List<String> leastRecentlySeen(KeyValueStore<String, SubjectVolume> store, int n) {
        // The most recently seen of those picked so far is on top, the one to give way to an older subject.
        PriorityQueue<Seen> oldest = new PriorityQueue<>(n + 1, Comparator.comparingLong(Seen::lastSeen).reversed());
        try (KeyValueIterator<String, SubjectVolume> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SubjectVolume> kv = all.next();
                if (oldest.size() < n) {
                    oldest.add(new Seen(kv.key, kv.value.lastSeen()));
                } else if (kv.value.lastSeen() < oldest.peek().lastSeen()) {
                    oldest.poll();
                    oldest.add(new Seen(kv.key, kv.value.lastSeen()));
                }
            }
        }
        return oldest.stream().map(Seen::key).toList();
    }
}
