package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.config.IngestSettings;
import io.raqib.core.corpus.ZippedArticleArrays;
import io.raqib.core.model.Article;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target (Jazzer) for the article parsers behind {@code POST /api/articles}, on a real Javalin server:
 * {@link ArticleJson} (Raqib articles, ninjs, SaudiNewsNet objects and arrays) for {@code application/json} and
 * {@link SeedTextParser} for {@code text/plain}. Each input is posted as both; every answer is 202 with the ids
 * of the articles published, or 4xx with the JSON reason {@code {"status","error","field"}}, never a 5xx.
 * {@code mvn verify} replays the inputs in {@code ArticlePushFuzzTestInputs/post}, and, when {@code ../shared} is
 * there, real SaudiNewsNet articles as seeds (one by one and as an array), read from the corpus rather than copied.
 */
class ArticlePushFuzzTest {

    private static final int MAX_BODY_BYTES = 64 << 10;
    private static final int SEED_ARTICLES = 3;
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

    @MethodSource("saudiNewsNetArticles")
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

    /** The first articles of the first SaudiNewsNet day, each alone and together; none without the corpus. */
    static Stream<byte[]> saudiNewsNetArticles() throws IOException {
        Path corpus = SharedCorpus.find("saudinewsnet").orElse(null);
        if (corpus == null) {
            return Stream.empty();
        }
        List<byte[]> seeds = new ArrayList<>();
        ArrayNode together = RaqibJson.mapper().createArrayNode();
        ZippedArticleArrays.read(corpus, article -> {
            together.add(article);
            return together.size() < SEED_ARTICLES;
        });
        for (JsonNode article : together) {
            seeds.add(RaqibJson.mapper().writeValueAsBytes(article));
        }
        seeds.add(RaqibJson.mapper().writeValueAsBytes(together));
        return seeds.stream().filter(b -> b.length <= MAX_BODY_BYTES);
    }
}
