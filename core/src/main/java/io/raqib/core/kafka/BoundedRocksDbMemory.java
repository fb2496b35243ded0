package io.raqib.core.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB store of the process (enrich's story windows, the sink's alert gate)
 * at {@link #TOTAL_BYTES}: one block cache, index and filter blocks in it, and memtables charged to it. By default
 * each store, and each segment of a window store, has a 50 MB cache and 3 × 16 MB memtables of its own, so the
 * resident memory of a stage grows with every new window segment; bounded, it stays flat (Kafka Streams' "bounded
 * memory" recipe; see docs/reliability.md for the soak).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Block cache shared by every store of this process, memtables included. */
    static final long TOTAL_BYTES = 64L << 20;
    /** The part of the cache memtables may take. */
    static final long MEMTABLE_BYTES = 16L << 20;
    private static final long MEMTABLE_SIZE = 4L << 20;
    private static final int MEMTABLES = 2;
    /** Index and filter blocks get this share of the cache, at high priority, so lookups stay fast. */
    private static final double INDEX_FILTER_RATIO = 0.1;
    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_FILTER_RATIO);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(MEMTABLES);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store of the process: they live as long as it.
    }
}
