package io.raqib.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where analysts are with one alert, as kept on the compacted {@code raqib.alert.states} topic (key = alert id): open
 * or acknowledged, and who has it. The latest record of an alert is its state; an alert with none is open and
 * unassigned.
 *
 * @param alertId   the alert's CloudEvent id
 * @param watchId   the watch that raised it
 * @param desk      that watch's desk when the state was set (null: no desk, operators only)
 * @param status    {@link #OPEN} or {@link #ACKNOWLEDGED}
 * @param assignee  who has it; null when nobody does
 * @param updatedBy who set this state: {@code admin} for an operator's token, else the token's desk
 * @param updatedAt when the state was set
 */
public record AlertState(String alertId, String watchId, String desk, String status, String assignee,
                         String updatedBy, Instant updatedAt) {

    /** The status of an alert nobody has acknowledged (or one reopened). */
    public static final String OPEN = "open";
    /** The status of an alert an analyst has seen to. */
    public static final String ACKNOWLEDGED = "acknowledged";
    /** {@code updatedBy} of a state set with an operator's token. */
    public static final String ADMIN = "admin";

    public AlertState {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(watchId, "watchId");
        Objects.requireNonNull(status, "status");
    }

    /** Whether {@code status} is one an alert can have. */
    public static boolean isStatus(String status) {
        return OPEN.equals(status) || ACKNOWLEDGED.equals(status);
    }
}
