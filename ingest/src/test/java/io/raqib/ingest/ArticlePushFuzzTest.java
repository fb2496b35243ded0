package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.config.IngestSettings;
import io.raqib.core.model.Article;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target (Jazzer) for the article parsers behind {@code POST /api/articles}, on a real Javalin server:
 * {@link ArticleJson} (Raqib articles, ninjs, SaudiNewsNet objects and arrays) for {@code application/json} and
 * {@link SeedTextParser} for {@code text/plain}. Each input is posted as both; every answer is 202 with the ids
 * of the articles published, or 4xx with the JSON reason {@code {"status","error","field"}}, never a 5xx.
 * {@code mvn verify} replays the inputs in {@code ArticlePushFuzzTestInputs/post}.
 */
class ArticlePushFuzzTest {

    private static final int MAX_BODY_BYTES = 64 << 10;
    private static final List<Article> PUBLISHED = new CopyOnWriteArrayList<>();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Javalin server;

    @BeforeAll
    static void start() {
        ArticleIntake intake = new ArticleIntake(new ArticleValidator(MAX_BODY_BYTES), new DuplicateFilter(100, 100),
                ArticleIntake.Sender.of(PUBLISHED::add), IngestMetrics.inMemory(), IngestSettings.DEFAULT_ACK_TIMEOUT);
        ArticlePushEndpoint endpoint = new ArticlePushEndpoint(intake, MAX_BODY_BYTES);
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            endpoint.accept(config.routes);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @FuzzTest
    void post(byte[] body) throws IOException, InterruptedException {
        for (String contentType : List.of("application/json", "text/plain; charset=utf-8")) {
            PUBLISHED.clear();
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + ArticlePushEndpoint.PATH))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());

            int status = response.statusCode();
            assertThat(status).as("%s answer: %s", contentType, response.body()).isIn(202, 400, 413, 415);
            JsonNode answer = RaqibJson.mapper().readTree(response.body());
            assertThat(answer.path("status").asInt()).isEqualTo(status);
            if (status == 202) {
                assertThat(answer.path("ids")).hasSize(PUBLISHED.size());
            } else {
                assertThat(answer.path("error").asText()).isNotBlank();
                assertThat(answer.path("field").isTextual()).as("field in %s", answer).isTrue();
            }
        }
    }
}
