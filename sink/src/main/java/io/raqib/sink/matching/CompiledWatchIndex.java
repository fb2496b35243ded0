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

    /**
     * A compiled watch; {@code slot} numbers it for counting which of its anchor sets fired, {@code complete} is
     * the mask of all of them, {@code languages} null = any, {@code anchors} null = a candidate of every article.
     */
    private record Entry(int slot, CompiledWatch watch, WatchNode node, List<Set<Anchors.Anchor>> anchors,
                         int complete, Set<String> languages) {
    }

    /** Entry {@code entry}'s anchor set number {@code bit} holds the term. */
    private record Posting(Entry entry, int bit) {
    }

    /** A compiled watch that matched an article, and its compiled form (which also finds its hits). */
    public record Matched(CompiledWatch watch, WatchNode node) {
    }

    private static final Entry[] NONE = new Entry[0];
    private static final Posting[] NO_POSTINGS = new Posting[0];
    /** Per matching thread: which anchor sets of each slot fired for the current article. */
    private static final ThreadLocal<int[]> FIRED = ThreadLocal.withInitial(() -> new int[0]);
    /** Per matching thread: the entries with a fired set, kept with its capacity (thousands per article). */
    private static final ThreadLocal<List<Entry>> TOUCHED = ThreadLocal.withInitial(ArrayList::new);
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    /** field → term → anchor sets holding it; field → prefix → anchor sets holding that prefix. */
    private final Map<String, Map<String, Posting[]>> byTerm = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Posting[]>> byPrefix = new ConcurrentHashMap<>();
    private final BitSet freeSlots = new BitSet();
    private volatile Entry[] unanchored = NONE;
    private volatile int longestPrefix;
    private volatile int slots;

    /** Adds or replaces {@code watch}, compiled to {@code node}. */
    public synchronized void put(CompiledWatch watch, WatchNode node) {
        remove(watch.watch().id());
        List<String> languages = watch.watch().languages();
        List<Set<Anchors.Anchor>> anchors = Anchors.of(node);
        Entry entry = new Entry(takeSlot(), watch, node, anchors, anchors == null ? 0 : (1 << anchors.size()) - 1,
                languages.isEmpty() ? null : Set.copyOf(languages));
        byId.put(watch.watch().id(), entry);
        if (anchors == null) {
            unanchored = with(unanchored, entry);
            return;
        }
        for (int bit = 0; bit < anchors.size(); bit++) {
            Posting posting = new Posting(entry, 1 << bit);
            for (Anchors.Anchor a : anchors.get(bit)) {
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
                        .computeIfPresent(a.text(), (k, postings) -> without(postings, entry));
            }
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
    public List<Matched> match(ArticleTerms article, String language) {
        int[] fired = FIRED.get();
        if (fired.length < slots) {
            fired = new int[slots + slots / 2 + 16];
            FIRED.set(fired);
        }
        int[] marks = fired;
        List<Entry> touched = TOUCHED.get();
        List<Entry> candidates = new ArrayList<>();
        try {
            article.forEachField((field, terms) -> {
                Map<String, Posting[]> anchored = byTerm.get(field);
                Map<String, Posting[]> prefixed = byPrefix.get(field);
                for (String term : terms) {
                    if (anchored != null) {
                        mark(marks, touched, anchored.get(term));
                    }
                    if (prefixed != null) {
                        for (int len = 1; len <= Math.min(term.length(), longestPrefix); len++) {
                            mark(marks, touched, prefixed.get(term.substring(0, len)));
                        }
                    }
                }
            });
            for (Entry e : touched) {
                if (marks[e.slot()] == e.complete()) {
                    candidates.add(e);
                }
            }
        } finally {
            // The array is the thread's for the next article: leave it clean whatever happened.
            touched.forEach(e -> marks[e.slot()] = 0);
            touched.clear();
        }
        List<Matched> out = new ArrayList<>();
        for (Entry e : candidates) {
            if (matches(e, article, language)) {
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
     * Records that these anchor sets fired; an entry seen for the first time is remembered in {@code touched}. An
     * entry added since {@code marks} was sized is skipped: the article is matched as if just before its arrival.
     */
    private static void mark(int[] marks, List<Entry> touched, Posting[] postings) {
        if (postings == null) {
            return;
        }
        for (Posting p : postings) {
            int slot = p.entry().slot();
            if (slot >= marks.length) {
                continue;
            }
            if (marks[slot] == 0) {
                touched.add(p.entry());
            }
            marks[slot] |= p.bit();
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

    private static Posting[] with(Posting[] postings, Posting posting) {
        Posting[] out = Arrays.copyOf(postings, postings.length + 1);
        out[postings.length] = posting;
        return out;
    }

    private static Posting[] without(Posting[] postings, Entry entry) {
        Posting[] out = Arrays.stream(postings).filter(p -> p.entry() != entry).toArray(Posting[]::new);
        return out.length == 0 ? null : out;
    }
}
