package io.raqib.app;

import io.raqib.core.kafka.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Plain Kafka clients for integration tests: read a whole topic (read_committed) and write records. */
final class KafkaTestClients {

    private KafkaTestClients() {
    }

    /**
     * Reads {@code spec}'s topic from the beginning with a read_committed consumer until {@code wanted} records
     * satisfy {@code filter} or {@code timeout} passes; returns the matching records. Records other tests left on
     * the shared topic that {@code spec}'s serdes cannot read (poison records) or that lack a key or value are skipped.
     */
    static <K, V> List<ConsumerRecord<K, V>> readUntil(String bootstrap, TopicSpec<K, V> spec,
                                                      Predicate<ConsumerRecord<K, V>> filter, int wanted,
                                                      Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<K, V>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(spec.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> raw : consumer.poll(Duration.ofMillis(200))) {
                    ConsumerRecord<K, V> r = typed(spec, raw);
                    if (r != null && filter.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private static <K, V> ConsumerRecord<K, V> typed(TopicSpec<K, V> spec, ConsumerRecord<byte[], byte[]> raw) {
        try {
            K key = spec.keySerde().deserializer().deserialize(raw.topic(), raw.key());
            V value = spec.valueSerde().deserializer().deserialize(raw.topic(), raw.value());
            if (key == null || value == null) {
                return null;
            }
            return new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
                    raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(), key, value,
                    raw.headers(), raw.leaderEpoch());
        } catch (SerializationException e) {
            return null;
        }
    }

    /**
     * Sends one record with the spec's serdes and waits for the acknowledgement; records up to 16 MiB leave this
     * client, so that what the topic refuses is the broker's decision.
     */
    static <K, V> void send(String bootstrap, TopicSpec<K, V> spec, K key, V value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(p, spec.keySerde().serializer(),
                spec.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(spec.name(), key, value)).get();
        }
    }
}
