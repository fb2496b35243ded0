package io.raqib.sink.volume;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.VolumeAlert;
import io.raqib.sink.SinkStreams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The volume branches in a {@link TopologyTestDriver}, topics standing for the sink topology's article and alert
 * streams; record times and the wall clock count from {@link #MIDNIGHT}.
 */
final class VolumeDriver implements AutoCloseable {

    static final Instant MIDNIGHT = Instant.parse("2026-11-29T00:00:00Z");
    private static final String GATE_OUTPUT = "gate-output";
    private static final String ARTICLES = "articles-read";
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Alert> alerts;
    private final TestInputTopic<String, EnrichedArticle> articles;
    private final TestOutputTopic<String, String> events;
    private Instant wallClock = MIDNIGHT;

    /** The branches with the settings in {@code env} (environment variables). */
    VolumeDriver(Path stateDir, Map<String, String> env) {
        RaqibConfig config = RaqibConfig.load(null, env, Map.of(RaqibConfig.STATE_DIR, stateDir.toString()));
        StreamsBuilder builder = new StreamsBuilder();
        VolumeTopology.build(builder, new SinkStreams(builder.stream(ARTICLES,
                        Consumed.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())),
                builder.stream(GATE_OUTPUT, Consumed.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()))),
                config.sink().volume());
        driver = new TopologyTestDriver(builder.build(), new KafkaClients(config).streams("sink"), MIDNIGHT);
        alerts = driver.createInputTopic(GATE_OUTPUT, Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer());
        articles = driver.createInputTopic(ARTICLES, Topics.ARTICLES_ENRICHED.keySerde().serializer(),
                Topics.ARTICLES_ENRICHED.valueSerde().serializer());
        events = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                Serdes.String().deserializer());
    }

    /** {@code n} alerts of {@code watch} from hour {@code hour} after midnight, {@code step} minutes apart. */
    void alert(String watch, int hour, int step, int n) {
        for (int i = 0; i < n; i++) {
            Instant time = at(hour, step * i);
            alerts.pipeInput(watch, Alert.of(watch + time, time, new AlertData(watch, "Syria watch", "a" + time, "t",
                    null, "s", "ar", List.of(), List.of(), List.of())), time);
        }
    }

    /** {@code n} articles of {@code source} from hour {@code hour} after midnight, {@code step} minutes apart. */
    void article(String source, int hour, int step, int n) {
        for (int i = 0; i < n; i++) {
            Instant time = at(hour, (long) step * i);
            articles.pipeInput("id" + time, new EnrichedArticle("id" + time, null, source, "t", "b", null, "ar", time,
                    time, "b", List.of(), List.of(), null, "id" + time), time);
        }
    }

    /** Advances the wall clock by {@code by}, with one round of punctuations. */
    void advance(Duration by) {
        driver.advanceWallClockTime(by);
        wallClock = wallClock.plus(by);
    }

    /** Advances the wall clock to {@code sinceMidnight} in steps of at most {@code step}, punctuating after each. */
    void wallClockTo(Duration sinceMidnight, Duration step) {
        Instant to = MIDNIGHT.plus(sinceMidnight);
        while (wallClock.isBefore(to)) {
            Duration left = Duration.between(wallClock, to);
            advance(left.compareTo(step) > 0 ? step : left);
        }
    }

    /** The subjects in {@code store}, in key order. */
    List<String> keys(String store) {
        List<String> out = new ArrayList<>();
        KeyValueStore<String, SubjectVolume> s = driver.getKeyValueStore(store);
        try (KeyValueIterator<String, SubjectVolume> all = s.all()) {
            all.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }

    /** What {@code store} holds for {@code key}. */
    SubjectVolume stored(String store, String key) {
        return driver.<String, SubjectVolume>getKeyValueStore(store).get(key);
    }

    /** The spike and silence events sent since the last read. */
    List<VolumeAlert> read() throws Exception {
        List<VolumeAlert> out = new ArrayList<>();
        for (String json : events.readValuesToList()) {
            out.add(RaqibJson.mapper().readValue(json, VolumeAlert.class));
        }
        return out;
    }

    @Override
    public void close() {
        driver.close();
    }

    private static Instant at(int hour, long minute) {
        return MIDNIGHT.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }
}
