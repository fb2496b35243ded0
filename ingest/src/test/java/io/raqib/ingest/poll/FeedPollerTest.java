package io.raqib.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Article;
import io.raqib.ingest.ArticleIntake;
import io.raqib.ingest.ArticleValidator;
import io.raqib.core.health.ComponentHealth;
import io.raqib.ingest.ControlledSender;
import io.raqib.ingest.DuplicateFilter;
import io.raqib.ingest.IngestMetrics;
import io.raqib.ingest.feed.FeedParser;
import io.raqib.ingest.net.AddressPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a real local HTTP server (okhttp MockWebServer). */
class FeedPollerTest {

    private static final String RSS = """
            <rss version="2.0"><channel><title>Desk</title><link>https://desk.example/</link>
            <item><title>One</title><link>https://desk.example/1</link><description>First story.</description></item>
            <item><title>Two</title><link>https://desk.example/2</link><description>Second story.</description></item>
            </channel></rss>
            """;

    private final MockWebServer server = new MockWebServer();
    private final ControlledSender broker = new ControlledSender();
    private final List<Article> published = broker.stored();
    /** The test servers listen on 127.0.0.1, which is loopback: allowed here as an operator would. */
    static final AddressPolicy LOCAL = AddressPolicy.allowing("raqib.feed.allow", List.of("127.0.0.1"));

    private final IngestMetrics metrics = IngestMetrics.inMemory();
    private FeedPoller poller;

    @BeforeEach
    void start() throws Exception {
        server.start();
        poller = poller(Duration.ofSeconds(2), 1 << 20);
    }

    @AfterEach
    void stop() throws Exception {
        poller.close();
        server.shutdown();
    }

    @Test
    void okFeedPublishesItsArticlesWithSourceAndLanguageHint() {
        server.enqueue(new MockResponse().setBody(RSS).setHeader("Content-Type", "application/rss+xml"));

        FeedPoller.PollResult result = poller.pollOnce(feed("/rss"));

        assertThat(result.error()).isNull();
        assertThat(result.published()).isEqualTo(2);
        assertThat(published).extracting(Article::title).containsExactly("One", "Two");
        assertThat(published).allSatisfy(a -> {
            assertThat(a.source()).isEqualTo("desk");
            assertThat(a.language()).isEqualTo("ar");
            assertThat(a.id()).hasSize(16);
        });
        assertThat(metrics.count("raqib.ingest.published", "desk")).isEqualTo(2);
    }

    @Test
    void etagIsSentBackAndNotModifiedPublishesNothing() throws Exception {
        server.enqueue(new MockResponse().setBody(RSS).setHeader("ETag", "\"v1\"")
                .setHeader("Last-Modified", "Wed, 28 May 2025 10:00:00 GMT"));
        server.enqueue(new MockResponse().setResponseCode(304));
        FeedSource feed = feed("/rss");

        poller.pollOnce(feed);
        FeedPoller.PollResult second = poller.pollOnce(feed);

        server.takeRequest();
        RecordedRequest conditional = server.takeRequest();
        assertThat(conditional.getHeader("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.getHeader("If-Modified-Since")).isEqualTo("Wed, 28 May 2025 10:00:00 GMT");
        assertThat(conditional.getHeader("User-Agent")).startsWith("Raqib/");
        assertThat(second.notModified()).isTrue();
        assertThat(second.published()).isZero();
        assertThat(published).hasSize(2);
    }

    @Test
    void unchangedFeedServedAgainYieldsDuplicatesNotNewArticles() {
        server.enqueue(new MockResponse().setBody(RSS));
        server.enqueue(new MockResponse().setBody(RSS));

        poller.pollOnce(feed("/rss"));
        FeedPoller.PollResult again = poller.pollOnce(feed("/rss"));

        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(published).hasSize(2);
    }

    @Test
    void serverErrorBacksOffExponentiallyAndIsCounted() {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(500));
        FeedSource feed = feed("/broken");

        FeedPoller.PollResult first = poller.pollOnce(feed);
        Duration afterOne = poller.nextDelay(feed, first);
        Duration afterTwo = poller.nextDelay(feed, poller.pollOnce(feed));

        assertThat(first.error()).isEqualTo("HTTP 500");
        assertThat(afterOne).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(afterTwo).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(metrics.feedFailures("desk")).isEqualTo(2);
        assertThat(poller.nextDelay(feed, new FeedPoller.PollResult(0, 0, 0, true, null))).isEqualTo(feed.interval());
    }

    @Test
    void slowServerTimesOut() {
        server.enqueue(new MockResponse().setBody(RSS).setHeadersDelay(5, TimeUnit.SECONDS));
        poller = poller(Duration.ofMillis(500), 1 << 20);

        long started = System.nanoTime();
        FeedPoller.PollResult result = poller.pollOnce(feed("/slow"));

        assertThat(result.error()).contains("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void slowBodyTimesOut() {
        server.enqueue(new MockResponse().setBody(RSS).throttleBody(10, 1, TimeUnit.SECONDS));
        poller = poller(Duration.ofMillis(500), 1 << 20);

        assertThat(poller.pollOnce(feed("/trickle")).error()).contains("timed out");
    }

    @Test
    void fiftyMegabyteBodyIsRefusedWhetherDeclaredOrStreamed() {
        Buffer big = new Buffer().write(new byte[50 << 20]);
        server.enqueue(new MockResponse().setBody(big.clone()));
        server.enqueue(new MockResponse().setChunkedBody(big, 1 << 20));
        poller = poller(Duration.ofSeconds(10), 10 << 20);

        assertThat(poller.pollOnce(feed("/huge")).error()).contains("over the limit");
        assertThat(poller.pollOnce(feed("/huge-chunked")).error()).contains("over the limit");
        assertThat(published).isEmpty();
    }

    @Test
    void redirectsAreFollowedButNotToOtherSchemes() {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/moved"));
        server.enqueue(new MockResponse().setBody(RSS));
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "file:///etc/passwd"));

        assertThat(poller.pollOnce(feed("/old")).published()).isEqualTo(2);
        assertThat(poller.pollOnce(feed("/evil")).error()).contains("non-http(s)");
    }

