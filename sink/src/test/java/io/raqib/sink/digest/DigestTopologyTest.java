package io.raqib.sink.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.raqib.core.config.DigestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Digest;
import io.raqib.core.model.Digest.DigestStory;
import io.raqib.core.model.Digest.DigestWatch;
import io.raqib.core.model.Watch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts → per-desk hourly and daily windows → one digest per window once the wall clock passes its grace. */
class DigestTopologyTest {

    private static final Instant EIGHT = Instant.parse("2026-11-29T08:00:00Z");
    private static final Map<String, Watch> WATCHES = Map.of(
            "syria", watch("syria", "سوريا", "levant"),
            "lebanon", watch("lebanon", "Lebanon", "levant"),
            "oil", watch("oil", "Oil", "gulf"),
            "football", watch("football", "Football", "sport"));
    private TopologyTestDriver driver;
    private TestInputTopic<String, Alert> alerts;
    private TestOutputTopic<String, Digest> digests;

    /** Stands for the gate's output stream, which SinkTopology hands to the branches. */
    private static final String GATE_OUTPUT = "gate-output";
    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        RaqibConfig config = RaqibConfig.load(null, Map.of("RAQIB_DIGESTS", "levant:PT1H, sport:P1D",
                "RAQIB_DIGEST_GRACE", "PT1M"), Map.of(RaqibConfig.STATE_DIR, stateDir.toString()));
        StreamsBuilder builder = new StreamsBuilder();
        DigestTopology.build(builder, gateOutput(builder), config.sink().digests(), WATCHES::get);
        driver = new TopologyTestDriver(builder.build(), new KafkaClients(config).streams("sink"), EIGHT);
        alerts = driver.createInputTopic(GATE_OUTPUT, Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer());
        digests = driver.createOutputTopic(Topics.DIGESTS.name(), Topics.DIGESTS.keySerde().deserializer(),
                Topics.DIGESTS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anHourOfADesksAlertsGroupedByWatchAndStoryAfterTheGrace() {
        send("syria", "a1", "story-1", "08:05");
        send("syria", "a2", "story-1", "08:20");
        send("syria", "a3", "story-2", "08:40");
        send("lebanon", "a4", "story-1", "08:50");
        send("oil", "a5", "story-3", "08:10");
        send("syria", "a6", "story-4", "09:10");

        driver.advanceWallClockTime(Duration.ofMinutes(60).plusSeconds(30));
        assertThat(digests.isEmpty()).as("the hour's grace has not passed").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(40));

        List<Digest> out = digests.readValuesToList();
        assertThat(out).hasSize(1);
        Digest digest = out.get(0);
        assertThat(digest.desk()).isEqualTo("levant");
        assertThat(digest.period()).isEqualTo("PT1H");
        assertThat(digest.from()).isEqualTo(EIGHT);
        assertThat(digest.to()).isEqualTo(EIGHT.plus(Duration.ofHours(1)));
        assertThat(digest.alerts()).isEqualTo(4);
        assertThat(digest.watches()).extracting(DigestWatch::watchId).containsExactly("syria", "lebanon");
        DigestWatch syria = digest.watches().get(0);
        assertThat(syria.watchName()).isEqualTo("سوريا");
        assertThat(syria.stories()).extracting(DigestStory::storyId, DigestStory::alerts)
                .containsExactly(tuple("story-1", 2),
                        tuple("story-2", 1));
        assertThat(syria.stories().get(0).articles()).extracting(a -> a.articleId()).containsExactly("a1", "a2");
    }

    @Test
    void dailyDigestsAndAnotherHourEachInTurn() {
        send("football", "f1", "s1", "08:05");
        send("football", "f2", "s2", "20:05");
        send("syria", "a1", "story-1", "08:05");
        send("syria", "a2", "story-2", "09:05");

        driver.advanceWallClockTime(Duration.ofMinutes(61).plusSeconds(10));
        assertThat(digests.readValuesToList()).extracting(Digest::desk, Digest::alerts)
                .containsExactly(tuple("levant", 1));
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(digests.readValuesToList()).extracting(Digest::desk, Digest::from)
                .containsExactly(tuple("levant", EIGHT.plus(Duration.ofHours(1))));
        driver.advanceWallClockTime(Duration.ofHours(15));
        assertThat(digests.readValuesToList()).extracting(Digest::desk, Digest::period, Digest::alerts)
                .containsExactly(tuple("sport", "P1D", 2));
    }

    @Test
    void aBusyWatchListsItsFirstStoriesAndArticlesAndCountsTheRest() {
        for (int story = 0; story < WatchDigest.STORIES_PER_WATCH + 2; story++) {
            send("syria", "a" + story, "story-" + story, "08:10");
        }
        for (int article = 0; article < WatchDigest.ARTICLES_PER_STORY + 2; article++) {
            send("syria", "more-" + article, "story-0", "08:20");
        }

        driver.advanceWallClockTime(Duration.ofMinutes(62));

        DigestWatch syria = digests.readValue().watches().get(0);
        assertThat(syria.alerts()).isEqualTo(WatchDigest.STORIES_PER_WATCH + 2 + WatchDigest.ARTICLES_PER_STORY + 2);
        assertThat(syria.stories()).hasSize(WatchDigest.STORIES_PER_WATCH);
        assertThat(syria.moreStories()).isEqualTo(2);
        assertThat(syria.stories().get(0).alerts()).isEqualTo(WatchDigest.ARTICLES_PER_STORY + 3);
        assertThat(syria.stories().get(0).articles()).hasSize(WatchDigest.ARTICLES_PER_STORY);
    }

    @Test
    void anAlertAfterItsWindowWasSentGoesOutInALateDigest() {
        send("syria", "a1", "story-1", "08:05");
        driver.advanceWallClockTime(Duration.ofMinutes(62));
        assertThat(digests.readValuesToList()).hasSize(1);

        send("lebanon", "late", "story-2", "08:59");
        driver.advanceWallClockTime(DigestProcessor.CHECK_INTERVAL);

        List<Digest> late = digests.readValuesToList();
        assertThat(late).extracting(Digest::from, Digest::alerts)
                .containsExactly(tuple(EIGHT, 1));
    }

    private void send(String watch, String article, String story, String hhmm) {
        alerts.pipeInput(watch, alert(watch, article, story, hhmm));
    }

    private static Alert alert(String watch, String article, String story, String hhmm) {
        Instant time = Instant.parse("2026-11-29T" + hhmm + ":00Z");
        AlertData data = new AlertData(watch, WATCHES.get(watch).name(), article, "Title of " + article,
                "https://news.example/" + article, "news.example", "ar", List.of(), List.of(), List.of())
                .withStoryId(story);
        return Alert.of(watch + "-" + article, time, data);
    }

    private static Watch watch(String id, String name, String desk) {
        return new Watch(id, name, id, null, desk, List.of(), null, null);
    }

    private static KStream<String, Alert> gateOutput(StreamsBuilder builder) {
        return builder.stream(GATE_OUTPUT, Consumed.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()));
    }
}
