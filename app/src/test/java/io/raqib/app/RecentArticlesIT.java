package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.config.SinkSettings;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.sink.api.WatchApi;
import io.raqib.sink.watches.RecentArticles;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchRegistry;
import io.raqib.sink.watches.WatchStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/watches/test-recent} through the real HTTP server, over articles published to
 * {@code raqib.articles.enriched} on the embedded broker, with desk tokens.
 */
class RecentArticlesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TwoDesks DESKS = TwoDesks.create();
    private static final String WORD = "sorghum" + DESKS.run().replaceAll("[^a-z]", "");
    private static RaqibConfig config;
    private static WatchRegistry registry;
    private static WatchStore store;
    private static RecentArticles recent;
    private static HttpApi http;

    @BeforeAll
    static void start() throws Exception {
        config = SharedBroker.config("recent-articles");
        KafkaClients clients = new KafkaClients(config);
        SinkSettings settings = new SinkSettings(10, List.of());
        registry = new WatchRegistry(settings.watchLimits());
        store = new WatchStore(clients, registry, new WatchAdmission(settings));
        recent = new RecentArticles(clients, settings.watchLimits()).start();
        http = new HttpApi(DESKS.tokenEntries(), Metrics.registry(), List.of(
                new WatchApi(store, new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults())::enrich,
                        recent),
                new HealthEndpoints(List.of(() -> ServiceHealth.of("api", recent.health())))))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        recent.close();
        store.close();
        registry.close();
    }

    private static HttpResponse<String> testRecent(String token, String body) throws Exception {
        return TwoDesks.call(http.port(), token, "POST", "/api/watches/test-recent", body);
    }

    private static String draft(String query, String desk) {
        return "{\"watch\": {\"name\": \"draft\", \"query\": \"" + query + "\""
                + (desk == null ? "" : ", \"desk\": \"" + desk + "\"") + "}, \"limit\": 200}";
    }

    /** The answer for the desk-A draft on {@code WORD} once it has matched {@code matched} articles. */
    private static JsonNode awaitMatched(int matched) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> r = testRecent(DESKS.tokenA(), draft(WORD, null));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode json = TwoDesks.json(r);
            if (json.path("matched").asInt() >= matched || System.nanoTime() > deadline) {
                return json;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aDeskTestsItsDraftOnTheRecentArticlesNewestFirst() throws Exception {
        HttpResponse<String> ready = TwoDesks.call(http.port(), null, "GET", HealthEndpoints.READY, null);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            ready = TwoDesks.call(http.port(), null, "GET", HealthEndpoints.READY, null);
        }
        assertThat(ready.body()).contains("recent-articles");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        String older = "recent-older-" + DESKS.run();
        String newer = "recent-newer-" + DESKS.run();
        TwoDesks.publish(config, older, "Older harvest", "The " + WORD + " harvest was late this year.");
        assertThat(awaitMatched(1).path("matched").asInt()).isEqualTo(1);
        TwoDesks.publish(config, newer, "Newer harvest", "Prices of " + WORD + " rose again.");
        TwoDesks.publish(config, "recent-other-" + DESKS.run(), "Other news", "Nothing about grain at all.");
        JsonNode answer = awaitMatched(2);

        assertThat(answer.path("matched").asInt()).isEqualTo(2);
        assertThat(answer.path("tested").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(answer.path("partial").asBoolean()).isFalse();
        JsonNode matches = answer.path("matches");
        assertThat(matches).extracting(m -> m.path("articleId").asText()).containsExactly(newer, older);
        JsonNode first = matches.get(0);
        assertThat(first.path("title").asText()).isEqualTo("Newer harvest");
        assertThat(first.path("source").asText()).isEqualTo("example");
        assertThat(first.path("published").asText()).isNotEmpty();
        assertThat(first.path("highlights")).extracting(h -> h.path("text").asText()).contains(WORD);

        HttpResponse<String> limited = testRecent(DESKS.tokenA(), draft(WORD, null).replace("200", "1"));
        assertThat(TwoDesks.json(limited).path("tested").asInt()).as(limited.body()).isEqualTo(1);
    }

    @Test
    void theDraftIsValidatedAndKeptToTheCallersDesk() throws Exception {
        HttpResponse<String> foreign = testRecent(DESKS.tokenA(), draft(WORD, DESKS.deskB()));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(TwoDesks.json(foreign).path("field").asText()).isEqualTo("desk");

        HttpResponse<String> own = testRecent(DESKS.tokenA(), draft(WORD, DESKS.deskA()));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(testRecent(DESKS.admin(), draft(WORD, DESKS.deskB())).statusCode()).isEqualTo(200);

        HttpResponse<String> bad = testRecent(DESKS.tokenA(), draft(WORD + " AND (", null));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(TwoDesks.json(bad).path("field").asText()).isEqualTo("query");

        HttpResponse<String> noWatch = testRecent(DESKS.tokenA(), "{\"limit\": 5}");
        assertThat(noWatch.statusCode()).isEqualTo(400);
        assertThat(TwoDesks.json(noWatch).path("field").asText()).isEqualTo("watch");

        HttpResponse<String> zero = testRecent(DESKS.tokenA(), draft(WORD, null).replace("200", "0"));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(TwoDesks.json(zero).path("field").asText()).isEqualTo("limit");

        assertThat(testRecent("wrong-token", draft(WORD, null)).statusCode()).isEqualTo(401);
    }
}
