package io.raqib.core.kafka;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic and the serdes of its key and value: the one place a module learns how to read or write it.
 *
 * @param compacted whether the topic keeps only the latest value per key (cleanup.policy=compact)
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
}
