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
 * entry lives from analysis until its verdict returns. With a backlog, analysis on three raw partitions can run far
 * ahead of the one-partition verdict, so the store is on disk (RocksDB, its memory bounded by
 * {@link io.raqib.core.kafka.BoundedRocksDbMemory}), not on the heap, where a 10-minute soak held 900 MB of it.
 */
final class PendingArticles {

    static final String STORE = "pending-articles";

    private PendingArticles() {
    }

    /** The store, whose changelog accepts records up to {@code maxRecordBytes}. */
    static StoreBuilder<KeyValueStore<String, byte[]>> store(int maxRecordBytes) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled()
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxRecordBytes)));
    }

    /** The key of the article read from raw {@code partition} at {@code offset}. */
    static String key(int partition, long offset) {
        return partition + ":" + offset;
    }
}
