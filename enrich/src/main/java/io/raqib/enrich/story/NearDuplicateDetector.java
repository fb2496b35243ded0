package io.raqib.enrich.story;

import io.raqib.core.model.NewText;
import io.raqib.enrich.text.AnalyzedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Near-duplicates and stories. An article whose MinHash over 5-word shingles of its story body ({@link StoryBody}:
 * the clean body without headline, bylines and credit lines, so a copy under a new headline or byline still
 * compares; title + body when the story body is under {@value #MIN_STORY_TERMS} words) agrees with an article seen
 * within the window on at least {@code duplicateThreshold} of positions is a duplicate of the first such article;
 * a text of fewer than six words is never one.
 * Otherwise it joins the story of the most similar article whose content-word sets are similar enough
 * ({@code storyThreshold}): a story needs many shared words, not one shared name, so unrelated articles about the
 * same country or person stay apart. An article joining a story gets the share of its text that the closest
 * earlier article of the story lacks ({@link NewText}). Candidates come from LSH bands, so each article costs a
 * few store look-ups, not a scan. Stateless itself: state is in the {@link SignatureStore} handed to each call.
 */
public final class NearDuplicateDetector {

    static final int SHINGLE = 5;
    static final int SHINGLE_HASHES = 128;
    /** 32 bands of 4: an article with an estimated Jaccard of 0.6 shares a band 99 % of the time. */
    static final int SHINGLE_ROWS = 4;
    static final int WORD_HASHES = 64;
    static final int WORD_ROWS = 2;
    /** Candidates read per band: bounds the cost of very common bands. */
    static final int BAND_LIMIT = 50;
    /** A story body shorter than this is shingled with the title: a few words alone would match too easily. */
    static final int MIN_STORY_TERMS = 20;
    private static final int MIN_CONTENT_CHARS = 3;

    private final MinHash shingleHash = new MinHash(SHINGLE_HASHES);
    private final MinHash wordHash = new MinHash(WORD_HASHES);
    private final StopWords stopWords = StopWords.load();
    private final StoryBody storyBody = StoryBody.load();
    private final long windowMs;
    private final double duplicateThreshold;
    private final double storyThreshold;

    /**
     * A detector.
     *
     * @param window             how far back duplicates and stories are looked for
     * @param duplicateThreshold least estimated shingle Jaccard for a near-duplicate
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
     * @param newText     how much of it is new to the story it joined; null when it starts its story
     */
    public record Verdict(String duplicateOf, String storyId, NewText newText) {
    }

    /**
     * The signatures of an article from its analyzed title and clean body ({@code body} is {@code cleanBody}
     * analyzed): MinHash of the story body's 5-term shingles (each hashed as the terms joined by spaces, without
     * building the joined string) and of the distinct content words of title and story body.
     */
    public StorySignature signature(AnalyzedText title, AnalyzedText body, String cleanBody) {
        List<String> titleTerms = title.words().stream().map(AnalyzedText.Word::term).toList();
        List<String> story = storyBody.terms(body, cleanBody);
        List<String> terms = new ArrayList<>(titleTerms.size() + story.size());
        terms.addAll(titleTerms);
        terms.addAll(story);
        long[] shingles = shingles(story.size() >= MIN_STORY_TERMS ? story : terms);
        long[] words = new long[terms.size()];
        int n = 0;
        for (String term : terms) {
            if (term.length() >= MIN_CONTENT_CHARS && !stopWords.contains(term) && !isNumber(term)) {
                words[n++] = MinHash.hash(term);
            }
        }
        return new StorySignature(shingleHash.signature(shingles), wordHash.signature(distinct(words, n)),
                shingles.length);
    }

    /** The distinct hashes of the 5-term shingles of {@code terms} (one shingle of them all when fewer). */
    private static long[] shingles(List<String> terms) {
        int count = terms.isEmpty() ? 0 : Math.max(1, terms.size() - SHINGLE + 1);
        long[] shingles = new long[count];
        for (int i = 0; i < count; i++) {
            shingles[i] = MinHash.hash(terms, i, Math.min(terms.size(), i + SHINGLE));
        }
        return distinct(shingles, count);
    }

    /** The distinct values among the first {@code n}: a minimum is the same over a set and its repetitions. */
    private static long[] distinct(long[] values, int n) {
        return Arrays.stream(values, 0, n).sorted().distinct().toArray();
    }

    /** Decides on article {@code id} seen at {@code at} (epoch ms) and remembers it in {@code store}. */
    public Verdict assess(String id, StorySignature signature, long at, SignatureStore store) {
        // A text of fewer than six words (a cartoon titled "كاريكاتير", no body) says nothing another one cannot.
        if (signature.shingles().length == 0 || signature.shingles()[0] == Integer.MAX_VALUE
                || signature.shingleCount() == 1) {
            return new Verdict(null, id, null);
        }
        long since = at - windowMs;
        List<String> dupBands = StorySignature.bands("d", signature.shingles(), SHINGLE_ROWS);
        List<String> storyBands = StorySignature.bands("s", signature.words(), WORD_ROWS);
        // Shingle bands first, so the duplicate found is an early one; a near-duplicate edited by a few per cent
        // can miss every shingle band yet share word bands, so both are searched.
        List<SeenArticle> seen = new ArrayList<>();
        for (String candidate : candidates(dupBands, storyBands, since, store, id)) {
            SeenArticle article = store.article(candidate, since);
            if (article != null) {
                seen.add(article);
            }
        }
        SeenArticle original = null;
        for (SeenArticle article : seen) {
            if (MinHash.similarity(article.signature().shingles(), signature.shingles()) >= duplicateThreshold) {
                original = article;
                break;
            }
        }
        String story = original != null ? original.storyId() : closestStory(id, signature, seen);
        if (original == null) {
            store.addArticle(new SeenArticle(id, story, signature), at);
            dupBands.forEach(b -> store.addToBand(b, id, at));
            storyBands.forEach(b -> store.addToBand(b, id, at));
        }
        return new Verdict(original == null ? null : original.id(), story,
                story.equals(id) ? null : newText(signature, story, seen));
    }

    private String closestStory(String id, StorySignature signature, List<SeenArticle> seen) {
        String story = id;
        double best = storyThreshold;
        for (SeenArticle article : seen) {
            double similarity = MinHash.similarity(article.signature().words(), signature.words());
            if (similarity >= best) {
                best = similarity;
                story = article.storyId();
            }
        }
        return story;
    }

    /** The share of new text measured against the article of {@code story} that has most of it, rounded to 0.001. */
    private static NewText newText(StorySignature signature, String story, List<SeenArticle> seen) {
        NewText least = null;
        for (SeenArticle article : seen) {
            if (story.equals(article.storyId())) {
                double share = Math.round(signature.newShare(article.signature()) * 1000) / 1000.0;
                if (least == null || share < least.share()) {
                    least = new NewText(share, article.id());
                }
            }
        }
        return least;
    }

    /** Ids sharing at least one band, {@code first}'s first, without the article itself (a replayed record). */
    private static Set<String> candidates(List<String> first, List<String> then, long since, SignatureStore store,
                                          String self) {
        Set<String> ids = new LinkedHashSet<>();
        for (List<String> bands : List.of(first, then)) {
            for (String band : bands) {
                ids.addAll(store.idsInBand(band, since, BAND_LIMIT));
            }
        }
        ids.remove(self);
        return ids;
    }

    private static boolean isNumber(String term) {
        return term.chars().allMatch(Character::isDigit);
    }
}
