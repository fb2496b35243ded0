package io.raqib.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.ingest.ArticleIntake;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.DuplicateFilter;
import io.raqib.ingest.IngestMetrics;
import io.raqib.ingest.feed.FeedParser;
import io.raqib.ingest.net.AddressPolicy;
import io.raqib.ingest.net.PolicyDns;
import io.raqib.ingest.net.RefusedAddressException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import okhttp3.Dns;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feed fetches never reach an address the allow-list does not permit, whether named by the feed, by a redirect,
 * by a host name resolving to it, or written as a number OkHttp connects to without a lookup. An allowed server
 * listens on 127.0.0.1, the internal one on 127.0.0.2 (Linux routes all of 127/8 to the loopback interface).
 */
class FeedAddressTest {

    private static final String RSS = """
            <rss version="2.0"><channel><title>Internal</title>
            <item><title>Secret</title><link>https://intranet.example/1</link><description>x</description></item>
            </channel></rss>
            """;

    private final MockWebServer allowed = new MockWebServer();
    private final MockWebServer internal = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        allowed.start(InetAddress.getByName("127.0.0.1"), 0);
        internal.start(InetAddress.getByName("127.0.0.2"), 0);
        internal.enqueue(new MockResponse().setBody(RSS));
    }

    @AfterEach
    void stop() throws Exception {
        allowed.shutdown();
        internal.shutdown();
    }

    @Test
    void aRedirectFromAnAllowedServerToAnotherLoopbackAddressIsRefusedAndThatServerGetsNothing() {
        String target = "http://127.0.0.2:" + internal.getPort() + "/feed";
        allowed.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", target));

        assertThatThrownBy(() -> fetch(FeedPollerTest.LOCAL, Dns.SYSTEM, "/rss"))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessage("feed redirected to " + target + ": address 127.0.0.2 is loopback; allow it in "
                        + "raqib.feed.allow");
        assertThat(internal.getRequestCount()).isZero();
    }

    @Test
    void theSameRedirectIsFollowedWhenTheOperatorAllowsTheAddress() throws Exception {
        allowed.enqueue(new MockResponse().setResponseCode(302)
                .setHeader("Location", "http://127.0.0.2:" + internal.getPort() + "/feed"));

        FeedFetcher.Response response = fetch(policy("127.0.0.1", "127.0.0.0/30"), Dns.SYSTEM, "/rss");

        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Secret");
        assertThat(internal.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aHostNameIsJudgedByTheAddressItResolvesToWhenConnecting() throws Exception {
        Dns resolver = host -> host.equals("intranet.test") ? List.of(InetAddress.getByName("127.0.0.2"))
                : Dns.SYSTEM.lookup(host);
        String target = "http://intranet.test:" + internal.getPort() + "/feed";
        allowed.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", target));
        allowed.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", target));

        assertThatThrownBy(() -> fetch(FeedPollerTest.LOCAL, resolver, "/rss"))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("address 127.0.0.2 (intranet.test) is loopback");
        assertThat(internal.getRequestCount()).isZero();
        assertThat(fetch(policy("127.0.0.1", "intranet.test"), resolver, "/rss").body()).isNotEmpty();
        assertThat(internal.getRequestCount()).as("allowed by name").isEqualTo(1);
    }

    @Test
    void addressesWrittenAsNumbersAreCheckedThoughOkHttpResolvesNothingForThem() {
        AddressPolicy publicOnly = policy();
        int port = allowed.getPort();

        for (String host : List.of("127.0.0.1", "2130706433", "[::ffff:127.0.0.1]")) {
            assertThatThrownBy(() -> fetcher(publicOnly, Dns.SYSTEM).fetch("http://" + host + ":" + port + "/",
                    FeedFetcher.Validators.NONE)).as(host).isInstanceOf(RefusedAddressException.class)
                    .hasMessageContaining("feed address 127.0.0.1").hasMessageContaining("is loopback");
        }
        assertThat(allowed.getRequestCount()).isZero();
    }

    @Test
    void aRefusedFeedIsAFailedPollCountedAsRefused() {
        IngestMetrics metrics = IngestMetrics.inMemory();
        ArticleIntake intake = new ArticleIntake(new ArticleValidator(1 << 20), new DuplicateFilter(10, 10),
                ArticleIntake.Sender.of(a -> { }), metrics, Duration.ofSeconds(1));
        FeedSource feed = new FeedSource("http://127.0.0.2:" + internal.getPort() + "/feed", "intranet", null, null);
        try (FeedPoller poller = new FeedPoller(fetcher(FeedPollerTest.LOCAL, Dns.SYSTEM), new FeedParser(1 << 20),
                intake, metrics, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random(1)), 1)) {

            FeedPoller.PollResult result = poller.pollOnce(feed);

            assertThat(result.error()).isEqualTo("feed address 127.0.0.2 is loopback; allow it in raqib.feed.allow");
            assertThat(metrics.feedFailures("intranet")).isEqualTo(1);
            assertThat(metrics.registry().get("raqib.ingest.feed.refused").tag("feed", "intranet").counter().count())
                    .isEqualTo(1);
        }
        assertThat(internal.getRequestCount()).isZero();
    }

    private FeedFetcher.Response fetch(AddressPolicy policy, Dns resolver, String path) throws Exception {
        return fetcher(policy, resolver).fetch(allowed.url(path).toString(), FeedFetcher.Validators.NONE);
    }

    private static FeedFetcher fetcher(AddressPolicy policy, Dns resolver) {
        return new FeedFetcher(Duration.ofSeconds(5), 1 << 20, 3, new PolicyDns(policy, resolver));
    }

    private static AddressPolicy policy(String... allow) {
        return AddressPolicy.allowing("raqib.feed.allow", List.of(allow));
    }
}
