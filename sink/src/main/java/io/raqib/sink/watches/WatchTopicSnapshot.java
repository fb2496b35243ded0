package io.raqib.sink.watches;

import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the compacted {@code raqib.watches} topic holds at one moment: the last committed record of each watch id,
 * read once from the beginning to the end offsets of the start. Used where the stored watches are needed once
 * (the CLI, seeding a watches file), not by a running sink, which follows the topic ({@link WatchTopicListener}).
 */
public final class WatchTopicSnapshot {

    /** Header marking a record published from a watches file ({@link WatchSeeder}); absent on API and CLI writes. */
    public static final String SOURCE_HEADER = "raqib-watch-source";
    /** Value of {@link #SOURCE_HEADER} on a record seeded from a watches file. */
    public static final String FROM_FILE = "file";

    /**
     * The last record of one watch id.
     *
     * @param watch    the stored watch; null when deleted or when the record could not be read
     * @param deleted  the last record is a tombstone
     * @param fromFile the last record was published from a watches file
     */
    public record Entry(Watch watch, boolean deleted, boolean fromFile) {
    }

    private final Map<String, Entry> entries;

    private WatchTopicSnapshot(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * Reads the topic. Each cluster call may take up to {@code timeout}, and reading fails when no record arrives
     * for that long before the end: an unreachable cluster is an {@link IllegalStateException} naming the
     * bootstrap servers within about that time, not a wait of minutes.
     */
    public static WatchTopicSnapshot read(KafkaClients clients, Duration timeout) {
        Map<String, Object> settings = Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-watches-reader",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.consumer(settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return new WatchTopicSnapshot(readAll(consumer, timeout));
        } catch (KafkaException e) {
            throw clients.failure("cannot read " + Topics.WATCHES.name(), e);
        }
    }

    private static Map<String, Entry> readAll(KafkaConsumer<byte[], byte[]> consumer, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.WATCHES.name(), timeout).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
        Map<String, Entry> entries = new TreeMap<>();
        long reached = -1;
        long stalledSince = System.nanoTime();
        while (true) {
            long positions = 0;
            for (Iterator<Map.Entry<TopicPartition, Long>> it = end.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<TopicPartition, Long> e = it.next();
                long position = consumer.position(e.getKey(), timeout);
                positions += position;
                if (position >= e.getValue()) {
                    it.remove();
                }
            }
            if (end.isEmpty()) {
                return entries;
            }
            if (positions != reached) {
                reached = positions;
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > timeout.toNanos()) {
                throw new TimeoutException("no progress within " + timeout + " before the end of the topic");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.key() != null) {
                    entries.put(Topics.WATCHES.keySerde().deserializer().deserialize(r.topic(), r.key()), entry(r));
                }
            }
        }
    }

    /** Whether record {@code r} was published from a watches file (it has {@link #SOURCE_HEADER} = file). */
    static boolean fromFile(ConsumerRecord<byte[], byte[]> r) {
        Header source = r.headers().lastHeader(SOURCE_HEADER);
        return source != null && FROM_FILE.equals(new String(source.value(), StandardCharsets.UTF_8));
    }

    /** The headers of a record published from a watches file (or a mute keeping it so). */
    static RecordHeaders fileHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SOURCE_HEADER, FROM_FILE.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static Entry entry(ConsumerRecord<byte[], byte[]> r) {
        boolean fromFile = fromFile(r);
        if (r.value() == null) {
            return new Entry(null, true, fromFile);
        }
        Watch watch;
        try {
            watch = Topics.WATCHES.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            // An unreadable record is rejected by every sink; here it only means "something else is stored".
            watch = null;
        }
        return new Entry(watch, false, fromFile);
    }

    /** The last record of each watch id, in id order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The stored watches (neither deleted nor unreadable), in id order; validity under limits is not checked. */
    public List<Watch> live() {
        return entries.values().stream().map(Entry::watch).filter(w -> w != null).toList();
    }
}
