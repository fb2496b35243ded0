package io.raqib.sink.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Body of {@code PUT /api/watches/{id}/mute}: how long ({@code for}, an ISO-8601 duration such as {@code PT2H}) or
 * until when ({@code until}, an ISO-8601 instant) the watch stays muted; exactly one of them, at most
 * {@link #MAX_MUTE} ahead.
 *
 * @param period the {@code for} field
 */
public record MuteRequest(@JsonProperty("for") Duration period, Instant until) {

    /** The longest mute: a watch nobody wants for longer should be deleted, not forgotten while muted. */
    public static final Duration MAX_MUTE = Duration.ofDays(30);

    /**
     * The instant the watch is muted until when asked at {@code now} (to the second); {@link InvalidRequestException}
     * naming the field when the request is empty, ambiguous, in the past or too far ahead.
     */
    public Instant mutedUntil(Instant now) {
        if ((period == null) == (until == null)) {
            throw new InvalidRequestException(period == null ? "for" : "until",
                    "give either 'for' (an ISO-8601 duration such as PT2H) or 'until' (an instant such as "
                            + "2026-12-03T08:00:00Z), not both");
        }
        if (period != null && (period.isNegative() || period.isZero() || period.compareTo(MAX_MUTE) > 0)) {
            throw new InvalidRequestException("for", "must be a positive duration of at most " + MAX_MUTE);
        }
        Instant end = until != null ? until : now.plus(period).truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(now)) {
            throw new InvalidRequestException("until", "'" + until + "' is not in the future (now " + now + ")");
        }
        if (end.isAfter(now.plus(MAX_MUTE))) {
            throw new InvalidRequestException("until", "must be at most " + MAX_MUTE + " ahead (before "
                    + now.plus(MAX_MUTE).truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        return end;
    }
}
