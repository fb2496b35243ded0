package io.raqib.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class BoundedRocksDbMemoryTest {

    @Test
    void everyStoreGetsSmallMemtablesChargedToTheSharedCache() {
        try (Options first = storeOptions(); Options second = storeOptions()) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
            setter.setConfig("story-window.1700000000000", first, Map.of());
            setter.setConfig("alert-gate", second, Map.of());

            for (Options options : new Options[] {first, second}) {
                assertThat(options.writeBufferSize() * options.maxWriteBufferNumber())
                        .isLessThanOrEqualTo(BoundedRocksDbMemory.MEMTABLE_BYTES);
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            }
        }
    }

    @Test
    void streamsStagesUseIt() {
        assertThat(new KafkaClients(RaqibConfig.defaults()).streams("enrich"))
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    }

    private static Options storeOptions() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
