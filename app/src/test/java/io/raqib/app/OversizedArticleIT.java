package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.ingest.ArticlePublisher;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import io.raqib.ingest.IngestSummary;
import io.raqib.ingest.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article within raqib.max.article.bytes whose JSON is over the record limit (a control character is one byte
 * of text and six of JSON) is rejected by name, file and line, and the articles beside it are published: one
 * record does not fail the run.
 */
class OversizedArticleIT {

    @Test
    void anArticleKafkaRefusesAsTooLargeIsRejectedAndTheOthersArePublished(@TempDir Path dir) throws Exception {
        RaqibConfig shared = SharedBroker.config("oversized");
        RaqibConfig config = RaqibConfig.load(null, Map.of(), Map.of(
                RaqibConfig.BOOTSTRAP_SERVERS, shared.bootstrapServers(),
                RaqibConfig.MAX_RECORD_BYTES, Integer.toString(3 * shared.maxArticleBytes())));
        String run = UUID.randomUUID().toString();
        String controls = "\\u0001".repeat(600_000);
        Files.writeString(dir.resolve("articles.jsonl"), "{\"title\": \"Before " + run + "\", \"body\": \"b\"}\n"
                + "{\"title\": \"Huge " + run + "\", \"body\": \"" + controls + "\"}\n"
                + "{\"title\": \"After " + run + "\", \"body\": \"a\"}\n", StandardCharsets.UTF_8);

        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            summary = FileIngestor.toKafka(publisher, new ArticleValidator(config.maxArticleBytes()), List.of(dir),
                    Set.of());
        }
        List<ConsumerRecord<String, Article>> onTopic = KafkaTestClients.readUntil(config.bootstrapServers(),
                Topics.ARTICLES_RAW, r -> r.value().title().endsWith(run), 3, Duration.ofSeconds(5));

        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.rejected()).singleElement().extracting(InputException::getMessage).asString()
                .contains("articles.jsonl:2: Kafka refused the article").contains("larger than");
        assertThat(onTopic).extracting(r -> r.value().title()).containsExactlyInAnyOrder("Before " + run,
                "After " + run);
    }
}
