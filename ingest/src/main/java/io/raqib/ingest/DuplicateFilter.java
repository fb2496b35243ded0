package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognizes exact duplicates: an article whose id was already published, or whose normalized text (title +
 * body) was seen within the most recent {@code contentWindow} articles. Both memories are bounded (oldest
 * forgotten first), so a long-running ingest keeps constant memory. Thread-safe.
 */
public final class DuplicateFilter {

    private final Map<String, Boolean> ids;
    private final Map<String, Boolean> contents;

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
     * Checks and records an article (with its id assigned): returns why it is a duplicate, or null when it is new
     * (and from now on remembered).
     */
    public synchronized String duplicateReason(Article article) {
        String hash = ArticleIds.contentHash(article);
        if (ids.containsKey(article.id())) {
            // Its text now counts as seen too: a copy of it under another address must stay a duplicate after a
            // restart, when only the ids were read back from the topic.
            contents.put(hash, Boolean.TRUE);
            return "same id " + article.id() + " already published";
        }
        if (contents.containsKey(hash)) {
            return "same text as an article published recently";
        }
        ids.put(article.id(), Boolean.TRUE);
        contents.put(hash, Boolean.TRUE);
        return null;
    }

    /** How many ids are remembered. */
    public synchronized int rememberedIds() {
        return ids.size();
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
