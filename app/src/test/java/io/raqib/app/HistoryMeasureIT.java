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
import io.raqib.core.text.RaqibAnalyzer;
import io.raqib.sink.history.AlertCsv;
import io.raqib.sink.history.AlertHistoryService;
import io.raqib.sink.history.AlertIndex;
import io.raqib.sink.history.HistoryFilter;
import io.raqib.sink.history.HistoryPage;
import io.raqib.sink.history.StoredAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement behind the alert history's design (docs/performance.md), run only on request
 * ({@code -Draqib.history.measure=true}), one design per run so each has its own JVM
 * ({@code -Draqib.history.measure.design=lucene} or {@code streams}): the same seeded alerts (100,000 unless
 * {@code -Draqib.history.measure.alerts}) on {@code raqib.alerts} of the embedded broker, read into either the Lucene
 * history ({@link AlertHistoryService}) or a Kafka Streams persistent key-value store queried interactively; then
 * catch-up time, the same query set in steady state (p50/p95), export, disk and restart. Prints its figures.
 */
@EnabledIfSystemProperty(named = "raqib.history.measure", matches = "true")
class HistoryMeasureIT {

    private static final int ALERTS = Integer.getInteger("raqib.history.measure.alerts", 100_000);
    private static final String DESIGN = System.getProperty("raqib.history.measure.design", "");
    private static final int WATCHES = 200;
    private static final int DESKS = 5;
    private static final Map<String, Watch> WATCH_BY_ID = IntStream.range(0, WATCHES).mapToObj(n -> "w" + n)
            .collect(Collectors.toMap(id -> id, HistoryMeasureIT::watch));
    private static final Duration WAIT = Duration.ofMinutes(10);
    // Steady state: untimed calls until both minimums pass, then timed calls until both pass (cap: MAX_CALLS).
    private static final int WARM_UP_CALLS = 3;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final int TIMED_CALLS = 20;
    private static final Duration TIMED = Duration.ofSeconds(5);
    private static final int MAX_CALLS = 2000;
    private static final List<String> WORDS = List.of("الحرب", "سورية", "القمح", "أسعار", "النفط", "الحكومة", "وزير",
            "الاقتصاد", "الجفاف", "المطر", "الحدود", "اللاجئين", "مجلس", "الأمن", "الانتخابات", "wheat", "oil",
            "prices", "drought", "border", "refugees", "minister", "election", "harvest", "council", "market", "export",
            "port");

    @TempDir
    Path dir;

    /** A design under measurement: both answer the same searches and exports. */
    private interface History {
        HistoryPage search(HistoryFilter filter, int page, int size) throws IOException;

        void export(AlertIndex.Receiver receiver) throws IOException;
    }

    /** One query type of the set both designs answer: page {@code page} of 50. */
    private record Query(String name, HistoryFilter filter, int page) {
    }

    private static List<Query> queries(Instant now) {
        HistoryFilter desk = HistoryFilter.ALL.withDesk("desk1");
        return List.of(new Query("newest 50 of all", HistoryFilter.ALL, 0),
                new Query("newest 50 of a desk", desk, 0),
                new Query("a watch's last 7 days", new HistoryFilter("w7", null, now.minus(Duration.ofDays(7)), null,
                        null, null), 0),
                new Query("text, one word", new HistoryFilter(null, null, null, null, "الجفاف", null), 0),
                new Query("text, two words + desk", new HistoryFilter(null, "desk1", null, null, "والقمح drought",
                        null), 0),
                new Query("page 100 of a desk", desk, 100));
    }

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

    /** The same alerts on every run of a day: a fixed seed, times counted back from {@code now} (midnight). */
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

