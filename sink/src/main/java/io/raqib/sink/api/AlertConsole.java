package io.raqib.sink.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The live console: analysts watch alerts arrive in the browser. Contributes to the process's HTTP server
 * <pre>
 * GET /                       the console page (no data in it; it asks the API with the analyst's token)
 * GET /api/alerts/recent      the last alerts, oldest first (JSON array of CloudEvents)
 * GET /api/alerts/stream      server-sent events: the recent alerts, then each new one (event "alert", id = alert id)
 * </pre>
 * Alerts are fed by {@link #accept(Alert)} (in the services, from a tail of {@code raqib.alerts}). The
 * {@code /api} paths sit behind the server's bearer tokens; on the stream browsers pass the token as {@code ?token=}.
 */
public final class AlertConsole implements Consumer<RoutesConfig> {

    /** Alerts kept for clients that connect later. */
    public static final int RECENT = 200;
    private static final String PAGE_RESOURCE = "/console/index.html";
    /** The event stream's path: the one API path that takes the token as {@code ?token=} (browsers' EventSource). */
    public static final String STREAM = "/api/alerts/stream";
    private static final String EVENT_STREAM = "text/event-stream";
    private final Deque<Sent> recent = new ArrayDeque<>();
    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    /** Sends on its own thread, in order: a stalled browser must not hold up the alert tail that feeds us. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "raqib-console");
        t.setDaemon(true);
        return t;
    });
    private final byte[] page;

    public AlertConsole() {
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
        Sent sent = new Sent(alert.id(), RaqibJson.write(alert));
        sender.execute(() -> {
            synchronized (recent) {
                recent.addLast(sent);
                if (recent.size() > RECENT) {
                    recent.removeFirst();
                }
            }
            clients.forEach(client -> send(client, sent));
        });
    }

    private void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        // On the sender thread, so the backlog and the live alerts reach the client once each, in order.
        sender.execute(() -> {
            recentCopy().forEach(sent -> send(client, sent));
            clients.add(client);
        });
    }

    private void recent(Context ctx) {
        List<String> json = recentCopy().stream().map(Sent::json).toList();
        ctx.contentType("application/json").result("[" + String.join(",", json) + "]");
    }

    private List<Sent> recentCopy() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    private void send(SseClient client, Sent sent) {
        if (client.terminated()) {
            clients.remove(client);
        } else {
            client.sendEvent("alert", sent.json(), sent.id());
        }
    }

    /** An alert as the clients get it. */
    private record Sent(String id, String json) {
    }
}
