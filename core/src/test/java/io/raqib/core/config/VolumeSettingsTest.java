package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spike and silence alerts are on by default with conservative bars, and every setting is checked. */
class VolumeSettingsTest {

    @Test
    void defaults() {
        VolumeSettings v = RaqibConfig.defaults().sink().volume();

        assertThat(v).isEqualTo(new VolumeSettings(Set.of("watch-spike", "source-spike", "source-silence"),
                Duration.ofHours(1), 24, 3.0, 10, 5.0, Duration.ofHours(1), 20, 3, Duration.ofDays(30), 100_000));
        assertThat(v.on(VolumeSettings.WATCH_SPIKE)).isTrue();
        assertThat(v.rhythm()).isTrue();
    }

    @Test
    void kindsCanBeNarrowedOrTurnedOff() {
        VolumeSettings some = RaqibConfig.load(null, Map.of("RAQIB_VOLUME_ALERTS", "source-silence"), Map.of())
                .sink().volume();
        assertThat(some.on(VolumeSettings.SOURCE_SILENCE)).isTrue();
        assertThat(some.on(VolumeSettings.WATCH_SPIKE)).isFalse();
        assertThat(RaqibConfig.load(null, Map.of(), Map.of(VolumeSettings.KINDS, "")).sink().volume().kinds())
                .isEmpty();
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_VOLUME_ALERTS", "spikes"), Map.of()))
                .hasMessageContaining("raqib.volume.alerts").hasMessageContaining("watch-spike");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_SPIKE_FACTOR", "0.5"), Map.of()))
                .hasMessageContaining("raqib.spike.factor").hasMessageContaining("above 1");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_SPIKE_BASELINE_WINDOWS", "1"), Map.of()))
                .hasMessageContaining("between 2 and 1000");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_VOLUME_FORGET_AFTER", "30d"), Map.of()))
                .hasMessageContaining("raqib.volume.forget.after").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_VOLUME_MAX_SOURCES", "0"), Map.of()))
                .hasMessageContaining("raqib.volume.max.sources").hasMessageContaining("positive integer");
        for (String days : new String[] {"-1", "366", "3d"}) {
            assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_SILENCE_RHYTHM_DAYS", days), Map.of()))
                    .hasMessageContaining("raqib.silence.rhythm.days").hasMessageContaining("0 (off) to 365")
                    .hasMessageContaining("'" + days + "'");
        }
    }

    @Test
    void theRhythmCanTakeLongerToLearnOrBeTurnedOff() {
        VolumeSettings week = RaqibConfig.load(null, Map.of("RAQIB_SILENCE_RHYTHM_DAYS", "7"), Map.of()).sink()
                .volume();
        assertThat(week.rhythmDays()).isEqualTo(7);
        assertThat(week.rhythm()).isTrue();
        VolumeSettings off = RaqibConfig.load(null, Map.of(), Map.of(VolumeSettings.RHYTHM_DAYS, "0")).sink()
                .volume();
        assertThat(off.rhythm()).isFalse();
    }

    @Test
    void forgettingIsSetFromTheEnvironment() {
        VolumeSettings v = RaqibConfig.load(null, Map.of("RAQIB_VOLUME_FORGET_AFTER", "P7D",
                "RAQIB_VOLUME_MAX_SOURCES", "500"), Map.of()).sink().volume();
        assertThat(v.forgetAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(v.maxSources()).isEqualTo(500);
    }
}
