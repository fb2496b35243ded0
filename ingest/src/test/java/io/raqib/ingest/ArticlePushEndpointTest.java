package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/articles} on a real Javalin server (port 0). Authentication is tested in app. */
class ArticlePushEndpointTest {

    private final ControlledSender broker = new ControlledSender();
    private final List<Article> published = broker.stored();
    private final IngestMetrics metrics = IngestMetrics.inMemory();
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin server;

    @BeforeEach
    void start() {
        ArticleIntake intake = new ArticleIntake(new ArticleValidator(10_000), new DuplicateFilter(100, 100),
                broker, metrics, Duration.ofMillis(500));
        ArticlePushEndpoint endpoint = new ArticlePushEndpoint(intake, 20_000);
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            endpoint.accept(config.routes);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void oneRaqibArticleIsAcceptedWithItsId() throws Exception {
        HttpResponse<String> r = post("application/json", """
                {"url": "https://news.example/a?fbclid=x", "title": "T", "body": "B", "source": "wire"}
                """);

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = json(r);
        assertThat(body.path("ids")).hasSize(1);
        assertThat(body.path("ids").get(0).asText()).isEqualTo(published.get(0).id())
                .isEqualTo(ArticleIds.assign(published.get(0).withId(null)).id());
        assertThat(published.get(0).source()).isEqualTo("wire");
    }

    @Test
    void arrayOfNinjsIsAcceptedAndARepeatIsReportedAsDuplicate() throws Exception {
        String ninjs = """
                [{"uri": "https://wire.example/1", "headline": "Quake", "body_text": "A quake struck.",
                  "language": "en", "versioncreated": "2025-03-01T10:00:00Z", "byline": "Desk",
                  "subject": [{"name": "disaster"}]},
                 {"uri": "urn:newsml:2", "headlines": [{"value": "Flood"}],
                  "bodies": [{"contenttype": "text/html", "value": "<p>Water rose.</p>"}]}]
                """;

        HttpResponse<String> first = post("application/json; charset=utf-8", ninjs);
        HttpResponse<String> again = post("application/json", ninjs);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).path("accepted").asInt()).isEqualTo(2);
        assertThat(json(again).path("accepted").asInt()).isZero();
        assertThat(json(again).path("duplicates")).hasSize(2);
        assertThat(published).extracting(Article::title).containsExactly("Quake", "Flood");
        assertThat(published.get(0).author()).isEqualTo("Desk");
        assertThat(published.get(0).categories()).containsExactly("disaster");
        assertThat(published.get(1).body()).isEqualTo("Water rose.");
    }

    @Test
    void seedTextAndFeedXmlAreAccepted() throws Exception {
        HttpResponse<String> text = post("text/plain; charset=utf-8", "عنوان الخبر\n\nنص الخبر.");
        HttpResponse<String> rss = post("application/rss+xml", """
                <rss version="2.0"><channel><title>x</title>
                <item><title>From feed</title><link>https://f.example/1</link><description>d</description></item>
                </channel></rss>
                """);

        assertThat(text.statusCode()).isEqualTo(202);
        assertThat(rss.statusCode()).isEqualTo(202);
        assertThat(published).extracting(Article::title).containsExactly("عنوان الخبر", "From feed");
    }

    @Test
    void badArticleInABatchNamesTheFieldAndPublishesNothing() throws Exception {
        HttpResponse<String> r = post("application/json", """
                [{"title": "fine", "body": "x"}, {"title": "", "body": ""}]
                """);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("[1].body");
        assertThat(json(r).path("error").asText()).contains("neither title nor body");
        assertThat(published).isEmpty();
    }

    @Test
    void wrongTypedFieldAndBadUrlAreNamed() throws Exception {
        assertThat(json(post("application/json", "{\"title\": \"t\", \"published\": \"soon\"}"))
                .path("field").asText()).isEqualTo("published");
        HttpResponse<String> url = post("application/json", "{\"title\": \"t\", \"url\": \"javascript:alert(1)\"}");
        assertThat(url.statusCode()).isEqualTo(400);
        assertThat(json(url).path("field").asText()).isEqualTo("url");
    }

    @Test
    void invalidJsonXxeFeedTooLargeAndUnsupportedTypeAreRefused() throws Exception {
        HttpResponse<String> broken = post("application/json", "{\"title\": ");
        HttpResponse<String> xxe = post("application/xml",
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
        HttpResponse<String> large = post("application/json", "{\"title\": \"" + "x".repeat(30_000) + "\"}");
        HttpResponse<String> pdf = post("application/pdf", "%PDF-1.4");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).path("error").asText()).startsWith("invalid JSON");
        assertThat(xxe.statusCode()).isEqualTo(400);
        assertThat(json(xxe).path("error").asText()).contains("declares entities");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(json(large).path("field").asText()).isEqualTo("body");
        assertThat(pdf.statusCode()).isEqualTo(415);
        assertThat(json(pdf).path("field").asText()).isEqualTo("Content-Type");
        assertThat(published).isEmpty();
    }

    @Test
    void whenKafkaDoesNotAcknowledgeTheAnswerIs503WithRetryAfterAndTheRetryIsPublished() throws Exception {
        String batch = "[{\"title\": \"A\", \"body\": \"a\"}, {\"title\": \"B\", \"body\": \"b\"}]";
        broker.mode(ControlledSender.Mode.REFUSE);

        HttpResponse<String> down = post("application/json", batch);
        broker.mode(ControlledSender.Mode.ACKNOWLEDGE);
        HttpResponse<String> retry = post("application/json", batch);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode reason = json(down);
        assertThat(reason.path("status").asInt()).isEqualTo(503);
        assertThat(reason.path("field").asText()).isEqualTo("body");
        assertThat(reason.path("error").asText()).contains("did not acknowledge 2 of 2").contains("broker unreachable")
                .contains("send the whole request again");
        assertThat(reason.path("unacknowledged")).hasSize(2);
        assertThat(reason.path("ids")).isEmpty();
        assertThat(retry.statusCode()).as("not called a duplicate after the outage").isEqualTo(202);
        assertThat(json(retry).path("ids")).hasSize(2);
        assertThat(json(retry).path("duplicates")).isEmpty();
        assertThat(published).extracting(Article::title).containsExactly("A", "B");
        assertThat(metrics.registry().get("raqib.ingest.push.unavailable").counter().count()).isEqualTo(1);
    }

    @Test
    void articlesAcknowledgedBeforeAFailureAreReportedAsDuplicatesOnTheRetry() throws Exception {
        HttpResponse<String> first = post("application/json", "{\"title\": \"A\", \"body\": \"a\"}");
        String batch = "[{\"title\": \"A\", \"body\": \"a\"}, {\"title\": \"B\", \"body\": \"b\"}]";
        broker.mode(ControlledSender.Mode.REFUSE);
        HttpResponse<String> down = post("application/json", batch);
        broker.mode(ControlledSender.Mode.ACKNOWLEDGE);
        HttpResponse<String> retry = post("application/json", batch);

        String a = json(first).path("ids").get(0).asText();
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).path("duplicates")).extracting(JsonNode::asText).containsExactly(a);
        assertThat(json(down).path("unacknowledged")).hasSize(1);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).path("duplicates")).extracting(JsonNode::asText).containsExactly(a);
        assertThat(json(retry).path("ids")).extracting(JsonNode::asText)
                .containsExactly(json(down).path("unacknowledged").get(0).asText());
        assertThat(published).extracting(Article::title).containsExactly("A", "B");
    }

    @Test
    void anAcknowledgementAfterThe503CountsSoTheRetryIsADuplicateNotASecondCopy() throws Exception {
        String article = "{\"title\": \"Slow\", \"body\": \"s\"}";
        broker.mode(ControlledSender.Mode.HOLD);

        HttpResponse<String> slow = post("application/json", article);
        broker.releaseHeld();
        broker.mode(ControlledSender.Mode.ACKNOWLEDGE);
        HttpResponse<String> retry = post("application/json", article);

        assertThat(slow.statusCode()).isEqualTo(503);
        assertThat(json(slow).path("error").asText()).contains("within");
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).path("duplicates")).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void anArticleKafkaRefusesForItselfIsA422NamingItWhileTheOthersAreStored() throws Exception {
        HttpResponse<String> first = post("application/json", "{\"title\": \"A\", \"body\": \"a\"}");
        broker.mode(ControlledSender.Mode.REJECT);
        HttpResponse<String> refused = post("application/json",
                "[{\"title\": \"A\", \"body\": \"a\"}, {\"title\": \"Huge\", \"body\": \"h\"}]");

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode reason = json(refused);
        assertThat(reason.path("field").asText()).isEqualTo("[1]");
        assertThat(reason.path("error").asText()).startsWith("Kafka refused the article: too large");
        assertThat(reason.path("rejected")).hasSize(1);
        assertThat(reason.path("duplicates")).extracting(JsonNode::asText)
                .containsExactly(json(first).path("ids").get(0).asText());
        assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
        assertThat(metrics.count("raqib.ingest.rejected", "http-push")).isEqualTo(1);
    }

    @Test
    void categoriesGivenAsObjectsAreA400NamingTheFieldNotAServerError() throws Exception {
        HttpResponse<String> r = post("application/json", "{\"title\": \"t\", \"categories\": [{\"name\": \"x\"}]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo("categories");
    }

    @Test
    void jsonBeyondJacksonsLimitsIsA400WithJacksonsReasonNotAServerError() throws Exception {
        HttpResponse<String> deep = post("application/json", "[".repeat(1001) + "]".repeat(1001));
        HttpResponse<String> longNumber = post("application/json", "{\"title\": " + "9".repeat(1001) + "}");

        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(json(deep).path("error").asText()).startsWith("invalid JSON").contains("nesting depth");
        assertThat(longNumber.statusCode()).isEqualTo(400);
        assertThat(json(longNumber).path("field").asText()).isEqualTo("body");
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/articles"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return RaqibJson.mapper().readTree(r.body());
    }
}
