package io.raqib.enrich.story;

import io.raqib.enrich.text.AnalyzedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Near-duplicates and stories. An article whose 5-word-shingle MinHash agrees with an article seen within the
 * window on at least {@code duplicateThreshold} of positions (estimated Jaccard ≥ 0.9 by default) is a
 * duplicate of the oldest such article. Otherwise it joins the story of the most similar article whose
 * content-word sets are similar enough ({@code storyThreshold}): a story needs many shared words, not one
 * shared name, so unrelated articles about the same country or person stay apart. Candidates come from LSH
 * bands, so each article costs a few store look-ups, not a scan. Stateless itself: state is in the
 * {@link SignatureStore} handed to each call.
 */
public final class NearDuplicateDetector {

    static final int SHINGLE = 5;
    static final int SHINGLE_HASHES = 128;
    static final int SHINGLE_ROWS = 8;
    static final int WORD_HASHES = 64;
    static final int WORD_ROWS = 2;
    /** Candidates read per band: bounds the cost of very common bands. */
    static final int BAND_LIMIT = 50;
    private static final int MIN_CONTENT_CHARS = 3;

    private final MinHash shingleHash = new MinHash(SHINGLE_HASHES);
    private final MinHash wordHash = new MinHash(WORD_HASHES);
    private final StopWords stopWords = StopWords.load();
    private final long windowMs;
    private final double duplicateThreshold;
    private final double storyThreshold;

    /**
     * A detector.
     *
     * @param window             how far back duplicates and stories are looked for
     * @param duplicateThreshold least estimated shingle Jaccard for a near-duplicate (0.9)
     * @param storyThreshold     least estimated content-word Jaccard for the same story
     */
    public NearDuplicateDetector(Duration window, double duplicateThreshold, double storyThreshold) {
        this.windowMs = window.toMillis();
        this.duplicateThreshold = duplicateThreshold;
        this.storyThreshold = storyThreshold;
    }

    /**
     * The verdict on one article.
     *
     * @param duplicateOf id of the first article this one nearly repeats, or null
     * @param storyId     the story this article belongs to (its own id when it starts a story)
     */
    public record Verdict(String duplicateOf, String storyId) {
    }

    /**
     * The signatures of an article's analyzed title and clean body: MinHash of its 5-term shingles (each hashed as
     * the terms joined by spaces, without building the joined string) and of its distinct content words.
     */
    public StorySignature signature(AnalyzedText title, AnalyzedText body) {
        List<String> terms = new ArrayList<>(title.size() + body.size());
        title.words().forEach(w -> terms.add(w.term()));
        body.words().forEach(w -> terms.add(w.term()));
        int count = terms.isEmpty() ? 0 : Math.max(1, terms.size() - SHINGLE + 1);
        long[] shingles = new long[count];
        for (int i = 0; i < count; i++) {
            shingles[i] = MinHash.hash(terms, i, Math.min(terms.size(), i + SHINGLE));
        }
        long[] words = new long[terms.size()];
        int n = 0;
        for (String term : terms) {
            if (term.length() >= MIN_CONTENT_CHARS && !stopWords.contains(term) && !isNumber(term)) {
                words[n++] = MinHash.hash(term);
            }
        }
        return new StorySignature(shingleHash.signature(distinct(shingles, count)),
                wordHash.signature(distinct(words, n)));
    }

    /** The distinct values among the first {@code n}: a minimum is the same over a set and its repetitions. */
    private static long[] distinct(long[] values, int n) {
        return Arrays.stream(values, 0, n).sorted().distinct().toArray();
    }

    /** Decides on article {@code id} seen at {@code at} (epoch ms) and remembers it in {@code store}. */
    public Verdict assess(String id, StorySignature signature, long at, SignatureStore store) {
        if (signature.shingles().length == 0 || signature.shingles()[0] == Integer.MAX_VALUE) {
            return new Verdict(null, id);
        }
        long since = at - windowMs;
        List<String> dupBands = StorySignature.bands("d", signature.shingles(), SHINGLE_ROWS);
        List<String> storyBands = StorySignature.bands("s", signature.words(), WORD_ROWS);
        SeenArticle original = null;
        for (String candidate : candidates(dupBands, since, store, id)) {
            SeenArticle seen = store.article(candidate, since);
            if (seen != null && MinHash.similarity(seen.signature().shingles(), signature.shingles())
                    >= duplicateThreshold) {
                original = seen;
                break;
            }
        }
        Verdict verdict;
        if (original != null) {
            verdict = new Verdict(original.id(), original.storyId());
        } else {
            verdict = new Verdict(null, closestStory(id, signature, storyBands, since, store));
        }
        if (original == null) {
            store.addArticle(new SeenArticle(id, verdict.storyId(), signature), at);
            dupBands.forEach(b -> store.addToBand(b, id, at));
            storyBands.forEach(b -> store.addToBand(b, id, at));
        }
        return verdict;
    }

    private String closestStory(String id, StorySignature signature, List<String> bands, long since,
                                SignatureStore store) {
        String story = id;
        double best = storyThreshold;
        for (String candidate : candidates(bands, since, store, id)) {
            SeenArticle seen = store.article(candidate, since);
            if (seen == null) {
                continue;
            }
            double similarity = MinHash.similarity(seen.signature().words(), signature.words());
            if (similarity >= best) {
                best = similarity;
                story = seen.storyId();
            }
        }
        return story;
    }

    /** Ids sharing at least one band, oldest bands' first, without the article itself (a replayed record). */
    private static Set<String> candidates(List<String> bands, long since, SignatureStore store, String self) {
        Set<String> ids = new LinkedHashSet<>();
        for (String band : bands) {
            ids.addAll(store.idsInBand(band, since, BAND_LIMIT));
        }
        ids.remove(self);
        return ids;
    }

    private static boolean isNumber(String term) {
        return term.chars().allMatch(Character::isDigit);
    }
}
