package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import io.raqib.ingest.IngestService;
import io.raqib.sink.SinkService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * The health probes and {@code /metrics} of the services, each behind its own real HTTP server, on the embedded
 * broker: readiness follows the Streams client, a dead background thread fails liveness, and every service's
 * meters show what went through it.
 */
class HealthIT {

    private static final String TOKEN = "health-token";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void enrichIsReadyOnlyOnceItsStreamsClientRuns() throws Exception {
        RaqibConfig config = SharedBroker.config("ready");
        PrometheusMeterRegistry metrics = Metrics.registry();
        try (EnrichService enrich = new EnrichService(config,
                new ArticleEnricher(new LanguageDetector(), config.enrich()), metrics);
             HttpApi http = probes(metrics, enrich::health)) {
            HttpResponse<String> before = get(http, HealthEndpoints.READY);
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(component(before, "enrich-streams").path("detail").asText()).isEqualTo("CREATED");
            assertThat(get(http, HealthEndpoints.LIVE).statusCode()).isEqualTo(200);

            enrich.start();
            await(http, HealthEndpoints.READY, r -> r.statusCode() == 200);

            assertThat(enrich.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void ingestIsReadyOnceItsProducerReachedTheCluster() throws Exception {
        PrometheusMeterRegistry metrics = Metrics.registry();
        try (IngestService ingest = new IngestService(SharedBroker.config("ingest-ready"), Optional.empty(), metrics);
             HttpApi http = probes(metrics, ingest::health)) {
            HttpResponse<String> before = get(http, HealthEndpoints.READY);
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(component(before, "raw-producer").path("status").asText()).isEqualTo("STARTING");

            ingest.start();

            assertThat(get(http, HealthEndpoints.READY).statusCode()).isEqualTo(200);
            assertThat(get(http, HealthEndpoints.LIVE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDeadWatchListenerFailsTheSinksLiveness() throws Exception {
        PrometheusMeterRegistry metrics = Metrics.registry();
        try (SinkService sink = new SinkService(SharedBroker.config("live"), List.of(), metrics);
             HttpApi http = probes(metrics, sink::health)) {
            Set<Thread> before = listenerThreads();
            sink.start(WAIT);
            await(http, HealthEndpoints.READY, r -> r.statusCode() == 200);
            Set<Thread> ours = listenerThreads();
            ours.removeAll(before);
            assertThat(ours).hasSize(1);

            // An interrupt makes the listener's consumer throw out of poll: the thread dies as on any fatal error.
            ours.iterator().next().interrupt();

            HttpResponse<String> live = await(http, HealthEndpoints.LIVE, r -> r.statusCode() == 503);
            assertThat(component(live, "watch-listener").path("status").asText()).isEqualTo("DOWN");
            assertThat(component(live, "sink-streams").path("status").asText()).isEqualTo("UP");
            assertThat(get(http, "/healthz").statusCode()).isEqualTo(503);
            assertThat(sink.failure()).isNotNull();
        }
    }

    @Test
    void everyServiceCountsWhatWentThroughIt() throws Exception {
        RaqibConfig config = SharedBroker.config("meters");
        String marker = "zircobelle" + UUID.randomUUID().toString().replaceAll("[0-9-]", "").substring(0, 6);
        Watch watch = new Watch("meter-watch-" + marker, "Meter watch", marker, null, "meter-desk", List.of(), null,
                null);
        PrometheusMeterRegistry ingestMetrics = Metrics.registry();
        PrometheusMeterRegistry enrichMetrics = Metrics.registry();
        PrometheusMeterRegistry sinkMetrics = Metrics.registry();
        try (IngestService ingest = new IngestService(config, Optional.empty(), ingestMetrics);
             EnrichService enrich = new EnrichService(config,
                     new ArticleEnricher(new LanguageDetector(), config.enrich()), enrichMetrics);
             SinkService sink = new SinkService(config, List.of(watch), sinkMetrics);
             HttpApi ingestHttp = server(ingestMetrics, List.of(ingest.pushEndpoint()));
             HttpApi enrichHttp = server(enrichMetrics, List.of());
             HttpApi sinkHttp = server(sinkMetrics, List.of())) {
            ingest.start();
            enrich.start();
            sink.start(WAIT);
            String article = "{\"title\": \"The " + marker + " report\", \"body\": \"Analysts discussed the "
                    + marker + " findings at length on Monday.\", \"source\": \"meters-it\"}";
            HttpResponse<String> pushed = client.send(HttpRequest.newBuilder(uri(ingestHttp, "/api/articles"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(article)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
            sendPoison(config, Topics.ARTICLES_RAW.name());
            sendPoison(config, Topics.ARTICLES_ENRICHED.name());
            List<ConsumerRecord<String, Alert>> alerts = KafkaTestClients.readUntil(config.bootstrapServers(),
                    Topics.ALERTS, r -> r.key().equals(watch.id()), 1, WAIT);
            assertThat(alerts).hasSize(1);

            assertThat(metric(ingestHttp, "raqib_stage_records_total{stage=\"ingest\"}")).isGreaterThanOrEqualTo(1);
            assertThat(scrape(ingestHttp)).contains("kafka_producer_record_send_total", "raqib_ingest_published_total",
                    "jvm_memory_used_bytes");
            assertThat(metric(enrichHttp, "raqib_stage_records_total{stage=\"enrich\"}")).isGreaterThanOrEqualTo(1);
            awaitMetric(enrichHttp, "raqib_dlq_records_total{stage=\"enrich\"}");
            assertThat(scrape(enrichHttp)).contains("kafka_consumer_fetch_manager_records_lag_max");
            assertThat(metric(sinkHttp, "raqib_stage_records_total{stage=\"sink\"}")).isGreaterThanOrEqualTo(1);
            assertThat(metric(sinkHttp, "raqib_alerts_sent_total{desk=\"meter-desk\"}")).isEqualTo(1);
            // The shared broker's raqib.watches holds other tests' watches too, and they alert on their articles.
            assertThat(metric(sinkHttp, "raqib_alert_latency_seconds_count")).isGreaterThanOrEqualTo(1);
            awaitMetric(sinkHttp, "raqib_dlq_records_total{stage=\"sink\"}");
            assertThat(scrape(sinkHttp)).contains("raqib_alert_latency_seconds_bucket{le=\"60.0\"}",
                    "raqib_alert_latency_seconds_sum", "kafka_consumer_fetch_manager_records_lag_max",
                    "raqib_sink_watches");
        }
    }

    /** A server answering the health probes of one service and its {@code /metrics}. */
    private static HttpApi probes(PrometheusMeterRegistry metrics, Supplier<ServiceHealth> health) {
        return server(metrics, List.of(new HealthEndpoints(List.of(health))));
    }

    private static HttpApi server(PrometheusMeterRegistry metrics, List<Consumer<RoutesConfig>> routes) {
        return new HttpApi(List.of(TOKEN), metrics, routes).start("127.0.0.1", 0);
    }

    private static Set<Thread> listenerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("raqib-watch-listener"))
                .collect(Collectors.toSet());
    }

    private static void sendPoison(RaqibConfig config, String topic) throws Exception {
        KafkaTestClients.send(config.bootstrapServers(), new TopicSpec<>(topic, Serdes.String(), Serdes.ByteArray(),
                false), "poison-" + UUID.randomUUID(), "{\"title\": broken".getBytes(StandardCharsets.UTF_8));
    }

    /** The value of {@code sample} (name and labels exactly as Prometheus prints them), 0 when absent. */
    private double metric(HttpApi http, String sample) throws Exception {
        return scrape(http).lines().filter(l -> l.startsWith(sample + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(sample.length() + 1).strip())).sum();
    }

    /** Waits until {@code sample} is at least 1: the DLQ write is counted when the stage processes the record. */
    private void awaitMetric(HttpApi http, String sample) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (metric(http, sample) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(metric(http, sample)).as(sample).isGreaterThanOrEqualTo(1);
    }

    private String scrape(HttpApi http) throws Exception {
        return get(http, "/metrics").body();
    }

    private HttpResponse<String> await(HttpApi http, String path, Predicate<HttpResponse<String>> until)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = get(http, path);
        while (!until.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = get(http, path);
        }
        assertThat(until.test(last)).as("%s answered %s %s", path, last.statusCode(), last.body()).isTrue();
        return last;
    }

    private HttpResponse<String> get(HttpApi http, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(http, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(HttpApi http, String path) {
        return URI.create("http://127.0.0.1:" + http.port() + path);
    }

    private static JsonNode component(HttpResponse<String> response, String name) throws Exception {
        for (JsonNode service : RaqibJson.mapper().readTree(response.body()).path("services")) {
            for (JsonNode c : service.path("components")) {
                if (c.path("component").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no component " + name + " in " + response.body());
    }
}
