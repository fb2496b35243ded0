package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The enrich topology on the real embedded broker, exactly once: a story republished under another URL comes out
 * with {@code duplicateOf} = the first article (even when the two land on different raw partitions), entities and
 * topics are tagged, and a record whose enrichment fails goes to the DLQ while the rest flows.
 */
class EnrichIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static RaqibConfig config;
    private static EnrichService enrich;

    @BeforeAll
    static void start() {
        config = SharedBroker.config("enrich-it");
        enrich = new EnrichService(config, new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults()));
        enrich.start();
    }

    @AfterAll
    static void stop() {
        enrich.close();
    }

    @Test
    void republishedStoryIsOneDuplicateAndAPoisonRecordIsOneDlqRecord() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String marker = "Zorvath" + run.replaceAll("[0-9-]", "q");
        String body = "Officials in Moscow said on Monday that " + marker + " talks with Syria would resume next "
                + "week at the United Nations in Geneva, after envoys failed to agree on a ceasefire plan. The "
                + "delegations will meet for three days, and diplomats expect sanctions to dominate the agenda as "
                + "both sides weigh a new draft resolution before the Security Council vote.";
        Article original = article("orig-" + run, "https://a.example/" + run, marker + " talks to resume", body);
        Article copy = article("copy-" + run, "https://b.example/news/" + run, marker + " talks to resume",
                body + " (AFP)");
        String poisonKey = "poison-" + run;
        TopicSpec<String, byte[]> rawBytes = new TopicSpec<>(Topics.ARTICLES_RAW.name(), Serdes.String(),
                Serdes.ByteArray(), false);

        KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_RAW, original.id(), original);
        KafkaTestClients.send(config.bootstrapServers(), rawBytes, poisonKey,
                "{\"title\":\"no id here\",\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        // Republished later, as in the field: the raw partitions are analyzed in parallel, so a copy sent at the
        // same moment could reach the verdict first and would then rightly count as the original.
        KafkaTestClients.readUntil(config.bootstrapServers(), Topics.ARTICLES_ENRICHED,
                r -> original.id().equals(r.key()), 1, WAIT);
        KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_RAW, copy.id(), copy);

        Set<String> ids = Set.of(original.id(), copy.id());
        List<ConsumerRecord<String, EnrichedArticle>> out = KafkaTestClients.readUntil(config.bootstrapServers(),
                Topics.ARTICLES_ENRICHED, r -> ids.contains(r.key()), 2, WAIT);
        Map<String, EnrichedArticle> byId = out.stream()
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
        assertThat(byId).containsOnlyKeys(original.id(), copy.id());
        assertThat(byId.values()).filteredOn(a -> a.duplicateOf() != null).singleElement()
                .satisfies(dup -> {
                    assertThat(dup.id()).isEqualTo(copy.id());
                    assertThat(dup.duplicateOf()).isEqualTo(original.id());
                    assertThat(dup.storyId()).isEqualTo(original.id());
                });
        EnrichedArticle first = byId.get(original.id());
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.entities()).extracting(e -> e.id()).contains("Q649", "Q858", "Q1065", "Q71");
        assertThat(first.topics().get(0).id()).isEqualTo("medtop:11000000");

        List<ConsumerRecord<byte[], byte[]>> dead = KafkaTestClients.readUntil(config.bootstrapServers(), Topics.DLQ,
                r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(poisonKey), 1, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.STAGE)).isEqualTo("enrich");
        assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.ARTICLES_RAW.name());
        assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.ERROR_MESSAGE)).contains("no id");
    }

    private static Article article(String id, String url, String title, String body) {
        return new Article(id, url, "example", title, body, null, null, null, null);
    }
}
