package io.raqib.enrich.story;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SignatureStore} in memory for offline runs ({@code raqib match}, {@code raqib enrich-file}). Bounded
 * like the window stores: whatever is older than the retention (relative to the newest time seen) is evicted.
 * Not thread-safe.
 */
public final class InMemorySignatureStore implements SignatureStore {

    private record Stamped<T>(T value, long at) {
    }

    private final long retentionMs;
    private final Map<String, List<Stamped<String>>> bands = new HashMap<>();
    private final Map<String, Stamped<SeenArticle>> articles = new HashMap<>();
    private final ArrayDeque<Stamped<String>> arrivals = new ArrayDeque<>();
    private long newest = Long.MIN_VALUE;

    /** A store keeping entries for {@code retention}. */
    public InMemorySignatureStore(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    @Override
    public List<String> idsInBand(String bandKey, long since, int limit) {
        List<String> ids = new ArrayList<>();
        for (Stamped<String> s : bands.getOrDefault(bandKey, List.of())) {
            if (s.at() >= since && ids.size() < limit) {
                ids.add(s.value());
            }
        }
        return ids;
    }

    @Override
    public void addToBand(String bandKey, String articleId, long at) {
        bands.computeIfAbsent(bandKey, k -> new ArrayList<>()).add(new Stamped<>(articleId, at));
    }

    @Override
    public SeenArticle article(String id, long since) {
        Stamped<SeenArticle> s = articles.get(id);
        return s == null || s.at() < since ? null : s.value();
    }

    @Override
    public void addArticle(SeenArticle article, long at) {
        articles.put(article.id(), new Stamped<>(article, at));
        arrivals.add(new Stamped<>(article.id(), at));
        newest = Math.max(newest, at);
        evictOlderThan(newest - retentionMs);
    }

    /** How many articles the store holds. */
    public int size() {
        return articles.size();
    }

    private void evictOlderThan(long limit) {
        while (!arrivals.isEmpty() && arrivals.peek().at() < limit) {
            String id = arrivals.poll().value();
            Stamped<SeenArticle> gone = articles.get(id);
            if (gone != null && gone.at() < limit) {
                articles.remove(id);
            }
        }
        if (articles.isEmpty() || bands.size() > 4 * articles.size() * 64) {
            bands.values().forEach(list -> list.removeIf(s -> s.at() < limit));
            bands.values().removeIf(List::isEmpty);
        }
    }
}
