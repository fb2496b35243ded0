package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.IngestSettings;
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
import io.raqib.ingest.feed.FeedParser;
import io.raqib.ingest.net.AddressPolicy;
import io.raqib.ingest.poll.Backoff;
import io.raqib.ingest.poll.FeedFetcher;
import io.raqib.ingest.poll.FeedPoller;
import io.raqib.ingest.poll.FeedSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost when the broker is away: with no broker on the port, and with a broker that was
 * working and stopped, pushes are answered 503 (never 202) within the acknowledgement bound and feed polls fail
 * without keeping their validators; once a broker is back on the same port and data directory, the same request
 * and the next poll publish every article exactly once. Each test runs its own broker (it is stopped on purpose).
 */
class IngestOutageIT {

    private static final String TOKEN = "outage-token";
    private static final Duration ACK = Duration.ofSeconds(3);

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newBuilder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void pushesDuringAnOutageAre503AndTheSameRequestsArePublishedOnceWhenTheBrokerIsBack() throws Exception {
        int port = freePort();
        RaqibConfig config = config(port);
        String a = article("A");
        String abc = "[" + a + "," + article("B") + "," + article("C") + "]";
        var metrics = Metrics.registry();
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             HttpApi http = new HttpApi(List.of(TOKEN), metrics,
                     List.of(ArticlePushEndpoint.forPublisher(publisher, config, metrics))).start("127.0.0.1", 0)) {

            long started = System.nanoTime();
            HttpResponse<String> nothingListening = post(http, a);
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
            HttpResponse<String> firstAccepted;
            try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, port)) {
                TopicAdmin.ensureTopics(config);
                firstAccepted = post(http, a);
            }
            HttpResponse<String> brokerStopped = post(http, abc);
            HttpResponse<String> retried;
            List<ConsumerRecord<String, Article>> onTopic;
            try (EmbeddedBroker again = EmbeddedBroker.start(dataDir, port)) {
                retried = post(http, abc);
                onTopic = KafkaTestClients.readUntil(config.bootstrapServers(), Topics.ARTICLES_RAW,
                        r -> r.value().title().endsWith(run), 4, Duration.ofSeconds(5));
            }

            assertThat(nothingListening.statusCode()).as(nothingListening.body()).isEqualTo(503);
            assertThat(nothingListening.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(json(nothingListening).path("error").asText()).contains("did not acknowledge 1 of 1");
            assertThat(answeredIn).as("bounded by raqib.ingest.ack.timeout, not Kafka's 60–120 s")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(firstAccepted.statusCode()).as("not a duplicate: the failed send was forgotten")
                    .isEqualTo(202);
            String idA = json(firstAccepted).path("ids").get(0).asText();
            assertThat(brokerStopped.statusCode()).as(brokerStopped.body()).isEqualTo(503);
            assertThat(texts(json(brokerStopped).path("duplicates"))).containsExactly(idA);
            assertThat(json(brokerStopped).path("unacknowledged")).hasSize(2);
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
            assertThat(texts(json(retried).path("duplicates"))).containsExactly(idA);
            assertThat(texts(json(retried).path("ids")))
                    .containsExactlyElementsOf(texts(json(brokerStopped).path("unacknowledged")));
            assertThat(onTopic).extracting(r -> r.value().title()).containsExactlyInAnyOrder("A " + run, "B " + run,
                    "C " + run);
            assertThat(metrics.scrape()).contains("raqib_ingest_push_unavailable_total 2.0");
        }
    }

    @Test
    void aPollWhileTheBrokerIsDownKeepsNoValidatorsSoThePollAfterItPublishesTheItems() throws Exception {
        int port = freePort();
        RaqibConfig config = config(port);
        IngestMetrics metrics = new IngestMetrics(Metrics.registry());
        try (MockWebServer feedServer = new MockWebServer();
             ArticlePublisher publisher = new ArticlePublisher(config);
             FeedPoller poller = new FeedPoller(new FeedFetcher(Duration.ofSeconds(5), 1 << 20, 3,
                     AddressPolicy.allowing(IngestSettings.FEED_ALLOW, List.of("127.0.0.1"))),
                     new FeedParser(1 << 20), new ArticleIntake(new ArticleValidator(config.maxArticleBytes()),
                     new DuplicateFilter(100, 100), publisher, metrics, ACK), metrics,
                     new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random(3)), 1)) {
            feedServer.setDispatcher(conditionalFeed());
            feedServer.start(InetAddress.getByName("127.0.0.1"), 0);
            FeedSource feed = new FeedSource(feedServer.url("/rss").toString(), "outage", null, null);

            FeedPoller.PollResult down = poller.pollOnce(feed);
            FeedPoller.PollResult up;
            FeedPoller.PollResult unchanged;
            List<ConsumerRecord<String, Article>> onTopic;
            try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, port)) {
                TopicAdmin.ensureTopics(config);
                up = poller.pollOnce(feed);
                unchanged = poller.pollOnce(feed);
                onTopic = KafkaTestClients.readUntil(config.bootstrapServers(), Topics.ARTICLES_RAW,
                        r -> r.value().title().endsWith(run), 3, Duration.ofSeconds(5));
            }
            List<String> conditional = List.of(header(feedServer), header(feedServer), header(feedServer));

            assertThat(down.error()).contains("2 of 2 articles not published");
            assertThat(metrics.feedFailures("outage")).isEqualTo(1);
            assertThat(up.error()).isNull();
            assertThat(up.published()).isEqualTo(2);
            assertThat(unchanged.notModified()).isTrue();
            assertThat(conditional).as("If-None-Match of each poll: none stored while the broker was down")
                    .containsExactly("-", "-", "\"v1\"");
            assertThat(onTopic).extracting(r -> r.value().title())
                    .containsExactlyInAnyOrder("One " + run, "Two " + run);
        }
    }

    private RaqibConfig config(int port) {
        return RaqibConfig.load(null, Map.of(), Map.of(RaqibConfig.BOOTSTRAP_SERVERS, "127.0.0.1:" + port,
                IngestSettings.ACK_TIMEOUT, ACK.toString(), RaqibConfig.STATE_DIR, dataDir.resolve("state").toString()));
    }

    private Dispatcher conditionalFeed() {
        String rss = """
                <rss version="2.0"><channel><title>Desk</title>
                <item><title>One %1$s</title><link>https://desk.example/%1$s/1</link><description>1</description></item>
                <item><title>Two %1$s</title><link>https://desk.example/%1$s/2</link><description>2</description></item>
                </channel></rss>
                """.formatted(run);
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return "\"v1\"".equals(request.getHeader("If-None-Match")) ? new MockResponse().setResponseCode(304)
                        : new MockResponse().setBody(rss).setHeader("ETag", "\"v1\"");
            }
        };
    }

    private static String header(MockWebServer server) throws InterruptedException {
        String value = server.takeRequest().getHeader("If-None-Match");
        return value == null ? "-" : value;
    }

    private String article(String title) {
        return "{\"title\": \"" + title + " " + run + "\", \"body\": \"Body of " + title + ".\", \"source\": \"it\"}";
    }

    private HttpResponse<String> post(HttpApi http, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port()
                        + ArticlePushEndpoint.PATH)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return RaqibJson.mapper().readTree(r.body());
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
