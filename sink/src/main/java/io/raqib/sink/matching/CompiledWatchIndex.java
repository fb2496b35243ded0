package io.raqib.sink.matching;

import io.raqib.sink.watches.CompiledWatch;
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
 * {@link WatchNode} against its own term map. A term's postings are packed ints (watch slot, which anchor set, how
 * many sets), so counting which sets fired reads only int arrays; a per-thread mark array stamped with an article
 * generation needs no clearing. Updates are serialized and copy-on-write, so matching runs concurrently from any
 * number of threads without locks.
 */
public final class CompiledWatchIndex {

    /**
     * A compiled watch; {@code slot} numbers it for counting which of its anchor sets fired, {@code languages}
     * null = any, {@code anchors} null = a candidate of every article.
     */
    private record Entry(int slot, CompiledWatch watch, WatchNode node, List<Set<Anchors.Anchor>> anchors,
                         Set<String> languages) {
    }

    /** A compiled watch that matched an article, and its compiled form (which also finds its hits). */
    public record Matched(CompiledWatch watch, WatchNode node) {
    }

    /** Per matching thread: its marks and candidate list, reused article after article. */
    private static final class Scratch {
        /** Per slot: the article generation in the high bits, the fired anchor sets in the low two. */
        int[] marks = new int[0];
        int generation;
        int[] candidates = new int[64];
        int count;

        /** Starts a new article: marks of earlier generations read as nothing fired. */
        void next(int slots) {
            if (marks.length < slots) {
                marks = new int[slots + slots / 2 + 16];
                generation = 0;
            }
            if (++generation == 1 << 29) {
                Arrays.fill(marks, 0);
                generation = 1;
            }
            count = 0;
        }

        void candidate(int slot) {
            if (count == candidates.length) {
                candidates = Arrays.copyOf(candidates, count * 2);
            }
            candidates[count++] = slot;
        }
    }

    private static final Entry[] NONE = new Entry[0];
    private static final int[] NO_POSTINGS = new int[0];
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    /** field → term → packed postings; field → prefix → packed postings of prefix anchors. */
    private final Map<String, Map<String, int[]>> byTerm = new ConcurrentHashMap<>();
    private final Map<String, Map<String, int[]>> byPrefix = new ConcurrentHashMap<>();
    private final BitSet freeSlots = new BitSet();
    /** Slot → entry; grown by copying, read again after the postings so it holds every entry they name. */
    private volatile Entry[] bySlot = NONE;
    private volatile Entry[] unanchored = NONE;
    private volatile int longestPrefix;
    private volatile int slots;

    /** Adds or replaces {@code watch}, compiled to {@code node}. */
    public synchronized void put(CompiledWatch watch, WatchNode node) {
        remove(watch.watch().id());
        List<String> languages = watch.watch().languages();
        List<Set<Anchors.Anchor>> anchors = Anchors.of(node);
        Entry entry = new Entry(takeSlot(), watch, node, anchors, languages.isEmpty() ? null : Set.copyOf(languages));
        byId.put(watch.watch().id(), entry);
        if (anchors == null) {
            unanchored = with(unanchored, entry);
            return;
        }
        Entry[] entries = bySlot;
        if (entries.length <= entry.slot()) {
            entries = Arrays.copyOf(entries, Math.max(16, entry.slot() * 2));
        }
        entries[entry.slot()] = entry;
        bySlot = entries;
        for (int set = 0; set < anchors.size(); set++) {
            int posting = entry.slot() << 2 | set << 1 | anchors.size() - 1;
            for (Anchors.Anchor a : anchors.get(set)) {
                (a.prefix() ? byPrefix : byTerm).computeIfAbsent(a.field(), f -> new ConcurrentHashMap<>())
                        .compute(a.text(), (k, postings) -> with(postings == null ? NO_POSTINGS : postings, posting));
                if (a.prefix()) {
                    longestPrefix = Math.max(longestPrefix, a.text().length());
                }
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
        for (Set<Anchors.Anchor> set : entry.anchors()) {
            for (Anchors.Anchor a : set) {
                (a.prefix() ? byPrefix : byTerm).get(a.field())
                        .computeIfPresent(a.text(), (k, postings) -> without(postings, entry.slot()));
            }
        }
        bySlot[entry.slot()] = null;
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
     * {@code language}; in no particular order. A watch added or removed meanwhile is matched as if the article
     * came just before or just after the change.
     */
    public List<Matched> match(ArticleTerms article, String language) {
        Scratch scratch = SCRATCH.get();
        scratch.next(slots);
        article.forEachField((field, terms) -> {
            Map<String, int[]> anchored = byTerm.get(field);
            Map<String, int[]> prefixed = byPrefix.get(field);
            for (String term : terms) {
                if (anchored != null) {
                    mark(scratch, anchored.get(term));
                }
                if (prefixed != null) {
                    for (int len = 1; len <= Math.min(term.length(), longestPrefix); len++) {
                        mark(scratch, prefixed.get(term.substring(0, len)));
                    }
                }
            }
        });
        Entry[] entries = bySlot;
        List<Matched> out = new ArrayList<>();
        for (int i = 0; i < scratch.count; i++) {
            int slot = scratch.candidates[i];
            Entry e = slot < entries.length ? entries[slot] : null;
            if (e != null && matches(e, article, language)) {
                out.add(new Matched(e.watch(), e.node()));
            }
        }
        for (Entry e : unanchored) {
            if (matches(e, article, language)) {
                out.add(new Matched(e.watch(), e.node()));
            }
        }
        return out;
    }

    private static boolean matches(Entry e, ArticleTerms article, String language) {
        return (e.languages() == null || language != null && e.languages().contains(language))
                && e.node().matches(article);
    }

    /**
     * Records that these anchor sets fired; a watch whose sets have all fired becomes a candidate, once. A slot
     * beyond the marks (a watch added since the article started) is skipped.
     */
    private static void mark(Scratch scratch, int[] postings) {
        if (postings == null) {
            return;
        }
        int[] marks = scratch.marks;
        int stamp = scratch.generation << 2;
        for (int posting : postings) {
            int slot = posting >>> 2;
            if (slot >= marks.length) {
                continue;
            }
            int mark = marks[slot];
            int fired = (mark & ~3) == stamp ? mark & 3 : 0;
            int set = 1 << (posting >>> 1 & 1);
            if ((fired & set) == 0) {
                fired |= set;
                marks[slot] = stamp | fired;
                if (fired == ((posting & 1) == 0 ? 1 : 3)) {
                    scratch.candidate(slot);
                }
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
        return Arrays.stream(entries).filter(e -> e != entry).toArray(Entry[]::new);
    }

    private static int[] with(int[] postings, int posting) {
        int[] out = Arrays.copyOf(postings, postings.length + 1);
        out[postings.length] = posting;
        return out;
    }

    private static int[] without(int[] postings, int slot) {
        int[] out = Arrays.stream(postings).filter(p -> p >>> 2 != slot).toArray();
        return out.length == 0 ? null : out;
    }
}
