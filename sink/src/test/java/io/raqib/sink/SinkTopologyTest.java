package io.raqib.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.StreamsProperties;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private final WatchRegistry registry = new WatchRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void start() {
        registry.putAll(List.of(
                new Watch("unsc-2254", "UNSC 2254", "2254 AND \"security council\"", null, "levant", List.of(), null,
                        null),
                new Watch("elections", "Elections", "election", null, null, List.of("en"), null, null)));
        StreamsBuilder builder = new StreamsBuilder();
        SinkTopology.build(builder, new ArticleMatcher(registry, new AlertFactory(Clock.fixed(NOW, ZoneOffset.UTC))));
        driver = new TopologyTestDriver(builder.build(),
                StreamsProperties.forStage(RaqibConfig.load(null, Map.of(), Map.of()), "sink"));
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
    void sameArticleAndWatchAlwaysGiveTheSameEventId() {
        EnrichedArticle article = Articles.of("a4", "en", "Election day", "Polls opened.");
        enriched.pipeInput("a4", article);
        enriched.pipeInput("a4", article);

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).id()).isEqualTo(out.get(1).id());
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
}