    private static String sha256(List<String> alerts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        alerts.forEach(json -> digest.update(json.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static double seconds(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1e9;
    }

    /** p50 and p95 (nearest rank) of {@code query} in steady state, with the call count and the answer's total. */
    private static String latency(History history, Query query) throws IOException {
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        for (int i = 0; i < WARM_UP_CALLS || System.nanoTime() < warmUpEnd; i++) {
            history.search(query.filter(), query.page(), 50);
        }
        double[] millis = new double[MAX_CALLS];
        long timedEnd = System.nanoTime() + TIMED.toNanos();
        int calls = 0;
        HistoryPage answer = null;
        while (calls < MAX_CALLS && (calls < TIMED_CALLS || System.nanoTime() < timedEnd)) {
            long start = System.nanoTime();
            answer = history.search(query.filter(), query.page(), 50);
            millis[calls++] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = Arrays.copyOf(millis, calls);
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p95 %.2f ms (%d calls; total %d, %d on the page)",
                sorted[(int) Math.ceil(calls * 0.50) - 1], sorted[(int) Math.ceil(calls * 0.95) - 1], calls,
                answer.total(), answer.alerts().size());
    }

    private static long du(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** A count that may read an index. */
    private interface Count {
        long get() throws IOException;
    }

    private static void waitFor(String what, Count count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count.get() < ALERTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(count.get()).as(what).isEqualTo(ALERTS);
    }

    @Test
    void measuresOneDesign() throws Exception {
        assertThat(DESIGN).as("-Draqib.history.measure.design").isIn("lucene", "streams");
        RaqibConfig config = SharedBroker.config("history-measure", Map.of("RAQIB_INSTANCE_ID", "measure"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
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
        System.out.printf("history measure: %s: %d alerts (sha-256 %s, times to %s), %.1f MB of JSON, written in "
                + "%.1f s%n", DESIGN, ALERTS, sha256(alerts), now, bytes / 1e6, seconds(start));
        if (DESIGN.equals("lucene")) {
            measureLucene(config, now);
        } else {
            measureStreams(config, now);
        }
    }

    /** The query set, then an export of everything, on {@code history}. */
    private static void measureQueries(History history, Instant now) throws IOException {
        for (Query query : queries(now)) {
            System.out.printf("history measure: %s: %s: %s%n", DESIGN, query.name(), latency(history, query));
        }
        long start = System.nanoTime();
        AtomicLong csvBytes = new AtomicLong();
        history.export(a -> csvBytes.addAndGet(AlertCsv.row(a).length()));
        System.out.printf("history measure: %s: CSV export of all %d: %.1f s (%.1f MB)%n", DESIGN, ALERTS,
                seconds(start), csvBytes.get() / 1e6);
    }

    private void measureLucene(RaqibConfig config, Instant now) throws Exception {
        Path historyDir = dir.resolve("history");
        long start = System.nanoTime();
        AlertHistoryService history = new AlertHistoryService(new KafkaClients(config), historyDir,
                Duration.ofDays(90), WATCH_BY_ID::get).start();
        AlertIndex index = history.index();
        waitFor("alerts searchable", () -> index.search(HistoryFilter.ALL, 0, 1).total());
        System.out.printf("history measure: lucene: caught up in %.1f s%n", seconds(start));
        measureQueries(new History() {
            @Override
            public HistoryPage search(HistoryFilter filter, int page, int size) throws IOException {
                return index.search(filter, page, size);
            }

            @Override
            public void export(AlertIndex.Receiver receiver) throws IOException {
                index.export(HistoryFilter.ALL, receiver);
            }
        }, now);
        history.close();
        System.out.printf("history measure: lucene: on disk %.1f MB%n", du(historyDir) / 1e6);
        start = System.nanoTime();
        AlertHistoryService reopened = new AlertHistoryService(new KafkaClients(config), historyDir,
                Duration.ofDays(90), WATCH_BY_ID::get);
        assertThat(reopened.index().search(HistoryFilter.ALL.withDesk("desk1"), 0, 50).total()).isPositive();
        System.out.printf("history measure: lucene: restart + first desk search %.0f ms%n", seconds(start) * 1000);
        reopened.close();
    }

    private void measureStreams(RaqibConfig config, Instant now) throws Exception {
        Path stateDir = dir.resolve("streams");
        AtomicLong stored = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("history"), Serdes.String(),
                Serdes.String()));
        builder.stream(Topics.ALERTS.name(), Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new StoreWriter(stored), "history");
        // As Raqib's stages run: exactly-once, bounded RocksDB memory, static membership (the config's instance id).
        Properties p = new KafkaClients(config).streams("history-store");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p);
             Analyzer analyzer = new RaqibAnalyzer()) {
            streams.start();
            waitFor("alerts stored", stored::get);
            System.out.printf("history measure: streams: caught up in %.1f s%n",
                    seconds(start));
            measureQueries(whenQueryable(streams, store -> new StoreHistory(store, analyzer)), now);
        }
        System.out.printf("history measure: streams: on disk %.1f MB (RocksDB of this instance; plus the changelog "
                + "topic)%n", du(stateDir) / 1e6);
        start = System.nanoTime();
        try (KafkaStreams reopened = new KafkaStreams(builder.build(), p);
             Analyzer analyzer = new RaqibAnalyzer()) {
            reopened.start();
            assertThat(whenQueryable(reopened, store -> new StoreHistory(store, analyzer).search(
                    HistoryFilter.ALL.withDesk("desk1"), 0, 50)).total()).isPositive();
            System.out.printf("history measure: streams: restart + first desk search %.0f ms%n",
                    seconds(start) * 1000);
        }
    }

    /** What a query reads from the store. */
    private interface StoreQuery<T> {
        T on(ReadOnlyKeyValueStore<String, String> store) throws IOException;
    }

    /** {@code query} on the store of {@code streams}, retried while it is not queryable (after a (re)start). */
    private static <T> T whenQueryable(KafkaStreams streams, StoreQuery<T> query) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return query.on(streams.store(StoreQueryParameters.fromNameAndType("history",
                        QueryableStoreTypes.keyValueStore())));
            } catch (InvalidStateStoreException e) {
                assertThat(System.nanoTime()).as("store queryable in time").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    /**
     * The history as a store can answer it: keys sort newest first, so "newest N of all" reads N entries (total:
     * RocksDB's estimate), and every filter is a scan parsing each alert and, for text, analyzing it as Lucene does.
     */
    private record StoreHistory(ReadOnlyKeyValueStore<String, String> store, Analyzer analyzer) implements History {

        @Override
        public HistoryPage search(HistoryFilter filter, int page, int size) throws IOException {
            List<StoredAlert> alerts = new ArrayList<>();
            long skip = (long) page * size;
            long total = 0;
            boolean all = filter.equals(HistoryFilter.ALL);
            List<Set<String>> words = filter.text() == null ? List.of() : positions(filter.text());
            try (KeyValueIterator<String, String> it = store.all()) {
                while (it.hasNext() && !(all && total == skip + size)) {
                    String json = it.next().value;
                    JsonNode alert = all ? null : RaqibJson.mapper().readTree(json);
                    if (all || matches(alert, filter, words)) {
                        if (total++ >= skip && alerts.size() < size) {
                            alerts.add(new StoredAlert(json, all ? null : desk(alert)));
                        }
                    }
                }
            }
            return new HistoryPage(all ? store.approximateNumEntries() : total, page, size, alerts);
        }

        @Override
        public void export(AlertIndex.Receiver receiver) throws IOException {
            try (KeyValueIterator<String, String> it = store.all()) {
                while (it.hasNext()) {
                    String json = it.next().value;
                    receiver.accept(new StoredAlert(json, desk(RaqibJson.mapper().readTree(json))));
                }
            }
        }

        private static String desk(JsonNode alert) {
            Watch watch = WATCH_BY_ID.get(alert.path("subject").asText());
            return watch == null ? null : watch.desk();
        }

        /** Lucene's semantics: every word position of the query has one of its forms among the alert's terms. */
        private boolean matches(JsonNode alert, HistoryFilter filter, List<Set<String>> words) throws IOException {
            Instant time = Instant.parse(alert.path("time").asText());
            if (filter.watchId() != null && !filter.watchId().equals(alert.path("subject").asText())
                    || filter.desk() != null && !filter.desk().equals(desk(alert))
                    || filter.type() != null && !filter.type().equals(alert.path("type").asText())
                    || filter.from() != null && time.isBefore(filter.from())
                    || filter.to() != null && !time.isBefore(filter.to())) {
                return false;
            }
            if (words.isEmpty()) {
                return true;
            }
            JsonNode data = alert.path("data");
            StringBuilder text = new StringBuilder();
            Stream.of("title", "watchName", "source").forEach(f -> text.append(data.path(f).asText()).append('\n'));
            data.path("highlights").forEach(h -> text.append(h.path("fragment").asText()).append('\n'));
            Set<String> terms = positions(text.toString()).stream().flatMap(Set::stream).collect(Collectors.toSet());
            return words.stream().allMatch(forms -> forms.stream().anyMatch(terms::contains));
        }

        /** The terms of {@code text} by position (a proclitic's forms share one). */
        private List<Set<String>> positions(String text) throws IOException {
            List<Set<String>> positions = new ArrayList<>();
            try (TokenStream tokens = analyzer.tokenStream("text", text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    if (positions.isEmpty() || increment.getPositionIncrement() > 0) {
                        positions.add(new HashSet<>());
                    }
                    positions.get(positions.size() - 1).add(term.toString());
                }
                tokens.end();
            }
            return positions;
        }
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
