package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The alert history's settings: under the state dir for 90 days unless told otherwise. */
class HistorySettingsTest {

    @Test
    void defaultsToAHistoryFolderUnderTheStateDirForNinetyDays() {
        RaqibConfig c = RaqibConfig.load(null, Map.of(), Map.of(RaqibConfig.STATE_DIR, "/var/lib/raqib"));
        assertThat(c.sink().history()).isEqualTo(new HistorySettings(Optional.empty(), Duration.ofDays(90)));
        assertThat(c.sink().history().dirUnder(c.stateDir())).isEqualTo(Path.of("/var/lib/raqib/history"));
        assertThat(RaqibConfig.knownProperties()).contains(HistorySettings.DIR, HistorySettings.RETENTION);
    }

    @Test
    void theEnvironmentSetsTheFolderAndTheRetention() {
        HistorySettings s = RaqibConfig.load(null, Map.of("RAQIB_HISTORY_DIR", "/data/history",
                "RAQIB_HISTORY_RETENTION", "P30D"), Map.of()).sink().history();
        assertThat(s.dirUnder(Path.of("/elsewhere"))).isEqualTo(Path.of("/data/history"));
        assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aRetentionThatIsNoPositiveDurationIsRefusedByName() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_HISTORY_RETENTION", "90 days"), Map.of()))
                .hasMessageContaining("raqib.history.retention (RAQIB_HISTORY_RETENTION)");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_HISTORY_RETENTION", "PT0S"), Map.of()))
                .hasMessageContaining("raqib.history.retention");
    }
}
