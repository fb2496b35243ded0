package io.raqib.enrich;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The analyzed articles waiting for their story verdict, one store per raw partition's task: serialized
 * {@code EnrichedArticle} JSON keyed by {@link #key raw partition and offset} (an id can be in flight twice). An
 * entry lives from analysis until its verdict returns, so the store holds only what is in flight; it is kept in
 * memory and restored from its changelog after a restart.
 */
final class PendingArticles {

    static final String STORE = "pending-articles";

    private PendingArticles() {
    }

    /** The store, whose changelog accepts records up to {@code maxRecordBytes}. */
    static StoreBuilder<KeyValueStore<String, byte[]>> store(int maxRecordBytes) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled()
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxRecordBytes)));
    }

    /** The key of the article read from raw {@code partition} at {@code offset}. */
    static String key(int partition, long offset) {
        return partition + ":" + offset;
    }
}
