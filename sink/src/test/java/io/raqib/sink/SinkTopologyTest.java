package io.raqib.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.NewText;
import io.raqib.core.model.StoryUpdate;
import io.raqib.core.model.Watch;
import io.raqib.sink.delivery.DeskTopics;
import io.raqib.sink.gate.AlertFactory;
import io.raqib.sink.gate.AlertState;
import io.raqib.sink.matching.ArticleMatcher;
import io.raqib.sink.watches.WatchRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private final WatchRegistry registry = new WatchRegistry();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, Alert> alerts;

    /** State of its own: the default state folder may hold a real sink's stores. */
    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        registry.putAll(List.of(
                new Watch("unsc-2254", "UNSC 2254", "2254 AND \"security council\"", null, "levant", List.of(), null,
                        null),
                new Watch("elections", "Elections", "election", null, null, List.of("en"), null, null),
                new Watch("drought", "Drought", "drought", null, null, List.of(), Duration.ofHours(1), null)));
        StreamsBuilder builder = new StreamsBuilder();
        SinkTopology.build(builder, new ArticleMatcher(registry, new AlertFactory(Clock.fixed(NOW, ZoneOffset.UTC))),
                metrics, 3);
        driver = new TopologyTestDriver(builder.build(), new KafkaClients(
                RaqibConfig.load(null, Map.of(), Map.of(RaqibConfig.STATE_DIR, stateDir.toString()))).streams("sink"));
        enriched = driver.createInputTopic(Topics.ARTICLES_ENRICHED.name(),
                Topics.ARTICLES_ENRICHED.keySerde().serializer(), Topics.ARTICLES_ENRICHED.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() throws Exception {
        driver.close();
        registry.close();
    }

    @Test
    void oneAlertPerMatchingWatchKeyedByWatchId() {
        EnrichedArticle article = Articles.of("a1", "en", "Security Council election",
                "The Security Council reaffirmed resolution 2254 ahead of the election.");

        enriched.pipeInput("a1", article);

        List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("elections", "unsc-2254");
        Alert alert = out.get(1).value();
        assertThat(alert.specversion()).isEqualTo("1.0");
        assertThat(alert.type()).isEqualTo("raqib.alert");
        assertThat(alert.subject()).isEqualTo("unsc-2254");
        assertThat(alert.time()).isEqualTo(NOW);
        assertThat(alert.data().articleId()).isEqualTo("a1");
        assertThat(alert.data().watchName()).isEqualTo("UNSC 2254");
        assertThat(alert.data().highlights()).isNotEmpty();
        assertThat(new String(out.get(1).headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
    }

    @Test
    void articleMatchingNoWatchRaisesNothing() {
        enriched.pipeInput("a2", Articles.of("a2", "en", "Football", "A league match ended in a draw."));

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void languageRestrictedWatchIgnoresOtherLanguages() {
        enriched.pipeInput("a3", Articles.of("a3", "fr", "Election", "Une election a eu lieu."));

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void theSameArticleTwiceAlertsOnceAndTheNextAlertReportsTheSuppressedMatch() {
        EnrichedArticle article = Articles.of("a4", "en", "Election day", "Polls opened.");
        enriched.pipeInput("a4", article);
        enriched.pipeInput("a4", article);
        enriched.pipeInput("a4b", Articles.of("a4b", "en", "Election results", "Counting began."));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(a -> a.data().articleId()).containsExactly("a4", "a4b");
        assertThat(out.get(0).data().suppressedSince()).isZero();
        assertThat(out.get(1).data().suppressedSince()).isEqualTo(1);
    }

    @Test
    void aNearDuplicateOfAnAlertedStoryRaisesNoSecondAlertButDistinctArticlesDo() {
        enriched.pipeInput("d1", Articles.of("d1", "en", "Election called", "The president called an election."));
        enriched.pipeInput("d2", Articles.of("d2", "en", "Election called", "The president called an election today.")
                .withStory("d1", "d1"));
        enriched.pipeInput("d3", Articles.of("d3", "en", "Election observers", "Observers arrived for the election."));

        assertThat(alerts.readValuesToList()).extracting(a -> a.data().articleId()).containsExactly("d1", "d3");
        assertThat(metrics.counter("raqib.sink.alerts.suppressed", "reason", "same-story").count()).isEqualTo(1);
    }

    @Test
    void aStoryAlertsAgainThroughTheCandidateTopicOnlyForAnArticleWithEnoughNewText() {
        enriched.pipeInput("n1", Articles.of("n1", "en", "Election called", "The president called an election."));
        enriched.pipeInput("n2", Articles.of("n2", "en", "Snap election", "By Jane Doe. The president called an "
                + "election.").withStory(null, "n1", new NewText(0.12, "n1")));
        enriched.pipeInput("n3", Articles.of("n3", "en", "Election date set", "The president called an election "
                + "for May; the opposition will boycott it.").withStory(null, "n1", new NewText(0.55, "n1")));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(a -> a.data().articleId()).containsExactly("n1", "n3");
        assertThat(out.get(1).data().storyUpdate()).isEqualTo(new StoryUpdate("n1", 0.55, "n1"));
        assertThat(out.get(1).data().suppressedSince()).isEqualTo(1);
        assertThat(metrics.counter("raqib.sink.alerts.suppressed", "reason", "same-story").count()).isEqualTo(1);
    }

    @Test
    void aCopyArrivingBeforeItsOriginalStillMakesOneAlertForTheStory() {
        Instant t0 = Instant.parse("2026-11-29T06:00:00Z");
        enriched.pipeInput("o2", Articles.of("o2", "en", "Election called", "The president called an election today.")
                .withStory("o1", "o1"), t0.plusSeconds(60));
        enriched.pipeInput("o1", Articles.of("o1", "en", "Election called", "The president called an election."), t0);

        assertThat(alerts.readValuesToList()).extracting(a -> a.data().articleId()).containsExactly("o2");
    }

    @Test
    void watchesRememberedForOneStoryAtTheSameMillisecondAddUp() {
        Instant t0 = Instant.parse("2026-11-29T06:00:00Z");
        enriched.pipeInput("s1", Articles.of("s1", "en", "Election called", "Polls in spring."), t0);
        enriched.pipeInput("s2", Articles.of("s2", "en", "Drought", "Wells dry.").withStory("s1", "s1"), t0);
        enriched.pipeInput("s3", Articles.of("s3", "en", "Election in a drought", "Wells dry, polls in spring.")
                .withStory("s1", "s1"), t0);

        assertThat(alerts.readRecordsToList()).extracting(r -> r.key() + "/" + r.value().data().articleId())
                .containsExactly("elections/s1", "drought/s2");
        assertThat(metrics.counter("raqib.sink.alerts.suppressed", "reason", "same-story").count()).isEqualTo(2);
    }

    @Test
    void throttleAllowsOneAlertPerWindowAndCountsTheRest() {
        Instant t0 = Instant.parse("2026-11-29T06:00:00Z");
        enriched.pipeInput("t1", Articles.of("t1", "en", "Drought", "Drought in the south."), t0);
        enriched.pipeInput("t2", Articles.of("t2", "en", "Drought spreads", "Wells dry."), t0.plusSeconds(600));
        enriched.pipeInput("t3", Articles.of("t3", "en", "Drought aid", "Aid arrives."), t0.plusSeconds(1200));
        enriched.pipeInput("t4", Articles.of("t4", "en", "Drought ends", "Rain."), t0.plusSeconds(3700));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(a -> a.data().articleId()).containsExactly("t1", "t4");
        assertThat(out.get(1).data().suppressedSince()).isEqualTo(2);
        assertThat(metrics.counter("raqib.sink.alerts.suppressed", "reason", "throttle").count()).isEqualTo(2);
    }

    @Test
    void aDeletedWatchLosesItsGateStateSoARecreatedOneStartsAfresh() {
        Instant t0 = Instant.parse("2026-11-29T06:00:00Z");
        EnrichedArticle p1 = Articles.of("p1", "en", "Drought before the election", "Wells dry.");
        enriched.pipeInput("p1", p1, t0);
        KeyValueStore<String, AlertState> states = driver.getKeyValueStore(SinkTopology.STATES_STORE);
        assertThat(states.get("drought")).as("a throttled watch remembers its last alert")
                .isEqualTo(new AlertState(t0, 0));
        assertThat(states.get("elections")).as("a watch without throttle that held nothing back keeps no state")
                .isNull();
        enriched.pipeInput("p1", p1, t0.plusSeconds(1));
        assertThat(states.get("drought")).isEqualTo(new AlertState(t0, 1));
        assertThat(states.get("elections")).isEqualTo(new AlertState(null, 1));

        Watch drought = registry.get("drought");
        registry.remove("drought");
        driver.advanceWallClockTime(SinkTopology.PURGE_INTERVAL);
        assertThat(states.get("drought")).isNull();
        assertThat(states.get("elections")).as("a live watch keeps its state").isNotNull();

        registry.put(drought);
        enriched.pipeInput("p2", Articles.of("p2", "en", "Drought spreads", "Wells dry."), t0.plusSeconds(600));
        List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
        assertThat(out).extracting(r -> r.key() + "/" + r.value().data().articleId())
                .containsExactly("drought/p1", "elections/p1", "drought/p2");
        assertThat(out.get(2).value().data().suppressedSince()).as("the recreated watch starts afresh").isZero();
    }

    @Test
    void aWatchWithADeskAlsoAlertsOnTheDeskTopic() {
        TestOutputTopic<String, Alert> levant = driver.createOutputTopic(DeskTopics.topicOf("levant"),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
        enriched.pipeInput("k1", Articles.of("k1", "en", "Security Council", "Resolution 2254 was cited."));

        List<TestRecord<String, Alert>> desk = levant.readRecordsToList();
        assertThat(desk).extracting(TestRecord::key).containsExactly("unsc-2254");
        assertThat(desk.get(0).value().data().articleId()).isEqualTo("k1");
        assertThat(new String(desk.get(0).headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("unsc-2254");
    }

    @Test
    void alertValueIsAStructuredCloudEventTheSdkCanRead() {
        enriched.pipeInput("a5", Articles.of("a5", "en", "Election", "Polls opened."));
        TestRecord<String, Alert> record = alerts.readRecord();
        byte[] json = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), record.value());

        CloudEvent event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(json);

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo("raqib.alert");
        assertThat(event.getSubject()).isEqualTo("elections");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"watchId\":\"elections\"").contains("\"articleId\":\"a5\"");
    }

    @Test
    void recordWithoutValueGoesToTheDlq() {
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(Topics.DLQ.name(),
                Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

        enriched.pipeInput("tombstone", (EnrichedArticle) null);

        assertThat(dlq.readRecord().headers().lastHeader("raqib.stage").value())
                .isEqualTo("sink".getBytes(StandardCharsets.UTF_8));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void articleWithoutAUsableIdGoesToTheDlqInsteadOfAlerting() {
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(Topics.DLQ.name(),
                Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

        enriched.pipeInput("no-id", Articles.of(null, "en", "Election day", "An election was held."));
        enriched.pipeInput("bidi", Articles.of("a\u202Eb", "en", "Election day", "An election was held."));
        enriched.pipeInput("a9", Articles.of("a9", "en", "Election day", "An election was held."));

        assertThat(DlqHeaders.read(dlq.readRecord().headers(), DlqHeaders.ERROR_MESSAGE)).contains("no id");
        assertThat(DlqHeaders.read(dlq.readRecord().headers(), DlqHeaders.ERROR_MESSAGE)).contains("bidi");
        assertThat(alerts.readValuesToList()).extracting(a -> a.data().articleId()).containsExactly("a9");
    }
}
