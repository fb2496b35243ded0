package io.raqib.sink.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.json.RaqibJson;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A mute is for a while or until an instant, never both, never in the past, never past {@code MAX_MUTE}. */
class MuteRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00.250Z");

    @Test
    void forADurationMutesUntilNowPlusItToTheSecond() throws Exception {
        MuteRequest req = RaqibJson.mapper().readValue("{\"for\": \"PT2H\"}", MuteRequest.class);

        assertThat(req.mutedUntil(NOW)).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void untilAnInstantMutesUntilThatInstant() throws Exception {
        MuteRequest req = RaqibJson.mapper().readValue("{\"until\": \"2026-12-03T08:00:00Z\"}", MuteRequest.class);

        assertThat(req.mutedUntil(NOW)).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    }

    @Test
    void refusalsNameTheFieldAtFault() {
        assertRefused(new MuteRequest(null, null), "for");
        assertRefused(new MuteRequest(Duration.ofHours(1), NOW.plusSeconds(60)), "until");
        assertRefused(new MuteRequest(Duration.ZERO, null), "for");
        assertRefused(new MuteRequest(Duration.ofHours(-1), null), "for");
        assertRefused(new MuteRequest(MuteRequest.MAX_MUTE.plusSeconds(1), null), "for");
        assertRefused(new MuteRequest(null, NOW), "until");
        assertRefused(new MuteRequest(null, NOW.minusSeconds(3600)), "until");
        assertRefused(new MuteRequest(null, NOW.plus(MuteRequest.MAX_MUTE).plusSeconds(1)), "until");
    }

    @Test
    void theLongestMuteIsAllowed() {
        assertThat(new MuteRequest(MuteRequest.MAX_MUTE, null).mutedUntil(NOW))
                .isEqualTo(Instant.parse("2027-01-01T08:00:00Z"));
    }

    private static void assertRefused(MuteRequest req, String field) {
        assertThatThrownBy(() -> req.mutedUntil(NOW)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).as(req.toString())
                        .isEqualTo(field));
    }
}
