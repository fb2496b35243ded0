package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The alert history's settings: under the state dir, 90 days, 2 exports and 4 resumes at once unless told. */
class HistorySettingsTest {

    @Test
    void defaultsToAHistoryFolderUnderTheStateDirForNinetyDays() {
        RaqibConfig c = RaqibConfig.load(null, Map.of(), Map.of(RaqibConfig.STATE_DIR, "/var/lib/raqib"));
        assertThat(c.sink().history()).isEqualTo(new HistorySettings(Optional.empty(), Duration.ofDays(90),
                2, 4));
        assertThat(c.sink().history().dirUnder(c.stateDir())).isEqualTo(Path.of("/var/lib/raqib/history"));
        assertThat(RaqibConfig.knownProperties()).contains(HistorySettings.DIR, HistorySettings.RETENTION,
                HistorySettings.MAX_EXPORTS, HistorySettings.MAX_RESUMES);
    }

    @Test
    void theEnvironmentSetsTheFolderTheRetentionAndTheCaps() {
        HistorySettings s = RaqibConfig.load(null, Map.of("RAQIB_HISTORY_DIR", "/data/history",
                "RAQIB_HISTORY_RETENTION", "P30D", "RAQIB_HISTORY_MAX_EXPORTS", "5", "RAQIB_HISTORY_MAX_RESUMES", "1"),
                Map.of()).sink().history();
        assertThat(s.dirUnder(Path.of("/elsewhere"))).isEqualTo(Path.of("/data/history"));
        assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(s.maxExports()).isEqualTo(5);
        assertThat(s.maxResumes()).isEqualTo(1);
    }

    @Test
    void aCapThatIsNoPositiveIntegerIsRefusedByName() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_HISTORY_MAX_EXPORTS", "0"), Map.of()))
                .hasMessageContaining("raqib.history.max.exports (RAQIB_HISTORY_MAX_EXPORTS)");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_HISTORY_MAX_RESUMES", "many"), Map.of()))
                .hasMessageContaining("raqib.history.max.resumes (RAQIB_HISTORY_MAX_RESUMES)");
    }

    @Test
    void aRetentionThatIsNoPositiveDurationIsRefusedByName() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_HISTORY_RETENTION", "90 days"), Map.of()))
                .hasMessageContaining("raqib.history.retention (RAQIB_HISTORY_RETENTION)");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_HISTORY_RETENTION", "PT0S"), Map.of()))
                .hasMessageContaining("raqib.history.retention");
    }
}
