package io.raqib.sink.digest;

import io.raqib.core.config.DigestSettings;
import io.raqib.core.model.Digest;
import io.raqib.core.model.Digest.DigestWatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Collects a desk's alerts (key = desk) into one window per subscribed period, aligned to UTC hours or days by the
 * alert's time, in a changelogged store keyed by (desk, period, window start, watch), and sends each window's
 * {@link Digest} once the wall clock is {@code grace} past its end. Wall-clock punctuation, not stream time: a
 * quiet desk gets its digest on time even when no later alert arrives. An alert arriving after its window was
 * sent opens the window again and goes out in a second, late digest for that period.
 */
final class DigestProcessor implements Processor<String, DigestEntry, String, Digest> {

    /** How often closed windows are looked for. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);
    /** Watches listed per digest, most alerts first; the rest are counted. */
    static final int WATCHES_PER_DIGEST = 100;
    private static final char SEP = '\u0000';

    private final DigestSettings settings;
    private final String storeName;
    private ProcessorContext<String, Digest> context;
    private KeyValueStore<String, DigestWatch> store;

    DigestProcessor(DigestSettings settings, String storeName) {
        this.settings = settings;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Digest> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::sendClosed);
    }

    @Override
    public void process(Record<String, DigestEntry> record) {
        String desk = record.key();
        Instant time = record.value().article().time();
        settings.subscriptions().stream().filter(s -> s.desk().equals(desk)).map(s -> s.period()).distinct()
                .forEach(period -> {
                    String key = windowKey(desk, period, windowStart(time, period)) + SEP + record.value().watchId();
                    store.put(key, WatchDigest.plus(store.get(key), record.value()));
                });
    }

    /** The start of the {@code period} window holding {@code time}: periods are aligned to the UTC epoch. */
    static Instant windowStart(Instant time, Duration period) {
        long size = period.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size) * size);
    }

    private void sendClosed(long now) {
        Map<String, List<KeyValue<String, DigestWatch>>> closed = new LinkedHashMap<>();
        try (KeyValueIterator<String, DigestWatch> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, DigestWatch> entry = all.next();
                String window = entry.key.substring(0, entry.key.lastIndexOf(SEP));
                if (closes(window, now)) {
                    closed.computeIfAbsent(window, w -> new ArrayList<>()).add(entry);
                }
            }
        }
        closed.forEach((window, parts) -> {
            Digest digest = digest(window, parts.stream().map(kv -> kv.value).toList(), now);
            context.forward(new Record<>(digest.desk(), digest, now));
            parts.forEach(kv -> store.delete(kv.key));
        });
    }

    private boolean closes(String window, long now) {
        String[] parts = window.split(String.valueOf(SEP), 3);
        long end = Long.parseLong(parts[2]) + Duration.parse(parts[1]).toMillis();
        return end + settings.grace().toMillis() <= now;
    }

    private static Digest digest(String window, List<DigestWatch> parts, long now) {
        String[] key = window.split(String.valueOf(SEP), 3);
        Duration period = Duration.parse(key[1]);
        Instant from = Instant.ofEpochMilli(Long.parseLong(key[2]));
        List<DigestWatch> watches = parts.stream()
                .sorted(Comparator.comparingInt(DigestWatch::alerts).reversed().thenComparing(DigestWatch::watchId))
                .toList();
        int alerts = watches.stream().mapToInt(DigestWatch::alerts).sum();
        List<DigestWatch> listed = watches.subList(0, Math.min(WATCHES_PER_DIGEST, watches.size()));
        String id = UUID.nameUUIDFromBytes((window + SEP + now).getBytes(StandardCharsets.UTF_8)).toString();
        // Written as subscribed: a day is P1D, not Duration's PT24H.
        String name = period.equals(Duration.ofDays(1)) ? "P1D" : period.toString();
        return new Digest(id, key[0], name, from, from.plus(period), alerts, List.copyOf(listed),
                watches.size() - listed.size());
    }

    private static String windowKey(String desk, Duration period, Instant from) {
        return desk + SEP + period + SEP + from.toEpochMilli();
    }
}
