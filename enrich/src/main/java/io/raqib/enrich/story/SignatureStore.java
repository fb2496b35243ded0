package io.raqib.enrich.story;

import java.util.List;

/**
 * Where {@link NearDuplicateDetector} keeps recently seen articles: LSH band keys → article ids, and ids →
 * signatures, each stamped with a time in epoch milliseconds. Entries older than the detection window may be
 * dropped by the store. Kafka Streams window stores back it in the topology, a map backs it offline.
 */
public interface SignatureStore {

    /** Ids of articles put under {@code bandKey} at or after {@code since}, oldest first, at most {@code limit}. */
    List<String> idsInBand(String bandKey, long since, int limit);

    /** Puts {@code articleId} under {@code bandKey}. */
    void addToBand(String bandKey, String articleId, long at);

    /** The article stored under {@code id} at or after {@code since}, or null. */
    SeenArticle article(String id, long since);

    /** Remembers an article. */
    void addArticle(SeenArticle article, long at);
}
