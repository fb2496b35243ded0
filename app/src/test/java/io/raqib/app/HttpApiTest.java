package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.json.RaqibJson;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.api.ApiCaller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared HTTP server on a real port: token checks, JSON errors, health and metrics. */
class HttpApiTest {

    private static final String TOKEN = "s3cret-token";
    private static final String HASHED_ADMIN_TOKEN = "hashed-admin-token";
    private static final String DESK_TOKEN = "levant-desk-token";
    private static HttpApi api;
    private static final AtomicReference<ComponentHealth> PART =
            new AtomicReference<>(ComponentHealth.starting("part", "joining"));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        api = new HttpApi(List.of(TOKEN, ApiTokens.entryFor(ApiCaller.ADMIN, HASHED_ADMIN_TOKEN),
                ApiTokens.entryFor(ApiCaller.ofDesk("levant"), DESK_TOKEN)), Metrics.registry(), List.of(
                routes -> routes.get("/api/echo", ctx -> ctx.json(List.of("ok"))),
                routes -> routes.get("/api/watches/caller", ctx -> ctx.json(ApiCaller.of(ctx))),
                routes -> routes.get(AlertConsole.STREAM, ctx -> ctx.result("stream")),
                new HealthEndpoints(List.of(() -> ServiceHealth.of("svc", ComponentHealth.up("other", "fine"),
                        PART.get())))))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void apiWithoutTokenIsRefusedWithAJsonReason() throws Exception {
        HttpResponse<String> response = get("/api/echo", null);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = RaqibJson.mapper().readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("error").asText()).contains("missing bearer token");
    }

    @Test
    void apiWithAWrongTokenIsRefused() throws Exception {
        HttpResponse<String> response = get("/api/echo", "guess");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RaqibJson.mapper().readTree(response.body()).path("error").asText()).isEqualTo("invalid token");
    }

    @Test
    void apiWithTheTokenAnswers() throws Exception {
        HttpResponse<String> response = get("/api/echo", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[\"ok\"]");
    }

    @Test
    void aTokenInTheUrlIsOnlyTakenOnTheEventStream() throws Exception {
        HttpResponse<String> elsewhere = get("/api/echo?token=" + TOKEN, null);

        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(RaqibJson.mapper().readTree(elsewhere.body()).path("error").asText())
                .contains("only accepted on " + AlertConsole.STREAM, "Authorization: Bearer");
        assertThat(get(AlertConsole.STREAM + "?token=" + TOKEN, null).body()).isEqualTo("stream");
        assertThat(get(AlertConsole.STREAM + "?token=guess", null).statusCode()).isEqualTo(401);
    }

    @Test
    void hashedEntriesAcceptTheirTokensAndTellTheEndpointsWhoCalls() throws Exception {
        HttpResponse<String> admin = get("/api/watches/caller", HASHED_ADMIN_TOKEN);
        HttpResponse<String> desk = get("/api/watches/caller", DESK_TOKEN);

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(RaqibJson.mapper().readTree(admin.body()).path("desk").isTextual()).as("no desk: admin")
                .isFalse();
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(RaqibJson.mapper().readTree(desk.body()).path("desk").asText()).isEqualTo("levant");
        assertThat(get("/api/echo", HASHED_ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/watches/caller", ApiTokens.entryFor(ApiCaller.ofDesk("levant"), DESK_TOKEN))
                .statusCode()).as("the configured entry is no token").isEqualTo(401);
    }

    @Test
    void aDeskTokenIsRefusedOutsideTheDeskAwareEndpoints() throws Exception {
        HttpResponse<String> response = get("/api/echo", DESK_TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = RaqibJson.mapper().readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(403);
        assertThat(body.path("error").asText()).contains("desk 'levant'", "admin token");
    }

    @Test
    void aDeskTokenInTheUrlIsRefusedOutsideTheStreamToo() throws Exception {
        HttpResponse<String> response = get("/api/watches/caller?token=" + DESK_TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RaqibJson.mapper().readTree(response.body()).path("error").asText())
                .contains("only accepted on " + AlertConsole.STREAM);
    }

    @Test
    void unknownEndpointIsAJson404() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here", TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RaqibJson.mapper().readTree(response.body()).path("error").asText())
                .contains("/api/nothing-here");
    }

    @Test
    void probesAnswerByTheStateOfEveryComponent() throws Exception {
        PART.set(ComponentHealth.starting("part", "joining"));
        assertThat(get(HealthEndpoints.LIVE, null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(HealthEndpoints.READY, null);
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode service = RaqibJson.mapper().readTree(ready.body()).path("services").path(0);
        assertThat(service.path("service").asText()).isEqualTo("svc");
        assertThat(service.path("live").asBoolean()).isTrue();
        assertThat(service.path("ready").asBoolean()).isFalse();
        assertThat(service.path("components").path(1).path("component").asText()).isEqualTo("part");
        assertThat(service.path("components").path(1).path("status").asText()).isEqualTo("STARTING");

        PART.set(ComponentHealth.up("part", "running"));
        assertThat(get(HealthEndpoints.READY, null).statusCode()).isEqualTo(200);

        PART.set(ComponentHealth.down("part", "died"));
        assertThat(get(HealthEndpoints.LIVE, null).statusCode()).isEqualTo(503);
        assertThat(get("/healthz", null).statusCode()).isEqualTo(503);
        assertThat(get(HealthEndpoints.READY, null).body()).contains("died");
    }

    @Test
    void healthAndMetricsAreOpen() throws Exception {
        PART.set(ComponentHealth.up("part", "running"));
        assertThat(get("/healthz", null).body()).contains("\"UP\"");
        HttpResponse<String> metrics = get("/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
}
