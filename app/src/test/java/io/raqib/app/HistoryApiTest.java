package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import io.raqib.sink.api.ApiCaller;
import io.raqib.sink.api.HistoryApi;
import io.raqib.sink.history.AlertIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert history's HTTP API on a real server over an index on disk (no broker): how many exports run at once,
 * the CSV's byte order mark and formula guard, and how deep search pages go.
 */
class HistoryApiTest {

    private static final String ADMIN = "operator-token";
    private static final String LEVANT = "levant-token";
    private static final String GULF = "gulf-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String CSV_HEADER = "time,alertId,watchId,watchName,desk,articleId,title,url,source,"
            + "language,storyId,fragment";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;
    private AlertIndex index;
    private HttpApi api;
    /** Counts exports that reached the point of naming their file, i.e. that hold a slot. */
    private final CountDownLatch exporting = new CountDownLatch(2);
    /** Opened to let the held exports go on. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final String levantAlert = alert("a1", "w-levant", T0.plusSeconds(60), "=HYPERLINK(\"http://x\")",
            "@SUM(A1)");
    private final String gulfAlert = alert("a2", "w-gulf", T0, "-2 killed", "\tcmd");

    @BeforeEach
    void start() throws Exception {
        index = new AlertIndex(dir);
        index.add(levantAlert, watch -> watch.equals("w-levant") ? "levant" : "gulf", Instant.EPOCH);
        index.add(gulfAlert, watch -> watch.equals("w-levant") ? "levant" : "gulf", Instant.EPOCH);
        index.refresh();
        api = new HttpApi(List.of(ADMIN, ApiTokens.entryFor(ApiCaller.ofDesk("levant"), LEVANT),
                ApiTokens.entryFor(ApiCaller.ofDesk("gulf"), GULF)), Metrics.registry(),
                List.of(new HistoryApi(index, 2, new HeldClock()))).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        api.close();
        index.close();
    }

    private static String alert(String id, String watchId, Instant time, String title, String fragment) {
        return RaqibJson.write(Alert.of(id, time, new AlertData(watchId, "Watch " + watchId, "art-" + id, title,
                "https://news.example.org/" + id, "example-news", "ar", List.of(new Highlight("text", 0, 3, "x",
                fragment)), List.of(), List.of())));
    }

    private HttpRequest request(String token, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
                .header("Authorization", "Bearer " + token).timeout(WAIT).build();
    }

    private HttpResponse<byte[]> get(String token, String pathAndQuery) throws Exception {
        return HTTP.send(request(token, pathAndQuery), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static boolean startsWithBom(byte[] body) {
        return body.length >= 3 && Arrays.equals(Arrays.copyOf(body, 3), BOM);
    }

    @Test
    void exportsBeyondTheCapAreRefusedWith429WhileTheRunningOnesComplete() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> csv = HTTP.sendAsync(request(ADMIN, HistoryApi.EXPORT
                + "?format=csv"), HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<HttpResponse<byte[]>> jsonl = HTTP.sendAsync(request(LEVANT, HistoryApi.EXPORT
                + "?format=jsonl"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(exporting.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("both exports running").isTrue();

        HttpResponse<byte[]> second = get(LEVANT, HistoryApi.EXPORT + "?format=csv");
        assertThat(second.statusCode()).as(text(second)).isEqualTo(429);
        assertThat(RaqibJson.mapper().readTree(second.body()).path("error").asText())
                .as("one desk cannot take every slot").startsWith("an export of desk 'levant' is running");
        HttpResponse<byte[]> third = get(GULF, HistoryApi.EXPORT + "?format=csv");
        assertThat(third.statusCode()).as(text(third)).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValue(Integer.toString(
                HistoryApi.RETRY_AFTER_SECONDS));
        assertThat(third.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode reason = RaqibJson.mapper().readTree(third.body());
        assertThat(reason.path("status").asInt()).isEqualTo(429);
        assertThat(reason.path("error").asText()).contains("2 exports");
        assertThat(reason.has("field")).isTrue();
        assertThat(get(LEVANT, HistoryApi.SEARCH).statusCode()).as("searches are not held up").isEqualTo(200);

        release.countDown();
        HttpResponse<byte[]> csvDone = csv.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(csvDone.statusCode()).isEqualTo(200);
        assertThat(text(csvDone).split("\r\n")).as("the header and both alerts").hasSize(3)
                .startsWith("\uFEFF" + CSV_HEADER);
        HttpResponse<byte[]> jsonlDone = jsonl.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(jsonlDone.statusCode()).isEqualTo(200);
        assertThat(RaqibJson.mapper().readTree(text(jsonlDone).strip()))
                .as("the desk's one alert").isEqualTo(RaqibJson.mapper().readTree(levantAlert));
        HttpResponse<byte[]> again = get(ADMIN, HistoryApi.EXPORT + "?format=csv");
        assertThat(again.statusCode()).as("the slots are free again").isEqualTo(200);
        assertThat(again.body()).isEqualTo(csvDone.body());
    }

    @Test
    void aCsvExportStartsWithAByteOrderMarkUnlessToldNotAndJsonLinesNever() throws Exception {
        release.countDown();
        HttpResponse<byte[]> csv = get(ADMIN, HistoryApi.EXPORT + "?format=csv");
        assertThat(startsWithBom(csv.body())).isTrue();
        assertThat(text(csv)).isEqualTo("\uFEFF" + CSV_HEADER + "\r\n"
                + T0.plusSeconds(60) + ",a1,w-levant,Watch w-levant,levant,art-a1,\"'=HYPERLINK(\"\"http://x\"\")\","
                + "https://news.example.org/a1,example-news,ar,,'@SUM(A1)\r\n"
                + T0 + ",a2,w-gulf,Watch w-gulf,gulf,art-a2,'-2 killed,https://news.example.org/a2,example-news,ar,,"
                + "'\tcmd\r\n");

        HttpResponse<byte[]> plain = get(ADMIN, HistoryApi.EXPORT + "?format=csv&bom=false");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(text(plain)).startsWith(CSV_HEADER + "\r\n");

        HttpResponse<byte[]> jsonl = get(ADMIN, HistoryApi.EXPORT + "?format=jsonl");
        assertThat(startsWithBom(jsonl.body())).isFalse();
        assertThat(text(jsonl).split("\n")).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{"));
        HttpResponse<byte[]> refused = get(ADMIN, HistoryApi.EXPORT + "?format=jsonl&bom=true");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RaqibJson.mapper().readTree(refused.body()).path("field").asText()).isEqualTo("bom");
    }

    @Test
    void deepPagesAreRefusedByName() throws Exception {
        for (String query : List.of("page=1000000000", "page=99999999999", "page=200&size=500", "page=-1")) {
            HttpResponse<byte[]> deep = get(ADMIN, HistoryApi.SEARCH + "?" + query);
            assertThat(deep.statusCode()).as(query).isEqualTo(400);
            JsonNode reason = RaqibJson.mapper().readTree(deep.body());
            assertThat(reason.path("status").asInt()).isEqualTo(400);
            assertThat(reason.path("field").asText()).as(query).isEqualTo("page");
        }
        HttpResponse<byte[]> big = get(ADMIN, HistoryApi.SEARCH + "?size=100000");
        assertThat(RaqibJson.mapper().readTree(big.body()).path("field").asText()).isEqualTo("size");
        HttpResponse<byte[]> deepest = get(ADMIN, HistoryApi.SEARCH + "?page=199&size=500");
        assertThat(deepest.statusCode()).isEqualTo(200);
        JsonNode page = RaqibJson.mapper().readTree(deepest.body());
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("alerts")).isEmpty();
    }

    /** Export files are named with its time; telling it holds the export (in its slot) until released. */
    private final class HeldClock extends Clock {

        @Override
        public Instant instant() {
            exporting.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return T0;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
