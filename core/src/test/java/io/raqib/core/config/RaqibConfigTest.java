package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaqibConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        RaqibConfig c = RaqibConfig.load(null, Map.of(), Map.of());

        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.partitions()).isEqualTo(3);
        assertThat(c.replication()).isEqualTo((short) 1);
        assertThat(c.applicationId()).isEqualTo("raqib");
        assertThat(c.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "raqib-streams"));
        assertThat(c.watchesFile()).isEmpty();
        assertThat(c.maxArticleBytes()).isEqualTo(1 << 20);
    }

    @Test
    void envNameUppercasesAndReplacesDots() {
        assertThat(RaqibConfig.envName(RaqibConfig.STATE_DIR)).isEqualTo("RAQIB_STATE_DIR");
        assertThat(RaqibConfig.envName(RaqibConfig.BOOTSTRAP_SERVERS)).isEqualTo("RAQIB_BOOTSTRAP_SERVERS");
        assertThat(RaqibConfig.envName(RaqibConfig.MAX_ARTICLE_BYTES)).isEqualTo("RAQIB_MAX_ARTICLE_BYTES");
    }

    @Test
    void environmentVariableSetsStateDir() {
        RaqibConfig c = RaqibConfig.load(null, Map.of("RAQIB_STATE_DIR", "/var/lib/raqib"), Map.of());

        assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/raqib"));
    }

    @Test
    void environmentIsReadByVariableNameNotPropertyName() {
        RaqibConfig c = RaqibConfig.load(null, Map.of("raqib.partitions", "9"), Map.of());

        assertThat(c.partitions()).isEqualTo(3);
    }

    @Test
    void propertiesFileOverridesDefaults() throws IOException {
        Path file = properties("""
                raqib.bootstrap.servers=kafka-1:9092,kafka-2:9092
                raqib.partitions=6
                raqib.watches.file=/etc/raqib/watches.json
                """);

        RaqibConfig c = RaqibConfig.load(file, Map.of(), Map.of());

        assertThat(c.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(c.partitions()).isEqualTo(6);
        assertThat(c.watchesFile()).contains(Path.of("/etc/raqib/watches.json"));
        assertThat(c.applicationId()).as("unset keys keep their default").isEqualTo("raqib");
    }

    @Test
    void environmentOverridesPropertiesFileAndOverridesWinOverBoth() throws IOException {
        Path file = properties("""
                raqib.partitions=6
                raqib.replication=2
                raqib.application.id=from-file
                """);
        Map<String, String> env = Map.of(
                "RAQIB_PARTITIONS", "12",
                "RAQIB_APPLICATION_ID", "from-env");
        Map<String, String> overrides = Map.of(RaqibConfig.APPLICATION_ID, "from-cli");

        RaqibConfig c = RaqibConfig.load(file, env, overrides);

        assertThat(c.replication()).as("file only").isEqualTo((short) 2);
        assertThat(c.partitions()).as("env over file").isEqualTo(12);
        assertThat(c.applicationId()).as("override over env and file").isEqualTo("from-cli");
    }

    @Test
    void blankEnvironmentValueDoesNotHideTheFileValue() throws IOException {
        Path file = properties("raqib.bootstrap.servers=broker:9092\n");

        RaqibConfig c = RaqibConfig.load(file, Map.of("RAQIB_BOOTSTRAP_SERVERS", "  "), Map.of());

        assertThat(c.bootstrapServers()).isEqualTo("broker:9092");
    }

    @Test
    void nullOverrideIsIgnored() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(RaqibConfig.BOOTSTRAP_SERVERS, null);

        RaqibConfig c = RaqibConfig.load(null, Map.of("RAQIB_BOOTSTRAP_SERVERS", "env:9092"), overrides);

        assertThat(c.bootstrapServers()).isEqualTo("env:9092");
    }

    @Test
    void blankWatchesFileMeansNone() {
        RaqibConfig c = RaqibConfig.load(null, Map.of(), Map.of(RaqibConfig.WATCHES_FILE, " "));

        assertThat(c.watchesFile()).isEmpty();
    }

    @Test
    void integersAreTrimmed() {
        RaqibConfig c = RaqibConfig.load(null, Map.of("RAQIB_PARTITIONS", " 4 "), Map.of());

        assertThat(c.partitions()).isEqualTo(4);
    }

    @Test
    void nonIntegerPartitionsFailNamingPropertyVariableAndValue() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_PARTITIONS", "three"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raqib.partitions")
                .hasMessageContaining("RAQIB_PARTITIONS")
                .hasMessageContaining("integer")
                .hasMessageContaining("'three'");
    }

    @Test
    void zeroOrNegativePartitionsFailAsNotPositive() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of(), Map.of(RaqibConfig.PARTITIONS, "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raqib.partitions")
                .hasMessageContaining("positive")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_PARTITIONS", "-2"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raqib.partitions")
                .hasMessageContaining("positive")
                .hasMessageContaining("-2");
    }

    @Test
    void nonIntegerMaxArticleBytesFromFileFails() throws IOException {
        Path file = properties("raqib.max.article.bytes=1MB\n");

        assertThatThrownBy(() -> RaqibConfig.load(file, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raqib.max.article.bytes")
                .hasMessageContaining("'1MB'");
    }

    @Test
    void instanceIdIsUnsetByDefaultAndReadFromTheEnvironment() {
        assertThat(RaqibConfig.load(null, Map.of(), Map.of()).instanceId()).isEmpty();

        RaqibConfig c = RaqibConfig.load(null, Map.of("RAQIB_INSTANCE_ID", " enrich-a.1 "), Map.of());

        assertThat(c.instanceId()).contains("enrich-a.1");
    }

    @Test
    void instanceIdThatKafkaWouldRefuseFailsNamingTheSetting() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_INSTANCE_ID", "host 1/enrich"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raqib.instance.id")
                .hasMessageContaining("RAQIB_INSTANCE_ID")
                .hasMessageContaining("'host 1/enrich'");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of(), Map.of(RaqibConfig.INSTANCE_ID, "x".repeat(201))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 200");
    }

    @Test
    void missingPropertiesFileIsAClearError() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> RaqibConfig.load(missing, Map.of(), Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nope.properties");
    }

    private Path properties(String text) throws IOException {
        Path file = dir.resolve("raqib.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
