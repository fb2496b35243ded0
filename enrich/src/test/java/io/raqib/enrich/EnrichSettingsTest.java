package io.raqib.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichSettingsTest {

    @Test
    void defaultsAreBundledDataAndASeventyTwoHourWindow() {
        assertThat(EnrichSettings.defaults())
                .isEqualTo(new EnrichSettings(null, null, Duration.ofHours(72), 0.9, 0.3));
    }

    @Test
    void environmentOverridesEverySetting() {
        EnrichSettings s = EnrichSettings.from(Map.of("RAQIB_GAZETTEER_DIR", "/etc/raqib/gazetteer",
                "RAQIB_TOPIC_RULES_DIR", "/etc/raqib/topics", "RAQIB_DEDUP_WINDOW", "PT24H",
                "RAQIB_DUPLICATE_THRESHOLD", "0.85", "RAQIB_STORY_THRESHOLD", "0.4"));

        assertThat(s).isEqualTo(new EnrichSettings(Path.of("/etc/raqib/gazetteer"), Path.of("/etc/raqib/topics"),
                Duration.ofHours(24), 0.85, 0.4));
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> EnrichSettings.from(Map.of("RAQIB_DEDUP_WINDOW", "3 days")))
                .hasMessageContaining("RAQIB_DEDUP_WINDOW").hasMessageContaining("PT72H");
        assertThatThrownBy(() -> EnrichSettings.from(Map.of("RAQIB_DUPLICATE_THRESHOLD", "1.5")))
                .hasMessageContaining("RAQIB_DUPLICATE_THRESHOLD");
    }
}
