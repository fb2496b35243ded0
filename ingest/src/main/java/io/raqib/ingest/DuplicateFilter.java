package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Recognizes exact duplicates: an article whose id was already published, or whose normalized text (title +
 * body) was seen within the most recent {@code contentWindow} articles. An article is remembered only once its
 * publication is confirmed: until then it is reserved, and whoever offers the same id or text meanwhile gets the
 * reservation's outcome to wait for instead of a verdict. Both memories are bounded (oldest forgotten first), so
 * a long-running ingest keeps constant memory; reservations live only while a send is in flight. Thread-safe.
 */
public final class DuplicateFilter {

    /** What {@link #claim} found: {@link Seen}, {@link InFlight} or a {@link Reservation} for the caller. */
    public sealed interface Claim permits Seen, InFlight, Reservation {
    }

    /** Already published: {@code reason} says why it is a duplicate. */
    public record Seen(String reason) implements Claim {
    }

    /** The same id or text is being published right now; {@code published} completes with that send's outcome. */
    public record InFlight(CompletableFuture<Boolean> published) implements Claim {
    }

    private final Map<String, Boolean> ids;
    private final Map<String, Boolean> contents;
    private final Map<String, Reservation> reservedIds = new HashMap<>();
    private final Map<String, Reservation> reservedContents = new HashMap<>();

    /**
     * @param maxIds        how many published ids to remember (about 100 bytes each)
     * @param contentWindow how many recent content hashes to remember
     */
    public DuplicateFilter(int maxIds, int contentWindow) {
        this.ids = bounded(maxIds);
        this.contents = bounded(contentWindow);
    }

    /** Remembers ids published before this process started (read back from the topic), so restarts do not republish. */
    public synchronized void rememberIds(Collection<String> publishedIds) {
        publishedIds.forEach(id -> ids.put(id, Boolean.TRUE));
    }

    /**
     * Claims an article (with its id assigned) for publishing: {@link Seen} when it is a duplicate, {@link InFlight}
     * when the same id or text is being published, else a {@link Reservation} the caller must settle.
     */
    public synchronized Claim claim(Article article) {
        String hash = ArticleIds.contentHash(article);
        if (ids.containsKey(article.id())) {
            // Its text now counts as seen too: a copy of it under another address must stay a duplicate after a
            // restart, when only the ids were read back from the topic.
            contents.put(hash, Boolean.TRUE);
            return new Seen("same id " + article.id() + " already published");
        }
        if (contents.containsKey(hash)) {
            return new Seen("same text as an article published recently");
        }
        Reservation busy = reservedIds.getOrDefault(article.id(), reservedContents.get(hash));
        if (busy != null) {
            return new InFlight(busy.outcome);
        }
        Reservation reservation = new Reservation(article.id(), hash);
        reservedIds.put(article.id(), reservation);
        reservedContents.put(hash, reservation);
        return reservation;
    }

    /** How many ids are remembered. */
    public synchronized int rememberedIds() {
        return ids.size();
    }

    /** How many articles are reserved (being published) right now. */
    public synchronized int reserved() {
        return reservedIds.size();
    }

    private synchronized void settle(Reservation reservation, boolean published) {
        reservedIds.remove(reservation.id, reservation);
        reservedContents.remove(reservation.hash, reservation);
        if (published) {
            ids.put(reservation.id, Boolean.TRUE);
            contents.put(reservation.hash, Boolean.TRUE);
        }
    }

    /** An article being published: exactly one of {@link #published()} or {@link #abandoned()} must follow. */
    public final class Reservation implements Claim {
        private final String id;
        private final String hash;
        private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();

        private Reservation(String id, String hash) {
            this.id = id;
            this.hash = hash;
        }

        /** The send was acknowledged: the article is remembered from now on. */
        public void published() {
            settle(this, true);
            outcome.complete(true);
        }

        /** The send failed: the article is forgotten, so offering it again publishes it. */
        public void abandoned() {
            settle(this, false);
            outcome.complete(false);
        }
    }

    private static Map<String, Boolean> bounded(int capacity) {
        return new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }
}
