package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Scale-out the Kafka way: two enrich instances with one application id share the raw partitions, every article
 * comes out enriched exactly once (exactly_once_v2), and a copy is still recognised whichever instance analyzed it.
 */
class EnrichScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void twoInstancesShareTheWorkAndEachArticleIsEnrichedOnce() throws Exception {
        RaqibConfig first = SharedBroker.config("scale");
        RaqibConfig second = SharedBroker.secondInstance(first);
        LanguageDetector languages = new LanguageDetector();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            articles.add(new Article("scale-" + run + "-" + i, "https://example.org/" + run + "/" + i, "example",
                    "Report " + i + " on wheat harvests in region " + i + " " + run,
                    "Farmers in region " + i + " said the harvest number " + i + " was " + (i % 2 == 0 ? "poor" : "good")
                            + " this season, according to officials quoted in report " + i + ".", null, null, null,
                    null));
        }
        Article original = articles.get(0);
        Article copy = new Article("scale-" + run + "-copy", "https://other.example/" + run, "other",
                original.title(), original.body(), null, null, null, null);

        try (EnrichService a = new EnrichService(first, new ArticleEnricher(languages, first.enrich()));
             EnrichService b = new EnrichService(second, new ArticleEnricher(languages, second.enrich()))) {
            a.start();
            b.start();
            assertThat(a.streams().awaitRunning(WAIT)).isTrue();
            assertThat(b.streams().awaitRunning(WAIT)).isTrue();
            await().atMost(WAIT).until(() -> a.streams().activeTasks() > 0 && b.streams().activeTasks() > 0);

            for (Article article : articles) {
                KafkaTestClients.send(first.bootstrapServers(), Topics.ARTICLES_RAW, article.id(), article);
            }
            KafkaTestClients.readUntil(first.bootstrapServers(), Topics.ARTICLES_ENRICHED,
                    r -> original.id().equals(r.key()), 1, WAIT);
            KafkaTestClients.send(first.bootstrapServers(), Topics.ARTICLES_RAW, copy.id(), copy);

            Set<String> ids = articles.stream().map(Article::id).collect(Collectors.toSet());
            ids.add(copy.id());
            KafkaTestClients.readUntil(first.bootstrapServers(), Topics.ARTICLES_ENRICHED,
                    r -> ids.contains(r.key()), ids.size(), WAIT);
            // Then look for one record more than expected: a second copy of any article would show up here.
            List<ConsumerRecord<String, EnrichedArticle>> out = KafkaTestClients.readUntil(first.bootstrapServers(),
                    Topics.ARTICLES_ENRICHED, r -> ids.contains(r.key()), ids.size() + 1, Duration.ofSeconds(5));

            assertThat(out).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(ids.size());
            Map<String, EnrichedArticle> byId = out.stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
            assertThat(byId.get(copy.id()).duplicateOf()).isEqualTo(original.id());
            assertThat(byId.values()).filteredOn(e -> e.duplicateOf() != null).hasSize(1);
            assertThat(a.streams().activeTasks() + b.streams().activeTasks()).as("tasks of both sub-topologies")
                    .isGreaterThanOrEqualTo(first.partitions() + 1);
        }
    }
}
