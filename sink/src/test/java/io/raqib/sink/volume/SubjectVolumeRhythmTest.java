package io.raqib.sink.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A source's rhythm: each hour of the day the mean batches of its days (then a moving average), hours without events
 * counting 0; the batches expected over any span, hours in part pro rata, days at once.
 */
class SubjectVolumeRhythmTest {

    private static final long HOUR = Rhythm.HOUR;
    /** Midnight UTC, 2026-11-29, as an epoch hour. */
    private static final long DAY_0 = 1_764_374_400_000L / HOUR;

    @Test
    void eachHourOfTheDayIsTheMeanOfItsDaysAndEmptyHoursCountZero() {
        Rhythm r = Rhythm.start(at(DAY_0 + 7, 0));
        r = r.seen(at(DAY_0 + 7, 30), true).seen(at(DAY_0 + 7, 30) + 5_000, false);
        r = r.seen(at(DAY_0 + 24 + 7, 10), true);

        assertThat(r.hour()).isEqualTo(DAY_0 + 24 + 7);
        assertThat(r.batches()).isEqualTo(1);
        assertThat(r.perHour().get(7)).as("day 0: 2 batches (a second event 5 s later is the same batch)")
                .isEqualTo(2000);
        assertThat(r.perHour().get(8)).isZero();

        Rhythm day2 = r.seen(at(DAY_0 + 48 + 7, 0), true);
        assertThat(day2.perHour().get(7)).as("the mean of 2 and 1").isEqualTo(1500);
        assertThat(day2.learned(2)).isTrue();
        assertThat(day2.learned(3)).isFalse();
        assertThat(r.seen(at(DAY_0 + 48 + 8, 0), true).perHour().get(7)).as("2, 1 and none on day 2")
                .isEqualTo(1000);
    }

    @Test
    void anEventBeforeTheCountedHourChangesNothing() {
        Rhythm r = Rhythm.start(at(DAY_0 + 30, 0)).seen(at(DAY_0 + 31, 0), true);

        assertThat(r.seen(at(DAY_0 + 30, 59), true)).isSameAs(r);
    }

    @Test
    void theBatchesExpectedOverASpanCountPartHoursAndWholeDays() {
        Rhythm daytime = new Rhythm(DAY_0, DAY_0 + 100, 0,
                IntStream.range(0, 24).mapToObj(h -> h >= 7 && h < 23 ? 3000 : 0).toList());

        assertThat(daytime.expected(at(DAY_0 + 22, 40), at(DAY_0 + 32, 20))).as("22:40 to 08:20")
                .isCloseTo(5, within(1e-9));
        assertThat(daytime.expected(at(DAY_0 + 7, 10), at(DAY_0 + 7, 30))).isCloseTo(1, within(1e-9));
        assertThat(daytime.expected(at(DAY_0 + 2, 0), at(DAY_0 + 10 * 24 + 8, 0)))
                .as("10 days of 48, then 07:00 to 08:00").isCloseTo(483, within(1e-9));
        assertThat(daytime.expected(at(DAY_0 + 9, 0), at(DAY_0 + 8, 0))).isZero();
    }

    @Test
    void aSourceBackAfterFourWeeksLearnsItsRhythmAfresh() {
        Rhythm old = new Rhythm(DAY_0, DAY_0 + 100, 2, List.copyOf(IntStream.range(0, 24).mapToObj(h -> 1000)
                .toList()));

        assertThat(old.seen(at(DAY_0 + 100 + 28 * 24, 0), true).perHour()).as("4 weeks later: still decayed")
                .allMatch(rate -> rate > 0 && rate < 100);
        Rhythm fresh = old.seen(at(DAY_0 + 101 + 28 * 24, 0), true);
        assertThat(fresh).isEqualTo(Rhythm.start(at(DAY_0 + 101 + 28 * 24, 0)));
    }

    private static long at(long epochHour, int minute) {
        return epochHour * HOUR + minute * 60_000L;
    }
}
