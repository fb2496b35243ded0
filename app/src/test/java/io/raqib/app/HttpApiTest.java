package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.json.RaqibJson;
import io.raqib.sink.api.AlertConsole;
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
    private static HttpApi api;
    private static final AtomicReference<ComponentHealth> PART =
            new AtomicReference<>(ComponentHealth.starting("part", "joining"));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        api = new HttpApi(List.of(TOKEN), Metrics.registry(), List.of(
                routes -> routes.get("/api/echo", ctx -> ctx.json(List.of("ok"))),
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
