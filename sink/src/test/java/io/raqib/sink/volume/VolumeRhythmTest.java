package io.raqib.sink.volume;

import static io.raqib.sink.volume.VolumeDriver.MIDNIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.raqib.core.model.VolumeAlert;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silences judged by a source's rhythm over simulated days (defaults: factor 5, at least 1 h, 20 articles, the rhythm
 * used after 3 days): a regional paper publishing every 20 minutes from 07:00 to 23:00 UTC is not silent at night,
 * but is once the morning has passed without its usual 5 batches; a wire publishing round the clock is silent after
 * 5 × its interval, as without rhythms; a changed schedule is learned within days.
 */
class VolumeRhythmTest {

    private static final String PAPER = "regional.example";
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private VolumeDriver volume;

    @TempDir
    Path stateDir;

    @AfterEach
    void stop() {
        volume.close();
    }

    @Test
    void aDaytimeSourceIsNotSilentAtNightButIsWhenTheMorningPassesWithoutIt() throws Exception {
        volume = silences(Map.of());
        for (int day = 0; day < 4; day++) {
            daytime(PAPER, day);
        }
        volume.wallClockTo(hours(4 * 24 + 7), TEN_MINUTES);
        assertThat(volume.read()).as("quiet from 22:40 to 07:00, as every night").isEmpty();

        daytime(PAPER, 4);
        volume.wallClockTo(hours(5 * 24 + 8), TEN_MINUTES);
        assertThat(volume.read()).as("a second night, and 08:00 with 4 of its usual batches missed").isEmpty();
        volume.wallClockTo(hours(5 * 24 + 9), TEN_MINUTES);

        List<VolumeAlert> silence = volume.read();
        assertThat(silence).extracting(VolumeAlert::type, VolumeAlert::subject)
                .containsExactly(tuple(VolumeAlert.SILENCE, "source:" + PAPER));
        assertThat(silence.get(0).data().lastArticle()).isEqualTo(MIDNIGHT.plus(hours(4 * 24 + 22))
                .plus(Duration.ofMinutes(40)));
        assertThat(silence.get(0).data().silentFor()).as("at 08:20: 1 batch due before 23:00, 3 by 08:00, 1 more")
                .isEqualTo("PT9H40M");
        volume.wallClockTo(hours(5 * 24 + 23), TEN_MINUTES);
        assertThat(volume.read()).as("one alert until it publishes again").isEmpty();
    }

    @Test
    void withoutRhythmsTheSameSourceIsSilentEveryNight() throws Exception {
        volume = silences(Map.of("RAQIB_SILENCE_RHYTHM_DAYS", "0"));
        for (int day = 0; day < 4; day++) {
            daytime(PAPER, day);
        }
        volume.wallClockTo(hours(4 * 24 + 1), TEN_MINUTES);

        assertThat(volume.read()).extracting(VolumeAlert::type).as("5 × about 20 minutes after 22:40")
                .containsExactly(VolumeAlert.SILENCE);
        assertThat(volume.stored(VolumeTopology.SOURCE_STORE, "source:" + PAPER).rhythm()).isNull();
    }

    @Test
    void aRoundTheClockSourceIsSilentAfterFiveTimesItsInterval() throws Exception {
        volume = silences(Map.of());
        volume.article("wire.example", 0, 30, 4 * 48);
        volume.wallClockTo(hours(4 * 24 + 1).plus(Duration.ofMinutes(50)), TEN_MINUTES);
        assertThat(volume.read()).as("quiet since 23:30, 2 h 20 min").isEmpty();
        assertThat(volume.stored(VolumeTopology.SOURCE_STORE, "source:wire.example").rhythm().perHour())
                .as("2 batches in every hour of the day").containsOnly(2000);

        volume.wallClockTo(hours(4 * 24 + 3), TEN_MINUTES);

        List<VolumeAlert> silence = volume.read();
        assertThat(silence).extracting(VolumeAlert::type).containsExactly(VolumeAlert.SILENCE);
        assertThat(silence.get(0).data().silentFor()).isEqualTo("PT2H30M");
        assertThat(silence.get(0).data().usualInterval()).isEqualTo("PT30M");
    }

    @Test
    void aSourceThatMovesItsHoursIsSilentOnlyUntilItsNewRhythmIsLearned() throws Exception {
        volume = silences(Map.of());
        for (int day = 0; day < 4; day++) {
            daytime(PAPER, day);
        }
        // From day 4 it publishes from 12:00 to 04:00: its old morning hours stay empty.
        List<Integer> alertedOn = new ArrayList<>();
        for (int day = 4; day <= 16; day++) {
            volume.wallClockTo(hours(day * 24 + 12), TEN_MINUTES);
            if (!volume.read().isEmpty()) {
                alertedOn.add(day);
            }
            volume.article(PAPER, day * 24 + 12, 20, 48);
        }

        // Each day without it lowers its 5 old morning hours (the mean of their days, then × 6/7 a day): the
        // 15 batches they expected fall under 5 by day 12.
        assertThat(alertedOn).as("the mornings it was missed at by 12:00").containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
    }

    /** A driver with only source silences on, and {@code env} besides. */
    private VolumeDriver silences(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("RAQIB_VOLUME_ALERTS", "source-silence");
        return new VolumeDriver(stateDir, Collections.unmodifiableMap(all));
    }

    /** {@code source}'s articles of {@code day}: every 20 minutes from 07:00 to 22:40. */
    private void daytime(String source, int day) {
        volume.article(source, day * 24 + 7, 20, 48);
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
