package io.raqib.enrich;

import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.story.SeenArticle;
import io.raqib.enrich.story.WindowSignatureStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class EnrichTopologyTest {

    private static ArticleEnricher enricher;
    private TopologyTestDriver driver;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeAll
    static void loadModel() {
        enricher = new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults());
    }

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        // Small limits, so that the size tests stay small: 20 kB articles, 60 kB records. State of its own: the
        // default state folder may hold a real enrich's stores.
        RaqibConfig config = RaqibConfig.load(null, Map.of(), Map.of(RaqibConfig.MAX_ARTICLE_BYTES, "20000",
                RaqibConfig.MAX_RECORD_BYTES, "60000", RaqibConfig.STATE_DIR, stateDir.toString()));
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, enricher, config.limits(), 3);
        Properties props = new KafkaClients(config).streams("enrich");
        driver = new TopologyTestDriver(builder.build(), props);
        enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(),
                Topics.ARTICLES_ENRICHED.keySerde().deserializer(), Topics.ARTICLES_ENRICHED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void rawArticleBecomesEnrichedWithCleanBodyAndLanguage() {
        TestInputTopic<String, Article> raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(),
                Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer());
        Article article = new Article("a1", "https://example.org/a1", "example", "Markets rally",
                "By Jane Doe\nStocks in Europe rose sharply on Monday as investors welcomed the central bank's "
                        + "decision.\nRead also: Oil prices fall", null, null, null, Instant.parse("2026-11-01T00:00:00Z"));

        raw.pipeInput("a1", article);

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("a1");
        assertThat(out.value().language()).isEqualTo("en");
        assertThat(out.value().cleanBody()).startsWith("Stocks in Europe").doesNotContain("Read also")
                .doesNotContain("Jane Doe");
        assertThat(out.value().body()).isEqualTo(article.body());
        assertThat(out.value().storyId()).isEqualTo("a1");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void republishedCopyIsADuplicateOfTheFirstArticleAndJoinsItsStory() {
        TestInputTopic<String, Article> raw = rawTopic();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        raw.pipeInput("orig", story("orig", "Storm floods the coast", STORY), t0);
        raw.pipeInput("copy", story("copy", "Storm floods the coast", STORY + " (Reuters)"),
                t0.plusSeconds(3600));
        raw.pipeInput("other", story("other", "Central bank raises rates", OTHER), t0.plusSeconds(7200));

        Map<String, EnrichedArticle> out = enriched.readKeyValuesToMap();
        assertThat(out.get("orig").duplicateOf()).isNull();
        assertThat(out.get("orig").storyId()).isEqualTo("orig");
        assertThat(out.get("copy").duplicateOf()).isEqualTo("orig");
        assertThat(out.get("copy").storyId()).isEqualTo("orig");
        assertThat(out.get("other").duplicateOf()).isNull();
        assertThat(out.get("other").storyId()).isEqualTo("other");
        WindowStore<String, SeenArticle> seen = driver.getWindowStore(WindowSignatureStore.ARTICLES);
        assertThat(seen.fetch("orig", 0, Long.MAX_VALUE).hasNext()).isTrue();
        assertThat(seen.fetch("copy", 0, Long.MAX_VALUE).hasNext()).as("duplicates are not indexed").isFalse();
    }

    @Test
    void aRewrittenWireCopyIsADuplicateAndAnUpdateCarriesItsShareOfNewText() {
        TestInputTopic<String, Article> raw = rawTopic();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        raw.pipeInput("orig", story("orig", "Storm floods the coast", STORY), t0);
        raw.pipeInput("copy", story("copy", "Thousands flee as floods hit northern villages; schools shut",
                "By Jane Doe\nLONDON (Reuters) - " + STORY + "\n(Reporting by Jane Doe; Editing by Sam Holmes)"),
                t0.plusSeconds(600));
        raw.pipeInput("update", story("update", "Storm floods the coast", STORY + "\n" + STORY_FOLLOW_UP),
                t0.plusSeconds(1200));

        Map<String, EnrichedArticle> out = enriched.readKeyValuesToMap();
        assertThat(out.get("orig").newText()).isNull();
        assertThat(out.get("copy").duplicateOf()).isEqualTo("orig");
        assertThat(out.get("copy").newText().share()).isLessThan(0.1);
        assertThat(out.get("update").duplicateOf()).isNull();
        assertThat(out.get("update").storyId()).isEqualTo("orig");
        assertThat(out.get("update").newText().comparedWith()).isEqualTo("orig");
        assertThat(out.get("update").newText().share()).isBetween(0.4, 0.7);
    }

    @Test
    void aCopyOutsideTheWindowIsNotADuplicate() {
        TestInputTopic<String, Article> raw = rawTopic();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        raw.pipeInput("old", story("old", "Storm floods the coast", STORY), t0);
        raw.pipeInput("late", story("late", "Storm floods the coast", STORY), t0.plus(Duration.ofHours(73)));

        assertThat(enriched.readKeyValuesToMap().get("late").duplicateOf()).isNull();
    }

    @Test
    void unreadableRecordIsSkippedAndTheNextRecordStillFlows() {
        // TopologyTestDriver does not forward deserialization DLQ records; the broker IT checks their content.
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());

        raw.pipeInput("bad", "{not json".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput("good", "{\"id\":\"good\",\"title\":\"Hello\",\"body\":\"World\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good");
    }

    private static final String STORY = "Heavy rain flooded hundreds of homes along the northern coast on Sunday, "
            + "forcing emergency services to evacuate residents from three villages. Rescue teams worked through the "
            + "night to reach families trapped by rising water, officials said, and schools will stay closed on "
            + "Monday while engineers inspect damaged bridges and roads across the region.";
    private static final String STORY_FOLLOW_UP = "By Monday evening the water had begun to recede, but the regional "
            + "governor warned that more rain was forecast for Wednesday. Insurance companies estimated the damage at "
            + "several million euros, and farmers said entire harvests of potatoes and cabbage had been lost in the "
            + "low fields near the estuary, where the sea wall failed in two places.";
    private static final String OTHER = "The central bank raised its main interest rate by a quarter point on "
            + "Thursday, citing stubborn inflation in services and a tight labour market. Markets had expected the "
            + "move, and the currency barely changed after the announcement.";

    private TestInputTopic<String, Article> rawTopic() {
        return driver.createInputTopic(Topics.ARTICLES_RAW.name(), Topics.ARTICLES_RAW.keySerde().serializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer());
    }

    private static Article story(String id, String title, String body) {
        return new Article(id, "https://example.org/" + id, "example", title, body, null, null, null, null);
    }

    @Test
    void articleThatFailsEnrichmentGoesToTheDlq() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());

        raw.pipeInput("no-id", "{\"title\":\"Hello\",\"body\":\"World\"}".getBytes(StandardCharsets.UTF_8));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("\"title\":\"Hello\"");
        assertThat(DlqHeaders.read(dead.headers(), DlqHeaders.STAGE)).isEqualTo("enrich");
        assertThat(DlqHeaders.read(dead.headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.ARTICLES_RAW.name());
        assertThat(DlqHeaders.read(dead.headers(), DlqHeaders.ERROR_MESSAGE)).contains("no id");
        assertThat(DlqHeaders.read(dead.headers(), DlqHeaders.ERROR_CLASS))
                .isEqualTo(RefusedArticleException.class.getName());
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void articleOverTheSizeLimitGoesToTheDlqWithTheReasonAndTheNextArticleFlows() {
        TestInputTopic<String, Article> raw = rawTopic();

        raw.pipeInput("big", story("big", "Storm floods the coast", STORY.repeat(80)));
        raw.pipeInput("next", story("next", "Central bank raises rates", OTHER));

        assertThat(reason(dlq.readRecord())).contains("article big is", "over the limit of 20000",
                "raqib.max.article.bytes");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("next");
    }

    @Test
    void articleWhoseEnrichedRecordWouldBeTooLargeGoesToTheDlq() {
        // Control characters are 1 byte of text but 6 bytes of JSON each, in the body and again in the clean body.
        String controls = "\u0001".repeat(9_000);
        rawTopic().pipeInput("escaped", story("escaped", "Storm floods the coast", STORY + controls));

        assertThat(reason(dlq.readRecord())).contains("enriched article escaped would be", "raqib.max.record.bytes");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(pendingCount()).isZero();
    }

    @Test
    void idsWithInvisibleOrBidiCharactersAndTombstonesAreRefused() {
        TestInputTopic<String, Article> raw = rawTopic();

        raw.pipeInput("rtl", story("abc\u202Edef", "Storm floods the coast", STORY));
        raw.pipeInput("tomb", (Article) null);
        raw.pipeInput("ok", story("ok", "Central bank raises rates", OTHER));

        assertThat(reason(dlq.readRecord())).contains("bidi", "U+202E");
        assertThat(reason(dlq.readRecord())).contains("no value");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("ok");
    }

    @Test
    void onlySignaturesTravelTheOnePartitionPathAndNothingStaysHeld() {
        TestOutputTopic<byte[], byte[]> stories = driver.createOutputTopic(
                EnrichTopology.storyTopic("raqib-enrich"), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        Article big = story("large", "Storm floods the coast", STORY.repeat(55));

        rawTopic().pipeInput("large", big);

        TestRecord<byte[], byte[]> request = stories.readRecord();
        assertThat(big.body().length()).isGreaterThan(19_000);
        assertThat(request.value().length).as("story request bytes").isLessThan(2_500);
        assertThat(enriched.readRecord().value().body()).isEqualTo(big.body());
        assertThat(pendingCount()).isZero();
    }

    private long pendingCount() {
        return driver.<String, byte[]>getKeyValueStore(PendingArticles.STORE).approximateNumEntries();
    }

    private static String reason(TestRecord<byte[], byte[]> dead) {
        assertThat(DlqHeaders.read(dead.headers(), DlqHeaders.STAGE)).isEqualTo("enrich");
        assertThat(DlqHeaders.read(dead.headers(), DlqHeaders.ERROR_CLASS))
                .isEqualTo(RefusedArticleException.class.getName());
        return DlqHeaders.read(dead.headers(), DlqHeaders.ERROR_MESSAGE);
    }
}
