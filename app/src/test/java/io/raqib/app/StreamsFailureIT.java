package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.app.faults.RaqibProcess;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage whose Kafka Streams client fails for good exits by itself with {@link ShutdownSignal#STREAMS_FAILED}, so
 * that its supervisor restarts it. The stage runs as its own process ({@code java -jar raqib.jar enrich}) on a
 * broker of its own, whose source topic the test deletes: the stream thread then dies with a fatal
 * {@code MissingSourceTopicException}.
 */
class StreamsFailureIT {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @Test
    void enrichExitsWithTheStreamsFailureCodeWhenItsClientFails(@TempDir Path dir) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(null)) {
            TopicAdmin.ensureTopics(RaqibConfig.load(null, Map.of(), Map.of(
                    RaqibConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())));
            int port = EmbeddedBroker.freePort();
            try (RaqibProcess enrich = RaqibProcess.start("enrich", dir, Map.of(
                    "RAQIB_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "RAQIB_STATE_DIR", dir.resolve("state").toString(),
                    "RAQIB_HTTP_PORT", Integer.toString(port)), List.of("enrich"))) {
                assertThat(enrich.awaitOutput(Pattern.compile("^raqib enrich: running"), WAIT))
                        .as(enrich.lastErrors(10)).isTrue();
                awaitReady(port, enrich);

                try (Admin admin = Admin.create(adminProperties(broker))) {
                    admin.deleteTopics(List.of(Topics.ARTICLES_RAW.name())).all().get();
                }

                OptionalLong exit = enrich.awaitExit(WAIT);
                assertThat(exit).as(enrich.lastErrors(10)).isPresent();
                assertThat(exit.getAsLong()).as(enrich.lastErrors(10)).isEqualTo(ShutdownSignal.STREAMS_FAILED);
                assertThat(enrich.lastErrors(40)).contains("raqib enrich: stopped, exiting with code "
                        + ShutdownSignal.STREAMS_FAILED + ": enrich:");
            }
        }
    }

    private static void awaitReady(int port, RaqibProcess process) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HealthEndpoints.READY))
                .build();
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline && process.isAlive()) {
            status = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            Thread.sleep(200);
        }
        assertThat(status).as("%s answered on %d; %s", HealthEndpoints.READY, port, process.lastErrors(10))
                .isEqualTo(200);
    }

    private static Properties adminProperties(EmbeddedBroker broker) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return p;
    }
}
