package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import io.raqib.sink.history.AlertCsv;
import io.raqib.sink.history.AlertHistoryService;
import io.raqib.sink.history.AlertIndex;
import io.raqib.sink.history.HistoryFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement behind the alert history's design (docs/performance.md), run only on request
 * ({@code -Draqib.history.measure=true}): 100,000 alerts on {@code raqib.alerts} of the embedded broker, read into
 * (1) the Lucene history ({@link AlertHistoryService}) and (2) a Kafka Streams persistent key-value store queried
 * interactively; catch-up time, disk, query latency, export and restart. Prints its figures.
 */
@EnabledIfSystemProperty(named = "raqib.history.measure", matches = "true")
class HistoryMeasureIT {

    private static final int ALERTS = Integer.getInteger("raqib.history.measure.alerts", 100_000);
    private static final int WATCHES = 200;
    private static final int DESKS = 5;
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final List<String> WORDS = List.of("الحرب", "سورية", "القمح", "أسعار", "النفط", "الحكومة", "وزير",
            "الاقتصاد", "الجفاف", "المطر", "الحدود", "اللاجئين", "مجلس", "الأمن", "الانتخابات", "wheat", "oil",
            "prices", "drought", "border", "refugees", "minister", "election", "harvest", "council", "market", "export",
            "port");

    @TempDir
    Path dir;

    private static Watch watch(String id) {
        int n = Integer.parseInt(id.substring(1));
        try {
            return RaqibJson.mapper().readValue("{\"id\": \"" + id + "\", \"name\": \"watch " + n + "\", \"query\": "
                    + "\"x\", \"desk\": \"desk" + n % DESKS + "\"}", Watch.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return b.toString();
    }

    private static List<String> alerts(Instant now) {
        Random random = new Random(42);
        List<String> alerts = new ArrayList<>(ALERTS);
        for (int i = 0; i < ALERTS; i++) {
            String watch = "w" + random.nextInt(WATCHES);
            Instant time = now.minusSeconds((long) (ALERTS - i) * 60 * 24 * 60 / ALERTS);
            alerts.add(RaqibJson.write(Alert.of("alert-" + i, time, new AlertData(watch, "watch " + watch,
                    "article-" + i, words(random, 10), "https://news.example.org/" + i, "source" + random.nextInt(50),
                    "ar", List.of(new Highlight("text", 10, 15, "x", words(random, 30)), new Highlight("text", 200,
                    205, "y", words(random, 30))), List.of(), List.of()))));
        }
        return alerts;
    }

    private static double seconds(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1e9;
    }

    /** Median and 95th percentile of {@code runs} runs of {@code query}, after {@code runs / 5} warm-up ones. */
    private static String latency(int runs, Callable<?> query) throws Exception {
        for (int i = 0; i < runs / 5; i++) {
            query.call();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            query.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format("p50 %.2f ms, p95 %.2f ms", millis[runs / 2], millis[runs * 95 / 100]);
    }

    private static long du(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void measuresTheLuceneHistoryAgainstAStreamsStore() throws Exception {
        RaqibConfig config = SharedBroker.config("history-measure");
        Instant now = Instant.now();
        List<String> alerts = alerts(now);
        long bytes = alerts.stream().mapToLong(String::length).sum();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(new KafkaClients(config).producer(Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024)),
                new StringSerializer(), new StringSerializer())) {
            for (String json : alerts) {
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), json.substring(0, 20), json));
            }
        }
        System.out.printf("history measure: %d alerts, %.1f MB of JSON, written in %.1f s%n", ALERTS, bytes / 1e6,
                seconds(start));

