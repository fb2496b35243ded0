package io.raqib.sink.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.raqib.core.config.HistorySettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertState;
import io.raqib.core.model.VolumeAlert;
import io.raqib.core.model.Watch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live console: analysts watch alerts arrive in the browser. Contributes to the process's HTTP server
 * <pre>
 * GET /                       the console page (no data in it; it asks the API with the analyst's token)
 * GET /api/alerts/recent      the last alerts, oldest first (JSON array of CloudEvents)
 * GET /api/alerts/stream      server-sent events: the recent alerts, then each new one (event "alert", id = alert id),
 *                             and spike and silence events (event "volume", id = event id, data = the CloudEvent)
 * </pre>
 * Events are fed by {@link #acceptEvent(String)} (in the services, from a tail of {@code raqib.alerts} read as
 * {@link #EVENTS}), or {@link #accept(Alert)} and {@link #accept(VolumeAlert)}. The {@code /api} paths sit behind the
 * server's bearer tokens; on the stream browsers pass the token as {@code ?token=}. A desk's token sees the alerts
 * and watch spikes of its desk's watches only; an operator's sees all. A source's spike or silence concerns every
 * desk (sources are shared and the event names no watch), so every token sees it.
 *
 * <p>Resuming: a client reconnecting with {@code Last-Event-ID} (EventSource does so by itself) gets only the
 * alerts after that one: from the recent ones, or, when that alert is no longer among them, from the
 * {@link AlertHistory} (the services: {@code raqib.alerts}), at most {@link #MAX_RESUMED}. When the history does
 * not know that alert either, or more came after it, the stream starts with an event {@code reset} (data
 * {@code {"lastEventId", "reason"}}, no id) and then sends all recent alerts: some may be ones the client has, and
 * alerts between the two may be missing. Reading the history is costly (up to
 * {@link AlertTopicHistory#SCAN_PER_PARTITION} records a partition), so only a few clients resume from it at once;
 * one more gets the live stream all the same, starting with a {@code reset} that says the server was busy: a
 * refused EventSource would not reconnect, and a closed one would come back at once with the same request.
 */
public final class AlertConsole implements Consumer<RoutesConfig>, AutoCloseable {

    /** Events (alerts, spikes, silences) kept for clients that connect later. */
    public static final int RECENT = 200;
    /** Alerts a reconnecting client is sent from the history at most; past that it is told to start over. */
    public static final int MAX_RESUMED = 1_000;
    /** {@code raqib.alerts} with each event as its JSON text: watch alerts and spike and silence events alike. */
    public static final TopicSpec<String, String> EVENTS = new TopicSpec<>(Topics.ALERTS.name(), Serdes.String(),
            Serdes.String(), false);
    private static final Logger LOG = LoggerFactory.getLogger(AlertConsole.class);
    private static final String ALERT_EVENT = "alert";
    private static final String VOLUME_EVENT = "volume";
    private static final String PAGE_RESOURCE = "/console/index.html";
    /** The event stream's path: the one API path that takes the token as {@code ?token=} (browsers' EventSource). */
    public static final String STREAM = "/api/alerts/stream";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String LAST_EVENT_ID = "Last-Event-ID";
    private final Deque<Sent> recent = new ArrayDeque<>();
    /** The connected streams and whose they are. */
    private final Map<SseClient, ApiCaller> clients = new ConcurrentHashMap<>();
    private final Function<String, Watch> watches;
    private final AlertHistory history;
    private final RequestSlots resumes;
    /** Sends on its own thread, in order: a stalled browser must not hold up the alert tail that feeds us. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "raqib-console");
        t.setDaemon(true);
        return t;
    });
    private final byte[] page;

    /** A console that knows no watch, so no alert's desk (only operators' tokens see its alerts), nor any history. */
    public AlertConsole() {
        this(watchId -> null, AlertHistory.NONE);
    }

    /** A console reading the history for the default number of reconnecting clients at once. */
    public AlertConsole(Function<String, Watch> watches, AlertHistory history) {
        this(watches, history, HistorySettings.defaults().maxResumes());
    }

    /**
     * @param watches    the watch of an id (null when gone), asked once per alert as it arrives: an alert stays with
     *                   the desk its watch had then, and one whose watch is gone is shown to operators only
     * @param history    where a reconnecting client's missed alerts are found once they are no longer recent
     * @param maxResumes reconnecting clients whose missed alerts are read from {@code history} at once
     */
    public AlertConsole(Function<String, Watch> watches, AlertHistory history, int maxResumes) {
        this.watches = watches;
        this.history = history;
        this.resumes = new RequestSlots(maxResumes);
        try (InputStream in = Objects.requireNonNull(AlertConsole.class.getResourceAsStream(PAGE_RESOURCE),
                PAGE_RESOURCE)) {
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console page", e);
        }
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self' 'unsafe-inline'; connect-src 'self'")
                .result(page));
        routes.get("/api/alerts/recent", this::recent);
        // Javalin answers an empty 200 to a client that does not ask for an event stream; say why instead.
        routes.before(STREAM, ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains(EVENT_STREAM)) {
                throw new HttpResponseException(406, "send 'Accept: " + EVENT_STREAM + "' to read the alert stream");
            }
        });
        routes.sse(STREAM, this::connect);
    }

    /**
     * Shows an alert to every connected console and keeps it for the ones that connect later. Returns at once;
     * the sending happens on the console's own thread.
     */
    public void accept(Alert alert) {
        publish(sent(alert));
    }

    /**
     * Shows a spike or silence event (SSE event {@code volume}): a watch's to its watch's desk, a source's to every
     * token. Not kept for {@code /api/alerts/recent} (alerts only), but replayed to consoles that connect later.
     */
    public void accept(VolumeAlert event) {
        VolumeAlert.Data data = event.data();
        boolean watchScope = data != null && data.watchId() != null;
        Watch watch = watchScope ? watches.apply(data.watchId()) : null;
        publish(new Sent(VOLUME_EVENT, event.id(), event.subject(), watch == null ? null : watch.desk(),
                !watchScope, RaqibJson.write(event)));
    }

    /**
     * Shows one CloudEvent of {@code raqib.alerts} given as JSON: a watch alert, or a spike or silence event; other
     * types and unreadable records are skipped (logged). Returns the watch alert when it was one.
     */
    public Optional<Alert> acceptEvent(String json) {
        try {
            JsonNode event = RaqibJson.mapper().readTree(json);
            String type = event == null ? "" : event.path("type").asText();
            if (Alert.TYPE.equals(type)) {
                Alert alert = RaqibJson.mapper().treeToValue(event, Alert.class);
                accept(alert);
                return Optional.of(alert);
            }
            if (VolumeAlert.SPIKE.equals(type) || VolumeAlert.SILENCE.equals(type)) {
                accept(RaqibJson.mapper().treeToValue(event, VolumeAlert.class));
            }
        } catch (JsonProcessingException e) {
            LOG.warn("console: skipping an unreadable record of {}: {}", EVENTS.name(), e.getOriginalMessage());
        }
        return Optional.empty();
    }

    private void publish(Sent sent) {
        sender.execute(() -> {
            synchronized (recent) {
                recent.addLast(sent);
                if (recent.size() > RECENT) {
                    recent.removeFirst();
                }
            }
            clients.forEach((client, caller) -> send(client, caller, sent));
        });
    }

    /**
     * Shows an alert's new state (acknowledged, assignee) to every connected console that may see its desk, as an
     * event {@code state} (no id: it is not an alert to resume after) whose data is the state JSON. Returns at once.
     */
    public void acceptState(AlertState state) {
        String json = RaqibJson.write(state);
        sender.execute(() -> clients.forEach((client, caller) -> {
            if (!client.terminated() && caller.reaches(state.desk())) {
                safely(client, () -> client.sendEvent("state", json));
            }
        }));
    }

    private void connect(SseClient client) {
        ApiCaller caller = ApiCaller.of(client.ctx());
        String lastEventId = client.ctx().header(LAST_EVENT_ID);
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        // Searched here, not on the sender thread: reading the history must not hold up the other clients.
        Missed missed = lastEventId == null || indexAfter(recentCopy(), lastEventId) >= 0
                ? Missed.NOT_FOUND : fromHistory(lastEventId);
        // On the sender thread, so the backlog and the live alerts reach the client once each, in order.
        sender.execute(() -> {
            backlog(client, lastEventId, missed).forEach(sent -> send(client, caller, sent));
            clients.put(client, caller);
        });
    }

    /** The alerts after {@code lastEventId} as the history has them, when it has them and a resume slot is free. */
    private Missed fromHistory(String lastEventId) {
        Optional<RequestSlots.Slot> slot = resumes.tryTake();
        if (slot.isEmpty()) {
            return new Missed(null, "the server is reading missed alerts back for " + resumes.size() + " other "
                    + "consoles, the most it does at once; sending the recent ones (the history has any in between)");
        }
        try (RequestSlots.Slot held = slot.get()) {
            return history.after(lastEventId, MAX_RESUMED).map(a -> new Missed(a.stream()
                    .filter(alert -> Alert.TYPE.equals(alert.type())).map(this::sent).toList(), null))
                    .orElse(Missed.NOT_FOUND);
        }
    }

    /** What a connecting client is sent before the live alerts; a reset is sent first when it cannot resume. */
    private List<Sent> backlog(SseClient client, String lastEventId, Missed missed) {
        List<Sent> recentNow = recentCopy();
        int after = lastEventId == null ? 0 : indexAfter(recentNow, lastEventId);
        if (after >= 0) {
            return recentNow.subList(after, recentNow.size());
        }
        if (missed.alerts() != null) {
            Set<String> resent = missed.alerts().stream().map(Sent::id).collect(Collectors.toSet());
            return Stream.concat(missed.alerts().stream(), recentNow.stream().filter(s -> !resent.contains(s.id())))
                    .toList();
        }
        safely(client, () -> client.sendEvent("reset", RaqibJson.write(Map.of("lastEventId", lastEventId, "reason",
                missed.whyNot()))));
        return recentNow;
    }

    /** The place just after alert {@code id} in {@code alerts}, or -1 when it is not there. */
    private static int indexAfter(List<Sent> alerts, String id) {
        for (int i = alerts.size() - 1; i >= 0; i--) {
            if (alerts.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return -1;
    }

    private Sent sent(Alert alert) {
        Watch watch = watches.apply(alert.subject());
        return new Sent(ALERT_EVENT, alert.id(), alert.subject(), watch == null ? null : watch.desk(), false,
                RaqibJson.write(alert));
    }

    private void recent(Context ctx) {
        ApiCaller caller = ApiCaller.of(ctx);
        List<String> json = recentCopy().stream()
                .filter(sent -> ALERT_EVENT.equals(sent.event()) && sent.visibleTo(caller)).map(Sent::json).toList();
        ctx.contentType("application/json").result("[" + String.join(",", json) + "]");
    }

    /**
     * The subject (watch id, or {@code source:<name>}) of the event {@code id} among those this console keeps for
     * the consoles that connect later; empty when it is not among them.
     */
    public Optional<String> subjectOf(String id) {
        return recentCopy().stream().filter(sent -> sent.id().equals(id)).map(Sent::subject).findFirst();
    }

    private List<Sent> recentCopy() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    private void send(SseClient client, ApiCaller caller, Sent sent) {
        if (client.terminated()) {
            clients.remove(client);
        } else if (sent.visibleTo(caller)) {
            safely(client, () -> client.sendEvent(sent.event(), sent.json(), sent.id()));
        }
    }

    /**
     * Runs one send to {@code client}; a client whose connection broke under it (the server stopped, the response was
     * recycled: the send throws) is dropped, so the clients after it still get the event.
     */
    private void safely(SseClient client, Runnable sending) {
        try {
            sending.run();
        } catch (RuntimeException e) {
            clients.remove(client);
            LOG.debug("console client dropped: {}", e.toString());
        }
    }

    /** Stops the sending thread; connected streams get nothing more. */
    @Override
    public void close() {
        sender.shutdownNow();
    }

    /** The alerts a resuming client missed, read from the history; null with the reason it could not be. */
    private record Missed(List<Sent> alerts, String whyNot) {

        static final Missed NOT_FOUND = new Missed(null, "not among the last " + RECENT + " alerts, nor found with at "
                + "most " + MAX_RESUMED + " after it; sending the recent ones");
    }

    /**
     * An event as the clients get it: its SSE type, the desk of its watch (null: none, operators only) unless it is
     * for {@code everyone}.
     */
    private record Sent(String event, String id, String subject, String desk, boolean everyone, String json) {

        boolean visibleTo(ApiCaller caller) {
            return everyone || caller.reaches(desk);
        }
    }
}
