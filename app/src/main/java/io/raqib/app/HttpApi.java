package io.raqib.app;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.raqib.core.json.RaqibJson;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.api.ApiCaller;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one HTTP server of a Raqib process: {@code /api/*} behind bearer tokens (an operator's or a desk's, see
 * {@link ApiTokens}), {@code /metrics} (Prometheus) and the health probes ({@link HealthEndpoints}, contributed by
 * the process) open. Stages contribute their endpoints as {@code Consumer<RoutesConfig>}; every error is answered
 * as JSON {@code {"status": 4xx, "error": "…"}}.
 */
public final class HttpApi implements AutoCloseable {

    /** Javalin's own request size limit, kept when no endpoint needs more. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1_000_000;
    private final Javalin javalin;

    /** A server accepting request bodies up to {@link #DEFAULT_MAX_REQUEST_BYTES}. */
    public HttpApi(List<String> tokens, PrometheusMeterRegistry metrics, List<Consumer<RoutesConfig>> routes) {
        this(tokens, metrics, routes, DEFAULT_MAX_REQUEST_BYTES);
    }

    /**
     * @param tokens          the {@code raqib.api.tokens} entries ({@link ApiTokens}); with none, every {@code /api}
     *                        call is refused (never open)
     * @param routes          endpoint contributions of the stages running in this process
     * @param maxRequestBytes largest request body the server reads (endpoints may refuse less, with their reason)
     */
    public HttpApi(List<String> tokens, PrometheusMeterRegistry metrics, List<Consumer<RoutesConfig>> routes,
                   long maxRequestBytes) {
        ApiTokens accepted = ApiTokens.parse(tokens);
        javalin = Javalin.create(config -> {
            config.http.maxRequestSize = Math.max(maxRequestBytes, DEFAULT_MAX_REQUEST_BYTES);
            config.jsonMapper(new JavalinJackson(RaqibJson.mapper(), false));
            config.startup.showJavalinBanner = false;
            config.routes.before("/api/*", ctx -> requireToken(ctx, accepted));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            routes.forEach(r -> r.accept(config.routes));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e.getMessage()));
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) {
                    error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
        });
    }

    /** Starts listening on {@code host:port} (port 0 = any free port). */
    public HttpApi start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return javalin.port();
    }

    /** Answers with a JSON error body. */
    public static void error(Context ctx, int status, String reason) {
        ctx.status(status).json(Map.of("status", status, "error", reason));
    }

    /**
     * Only the Authorization header carries a token, except on the event stream: a browser's EventSource cannot
     * send headers. A token in any other URL would end up in proxy logs and browser history, and it would let a
     * link (an image, a form) act with the analyst's rights. The caller found is left on the request for the
     * endpoints; a desk's token reaches only the endpoints that scope their answers by desk.
     */
    private static void requireToken(Context ctx, ApiTokens tokens) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        if (given == null && ctx.queryParam("token") != null) {
            if (!AlertConsole.STREAM.equals(ctx.path())) {
                throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), "a token in the URL is only "
                        + "accepted on " + AlertConsole.STREAM + "; send Authorization: Bearer <token>");
            }
            given = ctx.queryParam("token");
        }
        if (given == null) {
            throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(),
                    "missing bearer token (Authorization: Bearer <token>)");
        }
        ApiCaller caller = tokens.caller(given).orElseThrow(
                () -> new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), "invalid token"));
        if (!caller.admin() && !ApiCaller.deskAware(ctx.path())) {
            throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "a token of desk '" + caller.desk()
                    + "' reaches only /api/watches and /api/alerts; " + ctx.path() + " needs an admin token");
        }
        ctx.attribute(ApiCaller.ATTRIBUTE, caller);
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
