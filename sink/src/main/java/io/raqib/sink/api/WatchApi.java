package io.raqib.sink.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.watches.InvalidWatchException;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchJson;
import io.raqib.sink.watches.WatchStore;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The watch endpoints, contributed to the process's one HTTP server (auth is the server's job):
 * <pre>
 * GET    /api/watches[?desk=D]   list (by desk)          POST /api/watches        create (id optional) → 201
 * GET    /api/watches/{id}       get                     PUT  /api/watches/{id}   create or replace
 * DELETE /api/watches/{id}       delete → 204            POST /api/watches/test   dry run on a text, stores nothing
 * </pre>
 * Every refusal is JSON {@code {"status", "error", "field", "column"?}}: {@code field} names the watch field (or the
 * JSON path, or {@code body}) at fault, {@code column} the place in a query.
 */
public final class WatchApi implements Consumer<RoutesConfig> {

    private final WatchStore store;
    private final Function<Article, EnrichedArticle> enricher;

    /** @param enricher turns a test text into the enriched article watches see (language, clean body, …) */
    public WatchApi(WatchStore store, Function<Article, EnrichedArticle> enricher) {
        this.store = store;
        this.enricher = enricher;
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.get("/api/watches", ctx -> ctx.json(store.list(ctx.queryParam("desk"))));
        routes.post("/api/watches/test", this::test);
        routes.post("/api/watches", this::create);
        routes.get("/api/watches/{id}", ctx -> {
            Watch w = store.get(ctx.pathParam("id"));
            if (w == null) {
                error(ctx, 404, "no watch '" + ctx.pathParam("id") + "'", "id", -1);
            } else {
                ctx.json(w);
            }
        });
        routes.put("/api/watches/{id}", ctx -> {
            Watch body = read(ctx, Watch.class);
            if (body != null) {
                save(ctx, body.withId(ctx.pathParam("id")), 200);
            }
        });
        routes.delete("/api/watches/{id}", ctx -> {
            if (store.delete(ctx.pathParam("id"))) {
                ctx.status(204);
            } else {
                error(ctx, 404, "no watch '" + ctx.pathParam("id") + "'", "id", -1);
            }
        });
    }

    private void create(Context ctx) throws InterruptedException {
        Watch body = read(ctx, Watch.class);
        if (body == null) {
            return;
        }
        if (body.id() != null && store.get(body.id()) != null) {
            error(ctx, 409, "watch '" + body.id() + "' exists; PUT /api/watches/" + body.id() + " replaces it",
                    "id", -1);
            return;
        }
        save(ctx, body.id() == null ? body.withId(UUID.randomUUID().toString()) : body, 201);
    }

    private void save(Context ctx, Watch watch, int status) throws InterruptedException {
        try {
            ctx.status(status).json(store.save(watch));
        } catch (InvalidWatchException e) {
            error(ctx, 400, e.getMessage(), e.field(), e.column());
        } catch (WatchAdmission.LimitExceededException e) {
            error(ctx, 422, e.getMessage(), "desk", -1);
        }
    }

    private void test(Context ctx) {
        TestRequest req = read(ctx, TestRequest.class);
        if (req == null) {
            return;
        }
        if (req.watch() == null) {
            error(ctx, 400, "'watch' is required", "watch", -1);
            return;
        }
        Article given = req.article() == null || req.article().id() != null ? req.article()
                : req.article().withId("watch-test");
        Article article = given != null ? given : new Article("watch-test", null, "api-test",
                req.title() == null ? "" : req.title(), req.text() == null ? "" : req.text(), null, req.language(),
                null, Instant.now());
        if (article.title().isBlank() && article.body().isBlank()) {
            error(ctx, 400, "give 'text' (and optional 'title', 'language') or an 'article'", "text", -1);
            return;
        }
        Watch watch = req.watch().id() == null ? req.watch().withId("test") : req.watch();
        try {
            ctx.json(store.test(watch, enricher.apply(article)));
        } catch (InvalidWatchException e) {
            error(ctx, 400, e.getMessage(), e.field(), e.column());
        }
    }

    /** The body as {@code type}, or null after answering 400 naming the field at fault ({@code body} for syntax). */
    private static <T> T read(Context ctx, Class<T> type) {
        try {
            // The bytes, not ctx.body(): decoding to a String would quietly replace invalid UTF-8.
            T value = WatchJson.strictReader(type).readValue(ctx.bodyAsBytes());
            if (value == null) {
                error(ctx, 400, "request body must be a JSON " + type.getSimpleName(), "body", -1);
            }
            return value;
        } catch (IOException e) {
            error(ctx, 400, "request body is not a valid " + type.getSimpleName() + ": " + WatchJson.reasonOf(e),
                    WatchJson.fieldOf(e), -1);
            return null;
        }
    }

    private static void error(Context ctx, int status, String reason, String field, int column) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", reason);
        if (field != null) {
            body.put("field", field);
        }
        if (column > 0) {
            body.put("column", column);
        }
        ctx.status(status).json(body);
    }

    /** Body of {@code POST /api/watches/test}: a watch and either a text (title, language optional) or an article. */
    public record TestRequest(Watch watch, String title, String text, String language, Article article) {
    }
}
