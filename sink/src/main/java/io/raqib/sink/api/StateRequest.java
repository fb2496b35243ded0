package io.raqib.sink.api;

import io.raqib.core.model.AlertState;
import io.raqib.core.model.Watch;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Body of {@code PUT /api/watches/{watchId}/alerts/{alertId}/state}: the alert's new status ({@code open} or
 * {@code acknowledged}) and who has it ({@code assignee}, null or absent for nobody). The state is replaced whole.
 */
public record StateRequest(String status, String assignee) {

    /** What an alert id may be: CloudEvent ids of Raqib are 32 hex digits; other producers' are kept plain. */
    static final Pattern ALERT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** Longest assignee name. */
    static final int MAX_ASSIGNEE_CHARS = 100;

    /**
     * The state this request sets on alert {@code alertId} of {@code watch}, set by {@code updatedBy} at {@code now};
     * {@link InvalidRequestException} naming the field when the alert id, status or assignee is not acceptable.
     */
    public AlertState toState(String alertId, Watch watch, String updatedBy, Instant now) {
        if (!ALERT_ID.matcher(alertId).matches()) {
            throw new InvalidRequestException("alertId", "use letters, digits, '.', '_', ':' and '-' (at most 128, "
                    + "starting with a letter or digit)");
        }
        if (!AlertState.isStatus(status)) {
            throw new InvalidRequestException("status", "must be '" + AlertState.OPEN + "' or '"
                    + AlertState.ACKNOWLEDGED + "'");
        }
        if (assignee != null && (assignee.isBlank() || assignee.length() > MAX_ASSIGNEE_CHARS
                || assignee.codePoints().anyMatch(Character::isISOControl))) {
            throw new InvalidRequestException("assignee", "must be null or a name of 1 to " + MAX_ASSIGNEE_CHARS
                    + " characters without control characters");
        }
        return new AlertState(alertId, watch.id(), watch.desk(), status, assignee == null ? null : assignee.strip(),
                updatedBy, now);
    }
}
