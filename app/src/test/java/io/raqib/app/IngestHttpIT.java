package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.ingest.ArticleIntake;
import io.raqib.ingest.ArticlePublisher;
import io.raqib.ingest.ArticlePushEndpoint;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.DuplicateFilter;
import io.raqib.ingest.IngestMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code POST /api/articles} mounted on the app's HTTP server, publishing to the embedded broker. */
class IngestHttpIT {

    private static final String TOKEN = "push-token";
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void pushedArticleReachesTheRawTopicOnlyWithAToken() throws Exception {
        RaqibConfig config = SharedBroker.config("push");
        var metrics = Metrics.registry();
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             HttpApi http = new HttpApi(List.of(TOKEN), metrics, List.of(new ArticlePushEndpoint(
                     new ArticleIntake(new ArticleValidator(config.maxArticleBytes()), new DuplicateFilter(100, 100),
                             publisher, new IngestMetrics(metrics), config.ingest().ackTimeout()), 1_000_000)))
                     .start("127.0.0.1", 0)) {
            String title = "Pushed " + UUID.randomUUID();
            String article = "{\"title\": \"" + title + "\", \"body\": \"text\", \"source\": \"it\"}";

            HttpResponse<String> anonymous = post(http, article, null, "application/json");
            HttpResponse<String> accepted = post(http, article, TOKEN, "application/json");
            HttpResponse<String> tooLarge = post(http, "{\"title\": \"" + "x".repeat(1_100_000) + "\"}", TOKEN,
                    "application/json");

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(json(tooLarge).path("status").asInt()).isEqualTo(413);
            String id = json(accepted).path("ids").get(0).asText();
            List<ConsumerRecord<String, Article>> records = KafkaTestClients.readUntil(config.bootstrapServers(),
                    Topics.ARTICLES_RAW, r -> r.key().equals(id), 1, Duration.ofSeconds(20));
            assertThat(records).singleElement().satisfies(r -> assertThat(r.value().title()).isEqualTo(title));
            assertThat(metrics.scrape()).contains("raqib_ingest_published_total{source=\"it\"} 1.0");
        }
    }

    @Test
    void aPushLimitAboveJavalinsDefaultIsHonouredByTheServer() throws Exception {
        RaqibConfig config = SharedBroker.config("push-big");
        var metrics = Metrics.registry();
        int limit = 3_000_000;
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             HttpApi http = new HttpApi(List.of(TOKEN), metrics, List.of(new ArticlePushEndpoint(
                     new ArticleIntake(new ArticleValidator(config.maxArticleBytes()), new DuplicateFilter(100, 100),
                             publisher, new IngestMetrics(metrics), config.ingest().ackTimeout()), limit)), limit)
                     .start("127.0.0.1", 0)) {
            String run = UUID.randomUUID().toString();
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 300; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"title\": \"Batch ").append(run).append(' ').append(i)
                        .append("\", \"body\": \"").append("word ".repeat(1_000)).append("\", \"source\": \"it\"}");
            }
            String body = batch.append(']').toString();

            HttpResponse<String> accepted = post(http, body, TOKEN, "application/json");

            assertThat(body.length()).isGreaterThan(1_400_000);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(json(accepted).path("ids")).hasSize(300);
        }
    }

    private HttpResponse<String> post(HttpApi http, String body, String token, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + http.port() + ArticlePushEndpoint.PATH))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return RaqibJson.mapper().readTree(r.body());
    }
}
