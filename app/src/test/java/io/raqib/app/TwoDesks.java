package io.raqib.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.sink.api.ApiCaller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Two desks and an operator, with tokens unique to one test class, and the calls the desk tests make through the
 * real HTTP server.
 */
record TwoDesks(String run, String deskA, String deskB, String admin, String tokenA, String tokenB) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Desks and tokens named after a fresh run id, so tests on the shared broker never meet. */
    static TwoDesks create() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return new TwoDesks(run, "levant-" + run, "gulf-" + run, "operator-token-" + run, "levant-token-" + run,
                "gulf-token-" + run);
    }

    /** The {@code raqib.api.tokens} entries of the operator and both desks. */
    List<String> tokenEntries() {
        return List.of(ApiTokens.entryFor(ApiCaller.ADMIN, admin), ApiTokens.entryFor(ApiCaller.ofDesk(deskA), tokenA),
                ApiTokens.entryFor(ApiCaller.ofDesk(deskB), tokenB));
    }

    /** A JSON request to the server on {@code port}, with {@code token} as bearer (none when null). */
    static HttpResponse<String> call(int port, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response's body as JSON. */
    static JsonNode json(HttpResponse<String> response) throws Exception {
        return RaqibJson.mapper().readTree(response.body());
    }

    /** Publishes an English enriched article whose clean body is {@code body}, as enrich would. */
    static void publish(RaqibConfig config, String id, String title, String body) throws Exception {
        KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_ENRICHED, id, new EnrichedArticle(id,
                "https://example.org/" + id, "example", title, body, null, "en", Instant.now(), Instant.now(), body,
                List.of(), List.of(), null, id));
    }
}
