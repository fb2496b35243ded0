package io.raqib.sink.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch and source volumes counted per hour against their own baseline (4 past hours here, factor 3, at least 5):
 * a spike is alerted once, when its window crosses the bar; a regular source that stops is alerted as silent. The
 * hourly purge forgets subjects quiet for longer than they can matter (an hour here, so the 5 hours of baseline and
 * current window govern) and keeps at most 3 sources.
 */
class VolumeTopologyTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-11-29T00:00:00Z");
    private TopologyTestDriver driver;
    private TestInputTopic<String, Alert> alerts;
    private TestInputTopic<String, EnrichedArticle> articles;
    private TestOutputTopic<String, String> events;
    private Instant wallClock = MIDNIGHT;

    /** Stand for the sink topology's article and alert streams, which it hands to the branches. */
    private static final String GATE_OUTPUT = "gate-output";
    private static final String ARTICLES = "articles-read";

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        RaqibConfig config = RaqibConfig.load(null, Map.of("RAQIB_SPIKE_BASELINE_WINDOWS", "4",
                "RAQIB_SPIKE_MIN_COUNT", "5", "RAQIB_SILENCE_MIN_ARTICLES", "10", "RAQIB_VOLUME_FORGET_AFTER", "PT1H",
                "RAQIB_VOLUME_MAX_SOURCES", "3"),
                Map.of(RaqibConfig.STATE_DIR, stateDir.toString()));
        StreamsBuilder builder = new StreamsBuilder();
        VolumeTopology.build(builder, sinkStreams(builder), config.sink().volume());
        driver = new TopologyTestDriver(builder.build(), new KafkaClients(config).streams("sink"), MIDNIGHT);
        alerts = driver.createInputTopic(GATE_OUTPUT, Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer());
        articles = driver.createInputTopic(ARTICLES, Topics.ARTICLES_ENRICHED.keySerde().serializer(),
                Topics.ARTICLES_ENRICHED.valueSerde().serializer());
        events = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                Serdes.String().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aWatchWhoseHourFarExceedsItsBaselineRaisesOneSpike() throws Exception {
        for (int hour = 0; hour < 4; hour++) {
            alert("syria", hour, 10, 2);
        }
        assertThat(events.isEmpty()).as("2 an hour is the baseline").isTrue();

        alert("syria", 4, 10, 8);

        List<VolumeAlert> spikes = read();
        assertThat(spikes).hasSize(1);
        VolumeAlert spike = spikes.get(0);
        assertThat(spike.type()).isEqualTo(VolumeAlert.SPIKE);
        assertThat(spike.subject()).isEqualTo("syria");
        assertThat(spike.data().scope()).isEqualTo("watch");
        assertThat(spike.data().watchName()).isEqualTo("Syria watch");
        assertThat(spike.data().count()).as("alerted when the count reached 3 × 2").isEqualTo(6);
        assertThat(spike.data().baseline()).isEqualTo(2.0);
        assertThat(spike.data().from()).isEqualTo(MIDNIGHT.plus(Duration.ofHours(4)));
        assertThat(spike.data().to()).isEqualTo(MIDNIGHT.plus(Duration.ofHours(5)));
    }

    @Test
    void noSpikeBeforeHalfTheBaselineNorBelowTheMinimumCount() throws Exception {
        alert("new-watch", 0, 10, 4);
        alert("quiet", 0, 10, 1);
        for (int hour = 1; hour < 4; hour++) {
            alert("quiet", hour, 10, 1);
        }
        alert("quiet", 4, 10, 4);

        assertThat(read()).as("4 in the first hour: no baseline yet; 1 → 4: under the minimum of 5").isEmpty();
    }

    @Test
    void aSourceThatSurgesAndThenFallsSilent() throws Exception {
        for (int hour = 0; hour < 4; hour++) {
            article("sana.sy", hour, 20, 3);
        }
        article("sana.sy", 4, 5, 9);
        List<VolumeAlert> spike = read();
        assertThat(spike).extracting(VolumeAlert::type, VolumeAlert::subject)
                .containsExactly(tuple(VolumeAlert.SPIKE, "source:sana.sy"));
        assertThat(spike.get(0).data().source()).isEqualTo("sana.sy");

        // Its usual interval is about 11 minutes (moving average of 20 then 5): 5 × that is under the 1 h floor.
        driver.advanceWallClockTime(Duration.ofMinutes(4 * 60 + 40 + 55));
        assertThat(read()).as("55 minutes quiet").isEmpty();
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        List<VolumeAlert> silence = read();
        assertThat(silence).extracting(VolumeAlert::type).containsExactly(VolumeAlert.SILENCE);
        assertThat(silence.get(0).data().lastArticle()).isEqualTo(MIDNIGHT.plus(Duration.ofMinutes(4 * 60 + 40)));
        assertThat(silence.get(0).data().silentFor()).isEqualTo("PT1H5M");
        driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(read()).as("one silence alert until it publishes again").isEmpty();
    }

    @Test
    void aWatchQuietForItsWholeBaselineIsForgottenWhileTheOthersKeepTheirs() throws Exception {
        alert("deleted", 0, 10, 2);
        for (int hour = 0; hour < 4; hour++) {
            alert("syria", hour, 10, 2);
        }

        wallClockTo(Duration.ofHours(5));
        assertThat(keys(VolumeTopology.WATCH_STORE)).as("4 h 50 quiet: its empty windows still count")
                .containsExactly("deleted", "syria");
        wallClockTo(Duration.ofMinutes(6 * 60 + 30));
        assertThat(keys(VolumeTopology.WATCH_STORE)).as("quiet for more than 4 windows and the current one")
                .containsExactly("syria");

        alert("syria", 4, 10, 8);
        List<VolumeAlert> spikes = read();
        assertThat(spikes).extracting(VolumeAlert::type, VolumeAlert::subject)
                .containsExactly(tuple(VolumeAlert.SPIKE, "syria"));
        assertThat(spikes.get(0).data().baseline()).as("its baseline survived the purges").isEqualTo(2.0);
    }

    @Test
    void aQuietSourceIsForgottenButNotBeforeItsSilenceIsAlerted() throws Exception {
        article("few.example", 0, 10, 3);
        for (int hour = 0; hour <= 18; hour += 2) {
            article("weekly.example", hour, 0, 1);
        }

        wallClockTo(Duration.ofMinutes(6 * 60 + 30));
        assertThat(keys(VolumeTopology.SOURCE_STORE)).as("3 articles: never silent, so gone after 5 h")
                .containsExactly("source:weekly.example");
        wallClockTo(Duration.ofHours(18 + 9));
        assertThat(keys(VolumeTopology.SOURCE_STORE)).as("quiet 9 h, its silence due after 5 × 2 h")
                .containsExactly("source:weekly.example");
        assertThat(read()).isEmpty();

        wallClockTo(Duration.ofMinutes((18 + 11) * 60 + 30));
        assertThat(read()).extracting(VolumeAlert::type, VolumeAlert::subject)
                .containsExactly(tuple(VolumeAlert.SILENCE, "source:weekly.example"));
        assertThat(keys(VolumeTopology.SOURCE_STORE)).as("alerted, then forgotten").isEmpty();
    }

    @Test
    void beyondTheBoundTheLeastRecentlySeenSourcesAreForgotten() {
        for (int i = 0; i < 5; i++) {
            article("s" + i + ".example", i, 0, 1);
        }
        assertThat(keys(VolumeTopology.SOURCE_STORE)).hasSize(5);

        wallClockTo(Duration.ofHours(1));

        assertThat(keys(VolumeTopology.SOURCE_STORE))
                .containsExactly("source:s2.example", "source:s3.example", "source:s4.example");
        article("s0.example", 5, 0, 1);
        assertThat(driver.<String, SubjectVolume>getKeyValueStore(VolumeTopology.SOURCE_STORE)
                .get("source:s0.example").events()).as("counted afresh").isEqualTo(1);
    }

    /** Advances the wall clock to {@code sinceMidnight} in half hours, so every punctuation in between runs. */
    private void wallClockTo(Duration sinceMidnight) {
        Instant to = MIDNIGHT.plus(sinceMidnight);
        while (wallClock.isBefore(to)) {
            Duration step = Duration.between(wallClock, to);
            step = step.compareTo(Duration.ofMinutes(30)) > 0 ? Duration.ofMinutes(30) : step;
            driver.advanceWallClockTime(step);
            wallClock = wallClock.plus(step);
        }
    }

    /** The subjects in {@code store}, in key order. */
    private List<String> keys(String store) {
        List<String> out = new ArrayList<>();
        KeyValueStore<String, SubjectVolume> s = driver.getKeyValueStore(store);
        try (KeyValueIterator<String, SubjectVolume> all = s.all()) {
            all.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }

    /** {@code n} alerts of {@code watch} in hour {@code hour}, {@code step} minutes apart. */
    private void alert(String watch, int hour, int step, int n) {
        for (int i = 0; i < n; i++) {
            Alert a = alert(watch, hour, step * i);
            alerts.pipeInput(watch, a, a.time());
        }
    }

    private static Alert alert(String watch, int hour, int minute) {
        Instant time = MIDNIGHT.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
        return Alert.of(watch + time, time, new AlertData(watch, "Syria watch", "a" + time, "t", null, "s", "ar",
                List.of(), List.of(), List.of()));
    }

    /** {@code n} articles of {@code source} in hour {@code hour}, {@code step} minutes apart. */
    private void article(String source, int hour, int step, int n) {
        for (int i = 0; i < n; i++) {
            Instant time = MIDNIGHT.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes((long) step * i));
            articles.pipeInput("id" + time, new EnrichedArticle("id" + time, null, source, "t", "b", null, "ar", time,
                    time, "b", List.of(), List.of(), null, "id" + time), time);
        }
    }

    private List<VolumeAlert> read() throws Exception {
        List<VolumeAlert> out = new ArrayList<>();
        for (String json : events.readValuesToList()) {
            out.add(RaqibJson.mapper().readValue(json, VolumeAlert.class));
        }
        return out;
    }

    private static SinkStreams sinkStreams(StreamsBuilder builder) {
        return new SinkStreams(builder.stream(ARTICLES, Consumed.with(Topics.ARTICLES_ENRICHED.keySerde(),
                Topics.ARTICLES_ENRICHED.valueSerde())),
                builder.stream(GATE_OUTPUT, Consumed.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())));
    }
}
