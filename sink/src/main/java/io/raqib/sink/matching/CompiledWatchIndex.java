package io.raqib.sink.matching;

import io.raqib.sink.CompiledWatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled watches, indexed by their {@link Anchors}: an article looks up each of its terms (and the prefixes
 * of its terms, when some watch has a prefix anchor) to find its candidate watches, then checks each candidate's
 * {@link WatchNode} against its own term map. Updates are serialized and copy-on-write, so matching runs
 * concurrently from any number of threads without locks.
 */
public final class CompiledWatchIndex {

    /** A compiled watch; {@code slot} numbers it for de-duplicating candidates, {@code languages} null = any. */
    private record Entry(int slot, CompiledWatch watch, WatchNode node, Set<Anchors.Anchor> anchors,
                         Set<String> languages) {
    }

    private static final Entry[] NONE = new Entry[0];
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    /** field → term → watches anchored on it; field → prefix → watches anchored on a prefix. */
    private final Map<String, Map<String, Entry[]>> byTerm = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Entry[]>> byPrefix = new ConcurrentHashMap<>();
    private final BitSet freeSlots = new BitSet();
    private volatile Entry[] unanchored = NONE;
    private volatile int longestPrefix;
    private volatile int slots;

    /** Adds or replaces {@code watch}, compiled to {@code node}. */
    public synchronized void put(CompiledWatch watch, WatchNode node) {
        remove(watch.watch().id());
        List<String> languages = watch.watch().languages();
        Entry entry = new Entry(takeSlot(), watch, node, Anchors.of(node),
                languages.isEmpty() ? null : Set.copyOf(languages));
        byId.put(watch.watch().id(), entry);
        if (entry.anchors() == null) {
            unanchored = with(unanchored, entry);
            return;
        }
        for (Anchors.Anchor a : entry.anchors()) {
            (a.prefix() ? byPrefix : byTerm).computeIfAbsent(a.field(), f -> new ConcurrentHashMap<>())
                    .compute(a.text(), (k, entries) -> with(entries == null ? NONE : entries, entry));
            if (a.prefix()) {
                longestPrefix = Math.max(longestPrefix, a.text().length());
            }
        }
    }

    /** Removes the watch; no-op when absent. */
    public synchronized void remove(String watchId) {
        Entry entry = byId.remove(watchId);
        if (entry == null) {
            return;
        }
        freeSlots.set(entry.slot());
        if (entry.anchors() == null) {
            unanchored = without(unanchored, entry);
            return;
        }
        for (Anchors.Anchor a : entry.anchors()) {
            Map<String, Entry[]> terms = (a.prefix() ? byPrefix : byTerm).get(a.field());
            terms.computeIfPresent(a.text(), (k, entries) -> without(entries, entry));
        }
    }

    /** Whether the watch is compiled here. */
    public boolean contains(String watchId) {
        return byId.containsKey(watchId);
    }

    /** Number of compiled watches. */
    public int size() {
        return byId.size();
    }

    /**
     * The compiled watches that match the article, whose languages (if any) include the article's
     * {@code language}; in no particular order.
     */
    public List<CompiledWatch> match(ArticleTerms article, String language) {
        BitSet seen = new BitSet(slots);
        List<Entry> candidates = new ArrayList<>();
        article.forEachField((field, terms) -> {
            Map<String, Entry[]> anchored = byTerm.get(field);
            Map<String, Entry[]> prefixed = byPrefix.get(field);
            for (String term : terms) {
                if (anchored != null) {
                    addAll(candidates, seen, anchored.get(term));
                }
                if (prefixed != null) {
                    for (int len = 1; len <= Math.min(term.length(), longestPrefix); len++) {
                        addAll(candidates, seen, prefixed.get(term.substring(0, len)));
                    }
                }
            }
        });
        addAll(candidates, seen, unanchored);
        List<CompiledWatch> out = new ArrayList<>();
        for (Entry e : candidates) {
            if ((e.languages() == null || language != null && e.languages().contains(language))
                    && e.node().matches(article)) {
                out.add(e.watch());
            }
        }
        return out;
    }

    private static void addAll(List<Entry> into, BitSet seen, Entry[] entries) {
        if (entries == null) {
            return;
        }
        for (Entry e : entries) {
            if (!seen.get(e.slot())) {
                seen.set(e.slot());
                into.add(e);
            }
        }
    }

    private int takeSlot() {
        int slot = freeSlots.nextSetBit(0);
        if (slot >= 0) {
            freeSlots.clear(slot);
            return slot;
        }
        return slots++;
    }

    private static Entry[] with(Entry[] entries, Entry entry) {
        Entry[] out = Arrays.copyOf(entries, entries.length + 1);
        out[entries.length] = entry;
        return out;
    }

    private static Entry[] without(Entry[] entries, Entry entry) {
        Entry[] out = Arrays.stream(entries).filter(e -> e != entry).toArray(Entry[]::new);
        return out.length == 0 ? null : out;
    }
}