    @Test
    void aFailingFeedDoesNotStopTheOthers() throws Exception {
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getPath().equals("/ok") ? new MockResponse().setBody(RSS)
                        : new MockResponse().setResponseCode(503);
            }
        });

        poller.start(List.of(feed("/down"), feed("/ok")));

        awaitPublished(2);
        assertThat(published).hasSize(2);
    }

    @Test
    void feedsAddedToTheFollowedListArePolledAndRemovedOnesStop(@TempDir Path dir) throws Exception {
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setBody(RSS.replace("desk.example/", "desk.example" + request.getPath()
                        + "/").replace("story.", "story from " + request.getPath() + "."));
            }
        });
        FeedList list = new FeedList(dir.resolve("feeds.yaml"));
        list.add(feed("/a"));
        poller.start(list.read());
        poller.follow(list, Duration.ofMillis(100));

        list.add(feed("/b"));
        awaitPublished(4);
        list.remove(feed("/a").url());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (poller.feeds().size() != 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(published).extracting(Article::url).contains("https://desk.example/a/1", "https://desk.example/b/1");
        assertThat(poller.feeds()).extracting(FeedSource::url).containsExactly(feed("/b").url());
    }

    @Test
    void aPollWhoseArticlesKafkaDidNotAcknowledgeFailsKeepsNoValidatorsAndTheNextPublishesThem() throws Exception {
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return "\"v1\"".equals(request.getHeader("If-None-Match")) ? new MockResponse().setResponseCode(304)
                        : new MockResponse().setBody(RSS).setHeader("ETag", "\"v1\"");
            }
        });
        FeedSource feed = feed("/rss");
        broker.mode(ControlledSender.Mode.REFUSE);

        FeedPoller.PollResult down = poller.pollOnce(feed);
        Duration retryIn = poller.nextDelay(feed, down);
        broker.mode(ControlledSender.Mode.ACKNOWLEDGE);
        FeedPoller.PollResult up = poller.pollOnce(feed);
        FeedPoller.PollResult unchanged = poller.pollOnce(feed);

        assertThat(down.error()).contains("2 of 2 articles not published").contains("broker unreachable");
        assertThat(retryIn).as("backoff, not the 5 minute interval").isLessThan(Duration.ofSeconds(2));
        assertThat(metrics.feedFailures("desk")).isEqualTo(1);
        assertThat(server.takeRequest().getHeader("If-None-Match")).isNull();
        assertThat(server.takeRequest().getHeader("If-None-Match")).as("validators of the failed poll not kept")
                .isNull();
        assertThat(up.error()).isNull();
        assertThat(up.published()).isEqualTo(2);
        assertThat(server.takeRequest().getHeader("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(unchanged.notModified()).isTrue();
        assertThat(published).extracting(Article::title).containsExactly("One", "Two");
    }

    @Test
    void anErrorEscapingAPollKillsPollingAndShowsInItsHealth() throws Exception {
        server.enqueue(new MockResponse().setBody(RSS).setHeader("Content-Type", "application/rss+xml"));
        try (FeedPoller dying = poller(Duration.ofSeconds(2), 1 << 20, article -> {
            throw new OutOfMemoryError("simulated: heap exhausted while publishing");
        })) {
            assertThat(dying.health().status()).isEqualTo(ComponentHealth.Status.UP);

            dying.start(List.of(feed("/rss")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (dying.failure() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(dying.failure()).isInstanceOf(OutOfMemoryError.class);
            assertThat(dying.health().status()).isEqualTo(ComponentHealth.Status.DOWN);
            assertThat(dying.health().detail()).contains("heap exhausted while publishing");
        }
    }

    private void awaitPublished(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (published.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private FeedPoller poller(Duration timeout, int maxBytes) {
        return poller(timeout, maxBytes, broker);
    }

    private FeedPoller poller(Duration timeout, int maxBytes, ArticleIntake.Sender sender) {
        ArticleIntake intake = new ArticleIntake(new ArticleValidator(1 << 20), new DuplicateFilter(1000, 1000),
                sender, metrics, Duration.ofSeconds(2));
        return new FeedPoller(new FeedFetcher(timeout, maxBytes, 3, LOCAL), new FeedParser(maxBytes), intake, metrics,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random(7)), 2);
    }

    private FeedSource feed(String path) {
        return new FeedSource(server.url(path).toString(), "desk", "ar", Duration.ofMinutes(5));
    }
}
