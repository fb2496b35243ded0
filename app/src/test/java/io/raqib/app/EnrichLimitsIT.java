package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.DlqHeaders;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Size limits on the real broker: a large article under the limit is enriched (it once stopped enrich for good by
 * overflowing an internal topic), one over the limit is dead-lettered with the reason, and so is one whose result
 * the operator's output topic would refuse (a refusal by the broker would spoil the exactly-once transaction); in
 * every case the stage keeps running and the next article comes out.
 */
class EnrichLimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String PARAGRAPH = "Officials said on Monday that talks on the ceasefire would resume next "
            + "week in Geneva, after envoys failed to agree on the sequence of prisoner releases and aid convoys. ";

    @Test
    void largeArticleIsEnrichedOversizedOneIsDeadLetteredAndTheNextFlows() throws Exception {
        RaqibConfig config = SharedBroker.config("enrich-limits");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Article large = article("large-" + run, PARAGRAPH.repeat(340_000 / PARAGRAPH.length()));
        Article oversized = article("oversized-" + run, PARAGRAPH.repeat(1_200_000 / PARAGRAPH.length()));
        Article next = article("next-" + run, PARAGRAPH);
        try (EnrichService enrich = new EnrichService(config, enricher())) {
            enrich.start();
            for (Article a : List.of(large, oversized, next)) {
                KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_RAW, a.id(), a);
            }

            List<ConsumerRecord<String, EnrichedArticle>> out = KafkaTestClients.readUntil(config.bootstrapServers(),
                    Topics.ARTICLES_ENRICHED, r -> r.key().endsWith(run), 2, WAIT);
            assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(large.id(), next.id());
            assertThat(out).filteredOn(r -> r.key().equals(large.id())).singleElement()
                    .satisfies(r -> assertThat(r.value().body()).isEqualTo(large.body()));
            String reason = deadLetterReason(config, oversized.id());
            assertThat(reason).contains("over the limit of " + config.maxArticleBytes(), "raqib.max.article.bytes");
            assertThat(enrich.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void resultTheOutputTopicWouldRefuseIsDeadLetteredAndTheStageKeepsRunning() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(null)) {
            RaqibConfig config = RaqibConfig.load(null, Map.of(), Map.of(
                    RaqibConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                    RaqibConfig.STATE_DIR, Files.createTempDirectory("raqib-it-").toString()));
            // An operator's cluster whose enriched topic takes less than Raqib would write.
            createTopic(config, Topics.ARTICLES_ENRICHED.name(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    "60000"));
            TopicAdmin.ensureTopics(config);
            Article big = article("big", PARAGRAPH.repeat(40_000 / PARAGRAPH.length()));
            Article small = article("small", PARAGRAPH);
            try (EnrichService enrich = new EnrichService(config, enricher())) {
                enrich.start();
                KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_RAW, big.id(), big);
                KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_RAW, small.id(), small);

                assertThat(KafkaTestClients.readUntil(config.bootstrapServers(), Topics.ARTICLES_ENRICHED,
                        r -> true, 1, WAIT)).extracting(ConsumerRecord::key).containsExactly(small.id());
                assertThat(deadLetterReason(config, big.id())).contains("enriched article big would be",
                        "max.message.bytes of raqib.articles.enriched");
                assertThat(enrich.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        }
    }

    private static String deadLetterReason(RaqibConfig config, String key) {
        List<ConsumerRecord<byte[], byte[]>> dead = KafkaTestClients.readUntil(config.bootstrapServers(), Topics.DLQ,
                r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key), 1, WAIT);
        assertThat(dead).as("DLQ record for %s", key).hasSize(1);
        assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.STAGE)).isEqualTo("enrich");
        assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.ARTICLES_RAW.name());
        return DlqHeaders.read(dead.get(0).headers(), DlqHeaders.ERROR_CLASS) + ": "
                + DlqHeaders.read(dead.get(0).headers(), DlqHeaders.ERROR_MESSAGE);
    }

    private static void createTopic(RaqibConfig config, String name, Map<String, String> configs) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(name, config.partitions(), config.replication()).configs(configs)))
                    .all().get();
        }
    }

    private static ArticleEnricher enricher() {
        return new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults());
    }

    private static Article article(String id, String body) {
        return new Article(id, "https://example.org/" + id, "example", "Ceasefire talks to resume " + id, body, null,
                null, null, null);
    }
}