        Path historyDir = dir.resolve("history");
        start = System.nanoTime();
        AlertHistoryService history = new AlertHistoryService(new KafkaClients(config), historyDir,
                Duration.ofDays(90), HistoryMeasureIT::watch).start();
        AlertIndex index = history.index();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (index.search(HistoryFilter.ALL, 0, 1).total() < ALERTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(index.search(HistoryFilter.ALL, 0, 1).total()).isEqualTo(ALERTS);
        System.out.printf("history measure: Lucene history caught up with %d alerts in %.1f s%n", ALERTS,
                seconds(start));
        HistoryFilter desk = HistoryFilter.ALL.withDesk("desk1");
        System.out.println("history measure: Lucene newest 50 of all: " + latency(100, () ->
                index.search(HistoryFilter.ALL, 0, 50)));
        System.out.println("history measure: Lucene newest 50 of a desk: " + latency(100, () -> index.search(desk, 0,
                50)));
        System.out.println("history measure: Lucene a watch's last 7 days: " + latency(100, () -> index.search(
                new HistoryFilter("w7", null, now.minus(Duration.ofDays(7)), null, null, null), 0, 50)));
        System.out.println("history measure: Lucene text, one word: " + latency(100, () -> index.search(
                new HistoryFilter(null, null, null, null, "الجفاف", null), 0, 50)));
        System.out.println("history measure: Lucene text, two words + desk: " + latency(100, () -> index.search(
                new HistoryFilter(null, "desk1", null, null, "والقمح drought", null), 0, 50)));
        System.out.println("history measure: Lucene page 100 of a desk: " + latency(100, () -> index.search(desk,
                100, 50)));
        start = System.nanoTime();
        AtomicLong csvBytes = new AtomicLong();
        index.export(HistoryFilter.ALL, a -> csvBytes.addAndGet(AlertCsv.row(a).length()));
        System.out.printf("history measure: Lucene CSV export of all %d: %.1f s (%.1f MB)%n", ALERTS, seconds(start),
                csvBytes.get() / 1e6);
        history.close();
        System.out.printf("history measure: Lucene index on disk: %.1f MB%n", du(historyDir) / 1e6);
        start = System.nanoTime();
        AlertHistoryService reopened = new AlertHistoryService(new KafkaClients(config), historyDir,
                Duration.ofDays(90), HistoryMeasureIT::watch);
        assertThat(reopened.index().search(desk, 0, 50).total()).isPositive();
        System.out.printf("history measure: Lucene reopen + first desk search: %.0f ms%n", seconds(start) * 1000);
        reopened.close();

        measureStreamsStore(config, desk);
    }

    private void measureStreamsStore(RaqibConfig config, HistoryFilter desk) throws Exception {
        Path stateDir = dir.resolve("streams");
        AtomicLong stored = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("history"), Serdes.String(),
                Serdes.String()));
        builder.stream(Topics.ALERTS.name(), Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new StoreWriter(stored), "history");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId() + "-store");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
            streams.start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (stored.get() < ALERTS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(stored.get()).isEqualTo(ALERTS);
            System.out.printf("history measure: Streams store (exactly-once, changelogged) caught up in %.1f s%n",
                    seconds(start));
            ReadOnlyKeyValueStore<String, String> store = streams.store(StoreQueryParameters.fromNameAndType(
                    "history", QueryableStoreTypes.keyValueStore()));
            System.out.println("history measure: Streams store newest 50 of all: " + latency(100, () -> {
                List<String> page = new ArrayList<>();
                try (KeyValueIterator<String, String> it = store.all()) {
                    while (it.hasNext() && page.size() < 50) {
                        page.add(it.next().value);
                    }
                }
                return page;
            }));
            System.out.println("history measure: Streams store a desk (total + page: full scan): " + latency(20, () ->
                    scanDesk(store, desk.desk())));
        }
        System.out.printf("history measure: Streams store on disk (RocksDB, this instance): %.1f MB%n",
                du(stateDir) / 1e6);
    }

    private static long scanDesk(ReadOnlyKeyValueStore<String, String> store, String desk) throws IOException {
        long count = 0;
        try (KeyValueIterator<String, String> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                JsonNode alert = RaqibJson.mapper().readTree(entry.value);
                if (watch(alert.path("subject").asText()).desk().equals(desk)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Keeps each alert under a key that sorts newest first. */
    private static final class StoreWriter implements Processor<String, String, Void, Void> {
        private final AtomicLong stored;
        private KeyValueStore<String, String> store;

        StoreWriter(AtomicLong stored) {
            this.stored = stored;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore("history");
        }

        @Override
        public void process(Record<String, String> record) {
            try {
                JsonNode alert = RaqibJson.mapper().readTree(record.value());
                long millis = Instant.parse(alert.path("time").asText()).toEpochMilli();
                store.put(String.format("%019d/%s", Long.MAX_VALUE - millis, alert.path("id").asText()),
                        record.value());
                stored.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
