package io.raqib.sink.volume;

import static io.raqib.sink.volume.VolumeDriver.MIDNIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.raqib.core.model.VolumeAlert;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch and source volumes counted per hour against their own baseline (4 past hours here, factor 3, at least 5):
 * a spike is alerted once, when its window crosses the bar; a regular source that stops is alerted as silent. The
 * hourly purge forgets subjects quiet for longer than they can matter (an hour here, so the 5 hours of baseline and
 * current window govern) and keeps at most 3 sources.
 */
class VolumeTopologyTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private VolumeDriver volume;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        volume = new VolumeDriver(stateDir, Map.of("RAQIB_SPIKE_BASELINE_WINDOWS", "4", "RAQIB_SPIKE_MIN_COUNT", "5",
                "RAQIB_SILENCE_MIN_ARTICLES", "10", "RAQIB_VOLUME_FORGET_AFTER", "PT1H",
                "RAQIB_VOLUME_MAX_SOURCES", "3"));
    }

    @AfterEach
    void stop() {
        volume.close();
    }

    @Test
    void aWatchWhoseHourFarExceedsItsBaselineRaisesOneSpike() throws Exception {
        for (int hour = 0; hour < 4; hour++) {
            volume.alert("syria", hour, 10, 2);
        }
        assertThat(volume.read()).as("2 an hour is the baseline").isEmpty();

        volume.alert("syria", 4, 10, 8);

        List<VolumeAlert> spikes = volume.read();
        assertThat(spikes).hasSize(1);
        VolumeAlert spike = spikes.get(0);
        assertThat(spike.type()).isEqualTo(VolumeAlert.SPIKE);
        assertThat(spike.subject()).isEqualTo("syria");
        assertThat(spike.data().scope()).isEqualTo("watch");
        assertThat(spike.data().watchName()).isEqualTo("Syria watch");
        assertThat(spike.data().count()).as("alerted when the count reached 3 × 2").isEqualTo(6);
        assertThat(spike.data().baseline()).isEqualTo(2.0);
        assertThat(spike.data().from()).isEqualTo(MIDNIGHT.plus(Duration.ofHours(4)));
        assertThat(spike.data().to()).isEqualTo(MIDNIGHT.plus(Duration.ofHours(5)));
    }

    @Test
    void noSpikeBeforeHalfTheBaselineNorBelowTheMinimumCount() throws Exception {
        volume.alert("new-watch", 0, 10, 4);
        volume.alert("quiet", 0, 10, 1);
        for (int hour = 1; hour < 4; hour++) {
            volume.alert("quiet", hour, 10, 1);
        }
        volume.alert("quiet", 4, 10, 4);

        assertThat(volume.read()).as("4 in the first hour: no baseline yet; 1 → 4: under the minimum of 5").isEmpty();
    }

    @Test
    void aSourceThatSurgesAndThenFallsSilent() throws Exception {
        for (int hour = 0; hour < 4; hour++) {
            volume.article("sana.sy", hour, 20, 3);
        }
        volume.article("sana.sy", 4, 5, 9);
        List<VolumeAlert> spike = volume.read();
        assertThat(spike).extracting(VolumeAlert::type, VolumeAlert::subject)
                .containsExactly(tuple(VolumeAlert.SPIKE, "source:sana.sy"));
        assertThat(spike.get(0).data().source()).isEqualTo("sana.sy");

        // Its usual interval is about 11 minutes (moving average of 20 then 5): 5 × that is under the 1 h floor.
        volume.advance(Duration.ofMinutes(4 * 60 + 40 + 55));
        assertThat(volume.read()).as("55 minutes quiet").isEmpty();
        volume.advance(Duration.ofMinutes(10));
        List<VolumeAlert> silence = volume.read();
        assertThat(silence).extracting(VolumeAlert::type).containsExactly(VolumeAlert.SILENCE);
        assertThat(silence.get(0).data().lastArticle()).isEqualTo(MIDNIGHT.plus(Duration.ofMinutes(4 * 60 + 40)));
        assertThat(silence.get(0).data().silentFor()).isEqualTo("PT1H5M");
        volume.advance(Duration.ofHours(2));
        assertThat(volume.read()).as("one silence alert until it publishes again").isEmpty();
    }

    @Test
    void aWatchQuietForItsWholeBaselineIsForgottenWhileTheOthersKeepTheirs() throws Exception {
        volume.alert("deleted", 0, 10, 2);
        for (int hour = 0; hour < 4; hour++) {
            volume.alert("syria", hour, 10, 2);
        }

        volume.wallClockTo(Duration.ofHours(5), HALF_HOUR);
        assertThat(volume.keys(VolumeTopology.WATCH_STORE)).as("4 h 50 quiet: its empty windows still count")
                .containsExactly("deleted", "syria");
        volume.wallClockTo(Duration.ofMinutes(6 * 60 + 30), HALF_HOUR);
        assertThat(volume.keys(VolumeTopology.WATCH_STORE)).as("quiet for more than 4 windows and the current one")
                .containsExactly("syria");

        volume.alert("syria", 4, 10, 8);
        List<VolumeAlert> spikes = volume.read();
        assertThat(spikes).extracting(VolumeAlert::type, VolumeAlert::subject)
                .containsExactly(tuple(VolumeAlert.SPIKE, "syria"));
        assertThat(spikes.get(0).data().baseline()).as("its baseline survived the purges").isEqualTo(2.0);
    }

    @Test
    void aQuietSourceIsForgottenButNotBeforeItsSilenceIsAlerted() throws Exception {
        volume.article("few.example", 0, 10, 3);
        for (int hour = 0; hour <= 18; hour += 2) {
            volume.article("weekly.example", hour, 0, 1);
        }

        volume.wallClockTo(Duration.ofMinutes(6 * 60 + 30), HALF_HOUR);
        assertThat(volume.keys(VolumeTopology.SOURCE_STORE)).as("3 articles: never silent, so gone after 5 h")
                .containsExactly("source:weekly.example");
        volume.wallClockTo(Duration.ofHours(18 + 9), HALF_HOUR);
        assertThat(volume.keys(VolumeTopology.SOURCE_STORE)).as("quiet 9 h, its silence due after 5 × 2 h")
                .containsExactly("source:weekly.example");
        assertThat(volume.read()).isEmpty();

        volume.wallClockTo(Duration.ofMinutes((18 + 11) * 60 + 30), HALF_HOUR);
        assertThat(volume.read()).extracting(VolumeAlert::type, VolumeAlert::subject)
                .containsExactly(tuple(VolumeAlert.SILENCE, "source:weekly.example"));
        assertThat(volume.keys(VolumeTopology.SOURCE_STORE)).as("alerted, then forgotten").isEmpty();
    }

    @Test
    void beyondTheBoundTheLeastRecentlySeenSourcesAreForgotten() {
        for (int i = 0; i < 5; i++) {
            volume.article("s" + i + ".example", i, 0, 1);
        }
        assertThat(volume.keys(VolumeTopology.SOURCE_STORE)).hasSize(5);

        volume.wallClockTo(Duration.ofHours(1), HALF_HOUR);

        assertThat(volume.keys(VolumeTopology.SOURCE_STORE))
                .containsExactly("source:s2.example", "source:s3.example", "source:s4.example");
        volume.article("s0.example", 5, 0, 1);
        assertThat(volume.stored(VolumeTopology.SOURCE_STORE, "source:s0.example").events()).as("counted afresh")
                .isEqualTo(1);
    }
}
