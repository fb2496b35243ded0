package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage sections of {@link RaqibConfig} come from the same sources, in the same order, as the rest. */
class StageSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreBundledDataASeventyTwoHourWindowAndAThousandWatchesPerDesk() {
        RaqibConfig c = RaqibConfig.defaults();

        assertThat(c.enrich()).isEqualTo(new EnrichSettings(null, null, null, Duration.ofHours(72), 0.6, 0.3));
        assertThat(c.sink().maxWatchesPerDesk()).isEqualTo(1000);
        assertThat(c.ingest().feedsFile()).isEqualTo(Path.of("feeds.yaml"));
        assertThat(c.ingest().feedTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void environmentSetsEveryEnrichSetting() {
        EnrichSettings s = RaqibConfig.load(null, Map.of("RAQIB_GAZETTEER_DIR", "/etc/raqib/gazetteer",
                "RAQIB_TOPIC_RULES_DIR", "/etc/raqib/topics", "RAQIB_BOILERPLATE_DIR", "/etc/raqib/boilerplate",
                "RAQIB_DEDUP_WINDOW", "PT24H",
                "RAQIB_DUPLICATE_THRESHOLD", "0.85", "RAQIB_STORY_THRESHOLD", "0.4"), Map.of()).enrich();

        assertThat(s).isEqualTo(new EnrichSettings(Path.of("/etc/raqib/gazetteer"), Path.of("/etc/raqib/topics"),
                Path.of("/etc/raqib/boilerplate"), Duration.ofHours(24), 0.85, 0.4));
    }

    @Test
    void propertiesFileSetsStageSettingsAndTheEnvironmentWins() throws IOException {
        Path file = dir.resolve("raqib.properties");
        Files.writeString(file, """
                raqib.dedup.window=PT12H
                raqib.max.watches.per.desk=50
                raqib.feed.threads=8
                raqib.feed.timeout=PT5S
                """, StandardCharsets.UTF_8);

        RaqibConfig c = RaqibConfig.load(file, Map.of("RAQIB_FEED_THREADS", "2"), Map.of());

        assertThat(c.enrich().window()).isEqualTo(Duration.ofHours(12));
        assertThat(c.sink().maxWatchesPerDesk()).isEqualTo(50);
        assertThat(c.ingest().feedTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.ingest().feedThreads()).isEqualTo(2);
    }

    @Test
    void badValuesNameThePropertyTheVariableAndTheValue() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_DEDUP_WINDOW", "3 days"), Map.of()))
                .hasMessageContaining("raqib.dedup.window").hasMessageContaining("RAQIB_DEDUP_WINDOW")
                .hasMessageContaining("PT72H").hasMessageContaining("'3 days'");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_DUPLICATE_THRESHOLD", "1.5"), Map.of()))
                .hasMessageContaining("RAQIB_DUPLICATE_THRESHOLD").hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_DEDUP_WINDOW", "-PT1H"), Map.of()))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_MAX_WATCHES_PER_DESK", "lots"), Map.of()))
                .hasMessageContaining("raqib.max.watches.per.desk").hasMessageContaining("'lots'");
    }

    @Test
    void aMisspeltSettingInThePropertiesFileIsAnErrorNamingIt() throws IOException {
        Path file = dir.resolve("raqib.properties");
        Files.writeString(file, "raqib.dedup.windw=PT12H\nother.tool.setting=1\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RaqibConfig.load(file, Map.of(), Map.of()))
                .hasMessageContaining("raqib.dedup.windw").hasMessageContaining("raqib.properties");
        assertThat(RaqibConfig.knownProperties()).contains("raqib.dedup.window", "raqib.feeds.file",
                "raqib.max.watches.per.desk", "raqib.bootstrap.servers");
    }
}
