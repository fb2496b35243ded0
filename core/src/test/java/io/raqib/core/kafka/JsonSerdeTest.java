package io.raqib.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.AlertState;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.Mention;
import io.raqib.core.model.Topic;
import io.raqib.core.model.Watch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final Instant PUBLISHED = Instant.parse("2021-05-28T10:15:30Z");
    private static final Instant INGESTED = Instant.parse("2021-05-28T10:16:00.123Z");
    private static final Article ARTICLE = new Article("7c7fb83801401802", "https://example.com/a", "taif",
            "الرئاسة الروسية تتحدث", "أعلنت الرئاسة الروسية “الكرملين”", null, "ar", PUBLISHED, INGESTED);

    @Test
    void articleRoundTripsThroughTheRawTopicSerde() {
        assertThat(roundTrip(Topics.ARTICLES_RAW, ARTICLE)).isEqualTo(ARTICLE);
    }

    @Test
    void instantsAreWrittenAsIso8601Strings() throws IOException {
        JsonNode json = json(Topics.ARTICLES_RAW, ARTICLE);

        assertThat(json.get("published").isTextual()).isTrue();
        assertThat(json.get("published").asText()).isEqualTo("2021-05-28T10:15:30Z");
        assertThat(json.get("ingestedAt").asText()).isEqualTo("2021-05-28T10:16:00.123Z");
    }

    @Test
    void fieldsAreCamelCaseAndArabicTextIsUtf8() throws IOException {
        byte[] bytes = Topics.ARTICLES_RAW.valueSerde().serializer().serialize("t", ARTICLE);
        JsonNode json = RaqibJson.mapper().readTree(bytes);

        assertThat(json.has("ingestedAt")).isTrue();
        assertThat(json.get("title").asText()).isEqualTo("الرئاسة الروسية تتحدث");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("الرئاسة الروسية تتحدث");
    }

    @Test
    void instantWithOffsetIsReadAsTheSameMoment() {
        String json = """
                {"id":"x","title":"t","published":"2021-05-28T13:15:30+03:00"}""";

        Article a = deserialize(Topics.ARTICLES_RAW, json);

        assertThat(a.published()).isEqualTo(PUBLISHED);
    }

    @Test
    void enrichedArticleRoundTripsWithEntitiesMentionsAndTopics() throws IOException {
        EnrichedArticle enriched = EnrichedArticle.of(ARTICLE, "ar", "أعلنت الرئاسة الروسية",
                List.of(new Entity("Q159", "Russia", "LOC", List.of(new Mention("body", 6, 14, "الرئاسة")))),
                List.of(new Topic("medtop:11000000", "politics")), null, "story-1");

        assertThat(roundTrip(Topics.ARTICLES_ENRICHED, enriched)).isEqualTo(enriched);
        JsonNode json = json(Topics.ARTICLES_ENRICHED, enriched);
        assertThat(json.get("cleanBody").asText()).isEqualTo("أعلنت الرئاسة الروسية");
        assertThat(json.at("/entities/0/mentions/0/start").asInt()).isEqualTo(6);
        assertThat(json.at("/topics/0/id").asText()).isEqualTo("medtop:11000000");
    }

    @Test
    void watchRoundTripsWithThrottleAsIso8601Duration() throws IOException {
        Watch watch = new Watch("syrian-elections", "Syrian elections", "\"انتخابات الرئاسة\"", "analyst@example.org",
                "levant", List.of("ar", "en"), Duration.ofHours(1), "https://hooks.example.org/x");

        assertThat(roundTrip(Topics.WATCHES, watch)).isEqualTo(watch);
        JsonNode json = json(Topics.WATCHES, watch);
        assertThat(json.get("throttle").isTextual()).isTrue();
        assertThat(json.get("throttle").asText()).isEqualTo("PT1H");
    }

    @Test
    void watchReadFromJsonParsesThrottleAndDefaultsLanguages() {
        Watch w = deserialize(Topics.WATCHES, """
                {"id":"w","name":"n","query":"q","throttle":"PT15M"}""");

        assertThat(w.throttle()).isEqualTo(Duration.ofMinutes(15));
        assertThat(w.languages()).isEmpty();
        assertThat(w.acceptsLanguage("fr")).isTrue();
    }

    @Test
    void aMutedWatchCarriesMutedUntilAsAnInstantAndAnUnmutedOneLeavesItOut() throws IOException {
        Watch unmuted = new Watch("w", "n", "q", null, null, List.of(), null, null);
        Watch muted = unmuted.withMutedUntil(Instant.parse("2026-12-03T08:00:00Z"));

        assertThat(roundTrip(Topics.WATCHES, muted)).isEqualTo(muted);
        assertThat(json(Topics.WATCHES, muted).get("mutedUntil").asText()).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(json(Topics.WATCHES, unmuted).has("mutedUntil")).isFalse();
        assertThat(muted.withMutedUntil(null)).isEqualTo(unmuted);
    }

    @Test
    void alertStateRoundTripsWithANullAssignee() throws IOException {
        AlertState acknowledged = new AlertState("a1", "w", "levant", AlertState.ACKNOWLEDGED, "ana", "levant",
                PUBLISHED);
        AlertState reopened = new AlertState("a1", "w", "levant", AlertState.OPEN, null, AlertState.ADMIN, PUBLISHED);

        assertThat(roundTrip(Topics.ALERT_STATES, acknowledged)).isEqualTo(acknowledged);
        assertThat(roundTrip(Topics.ALERT_STATES, reopened)).isEqualTo(reopened);
        JsonNode json = json(Topics.ALERT_STATES, reopened);
        assertThat(json.get("status").asText()).isEqualTo("open");
        assertThat(json.get("assignee").isNull()).isTrue();
        assertThat(json.get("updatedAt").asText()).isEqualTo("2021-05-28T10:15:30Z");
    }

    @Test
    void alertRoundTripsAsCloudEvent() throws IOException {
        AlertData data = new AlertData("syrian-elections", "Syrian elections", "7c7fb83801401802", "title",
                "https://example.com/a", "taif", "ar",
                List.of(new Highlight("body", 10, 20, "انتخابات", "… انتخابات …")),
                List.of(new Entity("Q858", "Syria", "LOC", List.of())),
                List.of(new Topic("medtop:11000000", "politics")));
        Alert alert = Alert.of("alert-1", PUBLISHED, data);

        assertThat(roundTrip(Topics.ALERTS, alert)).isEqualTo(alert);
        JsonNode json = json(Topics.ALERTS, alert);
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("type").asText()).isEqualTo("raqib.alert");
        assertThat(json.get("subject").asText()).isEqualTo("syrian-elections");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("time").asText()).isEqualTo("2021-05-28T10:15:30Z");
        assertThat(json.at("/data/highlights/0/fragment").asText()).isEqualTo("… انتخابات …");
    }

    @Test
    void unknownFieldsAreIgnoredOnRead() {
        Article a = deserialize(Topics.ARTICLES_RAW, """
                {"id":"x","title":"T","body":"B","futureField":{"nested":[1,2]},"score":0.5}""");

        assertThat(a.id()).isEqualTo("x");
        assertThat(a.title()).isEqualTo("T");
        assertThat(a.body()).isEqualTo("B");

        Alert alert = deserialize(Topics.ALERTS, """
                {"specversion":"1.0","id":"a","traceparent":"00-abc","data":{"watchId":"w","extra":true}}""");
        assertThat(alert.data().watchId()).isEqualTo("w");
    }

    @Test
    void nullIsWrittenAndReadAsNullForTombstones() {
        assertThat(Topics.WATCHES.compacted()).isTrue();
        assertThat(Topics.WATCHES.valueSerde().serializer().serialize(Topics.WATCHES.name(), null)).isNull();
        assertThat(Topics.WATCHES.valueSerde().deserializer().deserialize(Topics.WATCHES.name(), null)).isNull();
    }

    @Test
    void invalidJsonFailsWithSerializationExceptionNamingTheType() {
        byte[] broken = "{\"id\": \"x\", \"title\": ".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.ARTICLES_RAW.valueSerde().deserializer()
                .deserialize(Topics.ARTICLES_RAW.name(), broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article")
                .hasMessageContaining(Topics.ARTICLES_RAW.name());
        assertThatThrownBy(() -> Topics.WATCHES.valueSerde().deserializer()
                .deserialize(Topics.WATCHES.name(), "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Watch");
    }

    @Test
    void wrongFieldTypeFailsWithSerializationException() {
        byte[] wrong = "{\"id\":\"w\",\"throttle\":\"every hour\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.WATCHES.valueSerde().deserializer().deserialize("raqib.watches", wrong))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Watch");
    }

    @Test
    void topicRegistryNamesEveryTopicOnceAndOnlyWatchesAndAlertStatesAreCompacted() {
        assertThat(Topics.all()).extracting(TopicSpec::name).containsExactlyInAnyOrder(
                "raqib.articles.raw", "raqib.articles.enriched", "raqib.watches", "raqib.alerts",
                "raqib.alert.states", "raqib.digests", "raqib.dlq");
        assertThat(Topics.all()).filteredOn(TopicSpec::compacted)
                .containsExactlyInAnyOrder(Topics.WATCHES, Topics.ALERT_STATES);
    }

    private static <T> T roundTrip(TopicSpec<String, T> topic, T value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
    }

    private static <T> JsonNode json(TopicSpec<String, T> topic, T value) throws IOException {
        return RaqibJson.mapper().readTree(topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    private static <T> T deserialize(TopicSpec<String, T> topic, String json) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), json.getBytes(StandardCharsets.UTF_8));
    }
}
