package io.raqib.sink.gate;

import java.time.Instant;

/**
 * What the alert gate remembers per watch: when it last alerted and how many matches it has held back since.
 *
 * @param lastAlert  time of the watch's last alert, null before the first
 * @param suppressed matches suppressed (same story, throttle, mute) since that alert
 */
public record AlertState(Instant lastAlert, long suppressed) {

    /** The state of a watch that never alerted. */
    public static final AlertState NONE = new AlertState(null, 0);

    /** This state with one more suppressed match. */
    public AlertState plusSuppressed() {
        return new AlertState(lastAlert, suppressed + 1);
    }
}
