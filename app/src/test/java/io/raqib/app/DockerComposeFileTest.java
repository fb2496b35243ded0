package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The operators' docker-compose.yml stays in step with the code: every Raqib service runs a real command with
 * options that parse, sets only settings Raqib knows, and mounts files that exist. (No Docker engine runs the
 * file in CI; {@code docker-compose config} checks its syntax). The stack is operable: each stage has a readiness
 * healthcheck and a memory limit, the scalable stages publish no fixed host port, the one-shot topic step creates
 * exactly Raqib's topics before the stages start, and Prometheus scrapes every stage (docs/operations.md).
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Map<String, Object>> raqibServices;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(r);
            services = (Map<String, Map<String, Object>>) compose.get("services");
            raqibServices = new java.util.TreeMap<>();
            services.forEach((name, s) -> {
                if ("raqib:local".equals(s.get("image"))) {
                    raqibServices.put(name, s);
                }
            });
        }
    }

    @Test
    void theThreeStagesRunFromTheRaqibImage() {
        assertThat(raqibServices).containsOnlyKeys("ingest", "enrich", "sink");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceCommandParsesAsARaqibCommand() {
        raqibServices.forEach((name, s) -> {
            List<String> command = (List<String>) s.get("command");
            CommandLine.ParseResult parsed = new CommandLine(new RaqibCli()).parseArgs(command.toArray(String[]::new));
            assertThat(parsed.subcommand().commandSpec().name()).as(name).isEqualTo(command.get(0));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRaqibVariableIsAKnownSettingAndTheApiIsNeverOpen() {
        List<String> known = RaqibConfig.knownProperties().stream().map(RaqibConfig::envName).toList();
        raqibServices.forEach((name, s) -> {
            Map<String, Object> env = (Map<String, Object>) s.get("environment");
            assertThat(env.keySet()).as(name).allSatisfy(k -> assertThat(known.contains(k)
                    || k.startsWith(RaqibConfig.envName("kafka.")) || k.equals("JAVA_TOOL_OPTIONS")).as(k).isTrue());
            assertThat(env.get("RAQIB_API_TOKENS").toString()).as(name).contains(":?");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void mountedRepositoryFilesExist() {
        raqibServices.forEach((name, s) -> ((List<String>) s.getOrDefault("volumes", List.of())).stream()
                .map(v -> v.split(":")[0])
                .forEach(source -> assertThat(ROOT.resolve(source)).as(name + " mounts " + source).exists()));
        assertThat(ROOT.resolve("Dockerfile")).exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStageIsReadyOnlyWhenItsHealthEndpointSaysSo() {
        String ready = "http://localhost:" + RaqibConfig.defaults().httpPort() + "/health/ready";
        raqibServices.forEach((name, s) -> {
            Map<String, Object> healthcheck = (Map<String, Object>) s.get("healthcheck");
            assertThat(healthcheck).as(name).isNotNull();
            assertThat((List<String>) healthcheck.get("test")).as(name).startsWith("CMD", "curl").contains(ready);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStageHasAMemoryLimitAndAHeapSizedFromIt() {
        raqibServices.forEach((name, s) -> {
            assertThat(s.get("mem_limit")).as(name).isNotNull();
            assertThat(((Map<String, Object>) s.get("environment")).get("JAVA_TOOL_OPTIONS")).as(name)
                    .asString().contains("-XX:MaxRAMPercentage=");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScalableStagesPublishNoFixedHostPort() {
        for (String name : List.of("enrich", "sink")) {
            List<Object> ports = (List<Object>) raqibServices.get(name).getOrDefault("ports", List.of());
            // "8080" alone publishes on an ephemeral host port: every replica gets its own.
            assertThat(ports).as(name).allSatisfy(p -> assertThat(p.toString()).doesNotContain(":"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStagesStartAfterTheOneShotTopicStep() {
        Map<String, Object> topics = services.get("topics");
        assertThat(topics.get("restart")).isEqualTo("no");
        raqibServices.forEach((name, s) -> assertThat((Map<String, Map<String, Object>>) s.get("depends_on"))
                .as(name).containsEntry("topics", Map.of("condition", "service_completed_successfully")));
    }

    @Test
    void theTopicStepCreatesRaqibsTopicsAsTheStagesWould() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/kafka/create-topics.sh"), StandardCharsets.UTF_8);
        RaqibConfig defaults = RaqibConfig.defaults();
        List<String> expected = Topics.all().stream().map(t -> "topic " + t.name() + " "
                + TopicAdmin.configsOf(t, defaults).get(TopicConfig.CLEANUP_POLICY_CONFIG)).toList();
        assertThat(script.lines().filter(l -> l.startsWith("topic ")).toList()).isEqualTo(expected);
        assertThat(script)
                .contains("partitions=\"${RAQIB_PARTITIONS:-" + defaults.partitions() + "}\"")
                .contains("replication=\"${RAQIB_REPLICATION:-" + defaults.replication() + "}\"")
                .contains("max_record_bytes=\"${RAQIB_MAX_RECORD_BYTES:-" + defaults.maxRecordBytes() + "}\"")
                .contains("--config \"max.message.bytes=$max_record_bytes\"");
        assertThat(TopicAdmin.configsOf(Topics.ALERTS, defaults).keySet())
                .as("every config TopicAdmin sets is set by the script too")
                .containsExactlyInAnyOrder(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusFindsEveryReplicaOfEveryStage() throws IOException {
        Map<String, Object> prometheus;
        try (Reader r = Files.newBufferedReader(ROOT.resolve("deploy/prometheus/prometheus.yml"),
                StandardCharsets.UTF_8)) {
            prometheus = new Yaml().load(r);
        }
        List<Map<String, Object>> discovery = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
                .flatMap(job -> ((List<Map<String, Object>>) job.getOrDefault("dns_sd_configs", List.of())).stream())
                .toList();
        assertThat(discovery).allSatisfy(d -> {
            assertThat(d.get("type")).isEqualTo("A");
            assertThat(d.get("port")).isEqualTo(RaqibConfig.defaults().httpPort());
        });
        assertThat(discovery.stream().flatMap(d -> ((List<String>) d.get("names")).stream()))
                .containsExactlyInAnyOrderElementsOf(raqibServices.keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHostReachesKafkaOnAPublishedAdvertisedListener() {
        Map<String, Object> kafka = services.get("kafka");
        String advertised = ((Map<String, Object>) kafka.get("environment")).get("KAFKA_ADVERTISED_LISTENERS")
                .toString();
        String hostPort = "${RAQIB_KAFKA_HOST_PORT:-9094}";
        assertThat(advertised).contains("INTERNAL://kafka:9092",
                "EXTERNAL://${RAQIB_KAFKA_HOST:-localhost}:" + hostPort);
        assertThat((List<String>) kafka.get("ports")).anySatisfy(p -> assertThat(p).endsWith(":" + hostPort + ":9094"));
    }
}
