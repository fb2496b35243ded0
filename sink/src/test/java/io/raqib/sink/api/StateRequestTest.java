package io.raqib.sink.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.model.AlertState;
import io.raqib.core.model.Watch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A state request becomes the alert's whole state, with the watch's desk; what it cannot be names the field. */
class StateRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Watch WATCH = new Watch("drought", "Drought", "drought", null, "levant", List.of(), null,
            null);
    private static final String ALERT = "0123456789abcdef0123456789abcdef";

    @Test
    void anAcknowledgementWithAnAssigneeCarriesTheWatchDeskAndWhoSetIt() {
        AlertState state = new StateRequest("acknowledged", " ana ").toState(ALERT, WATCH, "levant", NOW);

        assertThat(state).isEqualTo(new AlertState(ALERT, "drought", "levant", AlertState.ACKNOWLEDGED, "ana",
                "levant", NOW));
    }

    @Test
    void aReopenedAlertMayHaveNobodyOnIt() {
        assertThat(new StateRequest("open", null).toState(ALERT, WATCH, AlertState.ADMIN, NOW).assignee()).isNull();
    }

    @Test
    void refusalsNameTheFieldAtFault() {
        assertRefused(new StateRequest(null, null), ALERT, "status");
        assertRefused(new StateRequest("closed", null), ALERT, "status");
        assertRefused(new StateRequest("acknowledged", "  "), ALERT, "assignee");
        assertRefused(new StateRequest("acknowledged", "a".repeat(StateRequest.MAX_ASSIGNEE_CHARS + 1)), ALERT,
                "assignee");
        assertRefused(new StateRequest("acknowledged", "ana\nbob"), ALERT, "assignee");
        assertRefused(new StateRequest("acknowledged", null), "../etc", "alertId");
        assertRefused(new StateRequest("acknowledged", null), "a".repeat(129), "alertId");
    }

    private static void assertRefused(StateRequest req, String alertId, String field) {
        assertThatThrownBy(() -> req.toState(alertId, WATCH, "levant", NOW)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).as(req.toString()).isEqualTo(field));
    }
}
