package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The operators' docker-compose.yml stays in step with the code: every Raqib service runs a real command with
 * options that parse, sets only settings Raqib knows, and mounts files that exist. (No Docker engine runs the
 * file in CI; {@code docker-compose config} checks its syntax.)
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Map<String, Map<String, Object>> raqibServices;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(r);
            Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
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
                    || k.startsWith(RaqibConfig.envName("kafka."))).as(k).isTrue());
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
}
