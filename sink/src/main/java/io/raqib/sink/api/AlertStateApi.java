package io.raqib.sink.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.raqib.core.model.AlertState;
import io.raqib.core.model.Watch;
import io.raqib.sink.states.AlertStates;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The alert-state endpoints, contributed to the process's one HTTP server (auth is the server's job):
 * <pre>
 * PUT /api/watches/{watchId}/alerts/{alertId}/state   set ({@link StateRequest}) → 200 with the state
 * GET /api/alerts/states?ids=a,b,c                     the states of those alerts that have one, by alert id
 * </pre>
 * The watch in the path is what a desk's token is checked against: only its desk's watches (403 otherwise, 404 for
 * an unknown watch). The alert must be one this process knows, among the live console's recent alerts or in the
 * alert history (404 otherwise), and an alert of that watch (409 otherwise): one desk can neither set nor
 * overwrite the state of another desk's alert by naming its own watch. A state keeps the desk its watch had when it
 * was set, and a desk reads only its desk's states. Refusals are JSON as in {@link WatchApi}.
 */
public final class AlertStateApi implements Consumer<RoutesConfig> {

    /** Alert ids one read may ask for at most (a console page's worth, and more). */
    public static final int MAX_IDS = 1_000;
    private final Function<String, Watch> watches;
    private final List<AlertSubjects> alerts;
    private final AlertStates states;

    /** Where the API learns whose an alert is. */
    @FunctionalInterface
    public interface AlertSubjects {
        /** The subject (watch id) of alert {@code alertId}; empty when the history does not hold it. */
        Optional<String> subjectOf(String alertId) throws IOException;
    }

    /**
     * @param watches the watch of an id, null when there is none
     * @param alerts  where an alert's subject is looked up, in turn: the live console's recent alerts (an alert
     *                just shown may not be indexed yet: {@link AlertConsole#subjectOf}), then the alert history
     *                ({@link io.raqib.sink.history.AlertIndex#subjectOf})
     */
    public AlertStateApi(Function<String, Watch> watches, List<AlertSubjects> alerts, AlertStates states) {
        this.watches = watches;
        this.alerts = List.copyOf(alerts);
        this.states = states;
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.put("/api/watches/{watchId}/alerts/{alertId}/state", this::put);
        routes.get("/api/alerts/states", this::list);
    }

    private void put(Context ctx) throws IOException, InterruptedException {
        String watchId = ctx.pathParam("watchId");
        String alertId = ctx.pathParam("alertId");
        Watch watch = watches.apply(watchId);
        if (watch == null) {
            WatchApi.error(ctx, 404, "no watch '" + watchId + "'", "watchId", -1);
            return;
        }
        StateRequest req = WatchApi.reachable(ctx, watch) ? WatchApi.read(ctx, StateRequest.class) : null;
        if (req == null) {
            return;
        }
        ApiCaller caller = ApiCaller.of(ctx);
        AlertState state;
        try {
            state = req.toState(alertId, watch, caller.admin() ? AlertState.ADMIN : caller.desk(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
        } catch (InvalidRequestException e) {
            WatchApi.error(ctx, 400, e.getMessage(), e.field(), -1);
            return;
        }
        Optional<String> subject = subjectOf(alertId);
        if (subject.isEmpty()) {
            WatchApi.error(ctx, 404, "no alert '" + alertId + "' among the recent alerts or in the alert history",
                    "alertId", -1);
        } else if (!subject.get().equals(watchId)) {
            WatchApi.error(ctx, 409, "alert '" + alertId + "' is not an alert of watch '" + watchId + "'",
                    "alertId", -1);
        } else {
            ctx.json(states.put(state));
        }
    }

    /** The alert's subject from the first place that knows it; empty when none does. */
    private Optional<String> subjectOf(String alertId) throws IOException {
        for (AlertSubjects known : alerts) {
            Optional<String> subject = known.subjectOf(alertId);
            if (subject.isPresent()) {
                return subject;
            }
        }
        return Optional.empty();
    }

    private void list(Context ctx) {
        String ids = ctx.queryParam("ids");
        if (ids == null || ids.isBlank()) {
            WatchApi.error(ctx, 400, "give the alert ids: ?ids=a,b,c", "ids", -1);
            return;
        }
        List<String> asked = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
        if (asked.size() > MAX_IDS) {
            WatchApi.error(ctx, 400, asked.size() + " ids; ask for at most " + MAX_IDS + " at a time", "ids", -1);
            return;
        }
        ApiCaller caller = ApiCaller.of(ctx);
        Map<String, AlertState> visible = new LinkedHashMap<>();
        states.get(asked).forEach((id, state) -> {
            if (caller.reaches(state.desk())) {
                visible.put(id, state);
            }
        });
        ctx.json(visible);
    }
}
