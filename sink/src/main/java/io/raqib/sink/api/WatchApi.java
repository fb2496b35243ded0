package io.raqib.sink.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.watches.InvalidWatchException;
import io.raqib.sink.watches.RecentArticles;
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
import java.util.function.Supplier;

/**
 * The watch endpoints, contributed to the process's one HTTP server (auth is the server's job):
 * <pre>
 * GET    /api/watches[?desk=D]   list (by desk)          POST /api/watches        create (id optional) → 201
 * GET    /api/watches/{id}       get                     PUT  /api/watches/{id}   create or replace
 * DELETE /api/watches/{id}       delete → 204            POST /api/watches/test   dry run on a text, stores nothing
 * POST   /api/watches/test-recent  dry run on the process's recent articles ({@link RecentArticles}), newest first
 * PUT    /api/watches/{id}/mute  mute ({@link MuteRequest})  DELETE /api/watches/{id}/mute  unmute
 * </pre>
 * Muting stores the watch with {@code mutedUntil} set (unmuting, without it) and answers the watch as stored; a
 * watch from a watches file stays the file's. A PUT whose body has no {@code mutedUntil} keeps the stored mute.
 * Every refusal is JSON {@code {"status", "error", "field", "column"?}}: {@code field} names the watch field (or the
 * JSON path, or {@code body}) at fault, {@code column} the place in a query.
 *
 * <p>A desk's token ({@link ApiCaller}) lists, reads, writes, deletes and tests only watches of its desk: another
 * desk's watch (or one with no desk) is refused with 403 and {@code field} = {@code desk}; a watch it writes
 * without a desk gets its desk. An operator's token reaches every watch.
 */
public final class WatchApi implements Consumer<RoutesConfig> {

    /** Articles a test-recent call tests when its body gives no {@code limit}. */
    public static final int DEFAULT_RECENT_LIMIT = 200;
    private final WatchStore store;
    private final Function<Article, EnrichedArticle> enricher;
    private final RecentArticles recent;

    /** The watch endpoints without {@code test-recent} (it answers 404: the console then tests its alerts). */
    public WatchApi(WatchStore store, Function<Article, EnrichedArticle> enricher) {
        this(store, enricher, null);
    }

    /**
     * @param enricher turns a test text into the enriched article watches see (language, clean body, …)
     * @param recent   the articles {@code POST /api/watches/test-recent} runs a draft on; null: no such endpoint
     */
    public WatchApi(WatchStore store, Function<Article, EnrichedArticle> enricher, RecentArticles recent) {
        this.store = store;
        this.enricher = enricher;
        this.recent = recent;
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.get("/api/watches", this::list);
        routes.post("/api/watches/test", this::test);
        if (recent != null) {
            routes.post("/api/watches/test-recent", this::testRecent);
        }
        routes.post("/api/watches", this::create);
        routes.get("/api/watches/{id}", ctx -> {
            Watch w = stored(ctx, ctx.pathParam("id"));
            if (w != null) {
                ctx.json(w);
            }
        });
        routes.put("/api/watches/{id}", ctx -> {
            Watch body = read(ctx, Watch.class);
            String id = ctx.pathParam("id");
            Watch existing = store.get(id);
            if (body != null && (existing == null || reachable(ctx, existing))) {
                // A replacement that says nothing of the mute keeps it: unmuting is DELETE …/mute.
                Watch kept = body.mutedUntil() == null && existing != null
                        ? body.withMutedUntil(existing.mutedUntil()) : body;
                save(ctx, kept.withId(id), 200);
            }
        });
        routes.put("/api/watches/{id}/mute", this::mute);
        routes.delete("/api/watches/{id}/mute", ctx -> {
            if (stored(ctx, ctx.pathParam("id")) != null) {
                answerMute(ctx, null);
            }
        });
        routes.delete("/api/watches/{id}", ctx -> {
            // Deleted only when it is still there: a concurrent delete answers 404 as a repeated one does.
            if (stored(ctx, ctx.pathParam("id")) != null) {
                if (store.delete(ctx.pathParam("id"))) {
                    ctx.status(204);
                } else {
                    error(ctx, 404, "no watch '" + ctx.pathParam("id") + "'", "id", -1);
                }
            }
        });
    }

    private void list(Context ctx) {
        ApiCaller caller = ApiCaller.of(ctx);
        String desk = ctx.queryParam("desk");
        if (caller.admin() || desk == null || caller.reaches(desk)) {
            ctx.json(store.list(caller.admin() ? desk : caller.desk()));
        } else {
            error(ctx, 403, foreignDesk(caller, "desk '" + desk + "'"), "desk", -1);
        }
    }

    /** The stored watch {@code id} if the caller may reach it; otherwise null after answering 404 or 403. */
    private Watch stored(Context ctx, String id) {
        Watch w = store.get(id);
        if (w == null) {
            error(ctx, 404, "no watch '" + id + "'", "id", -1);
            return null;
        }
        return reachable(ctx, w) ? w : null;
    }

    private void mute(Context ctx) throws InterruptedException {
        Watch w = stored(ctx, ctx.pathParam("id"));
        MuteRequest req = w == null ? null : read(ctx, MuteRequest.class);
        if (req == null) {
            return;
        }
        Instant until;
        try {
            until = req.mutedUntil(Instant.now());
        } catch (InvalidRequestException e) {
            error(ctx, 400, e.getMessage(), e.field(), -1);
            return;
        }
        answerMute(ctx, until);
    }

    /** Mutes the path's watch until {@code until} (null: unmutes) and answers it; 404 when it was just deleted. */
    private void answerMute(Context ctx, Instant until) throws InterruptedException {
        Watch muted = store.mute(ctx.pathParam("id"), until);
        if (muted == null) {
            error(ctx, 404, "no watch '" + ctx.pathParam("id") + "'", "id", -1);
        } else {
            ctx.json(muted);
        }
    }

    /** Whether the caller may reach {@code watch}'s desk; answers 403 when not. */
    static boolean reachable(Context ctx, Watch watch) {
        ApiCaller caller = ApiCaller.of(ctx);
        if (caller.reaches(watch.desk())) {
            return true;
        }
        error(ctx, 403, foreignDesk(caller, "watch '" + watch.id() + "'"), "desk", -1);
        return false;
    }

    private static String foreignDesk(ApiCaller caller, String what) {
        return what + " is not of desk '" + caller.desk() + "', the only desk this token reaches";
    }

    private void create(Context ctx) throws InterruptedException {
        Watch body = read(ctx, Watch.class);
        if (body == null) {
            return;
        }
        Watch existing = body.id() == null ? null : store.get(body.id());
        if (existing != null) {
            if (reachable(ctx, existing)) {
                error(ctx, 409, "watch '" + body.id() + "' exists; PUT /api/watches/" + body.id() + " replaces it",
                        "id", -1);
            }
            return;
        }
        save(ctx, body.id() == null ? body.withId(UUID.randomUUID().toString()) : body, 201);
    }

    private void save(Context ctx, Watch given, int status) throws InterruptedException {
        Watch watch = onCallersDesk(ctx, given);
        if (watch == null) {
            return;
        }
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
        if (req == null || !hasWatch(ctx, req.watch())) {
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
        Watch watch = draft(ctx, req.watch());
        if (watch != null) {
            answerTest(ctx, () -> store.test(watch, enricher.apply(article)));
        }
    }

    private void testRecent(Context ctx) {
        RecentRequest req = read(ctx, RecentRequest.class);
        if (req == null || !hasWatch(ctx, req.watch())) {
            return;
        }
        if (req.limit() != null && req.limit() < 1) {
            error(ctx, 400, "'limit' must be at least 1", "limit", -1);
            return;
        }
        Watch watch = draft(ctx, req.watch());
        if (watch != null) {
            answerTest(ctx, () -> recent.test(watch, req.limit() == null ? DEFAULT_RECENT_LIMIT : req.limit()));
        }
    }

    /** Answers a dry run's outcome, or 400 naming the field (and query column) of a bad draft. */
    private static void answerTest(Context ctx, Supplier<Object> outcome) {
        try {
            ctx.json(outcome.get());
        } catch (InvalidWatchException e) {
            error(ctx, 400, e.getMessage(), e.field(), e.column());
        }
    }

    /** Whether a test's body gives its draft watch; answers 400 when not. */
    private static boolean hasWatch(Context ctx, Watch given) {
        if (given == null) {
            error(ctx, 400, "'watch' is required", "watch", -1);
        }
        return given != null;
    }

    /** A test's draft watch (id {@code test} when it has none) on the caller's desk; null after answering 403. */
    private static Watch draft(Context ctx, Watch given) {
        return onCallersDesk(ctx, given.id() == null ? given.withId("test") : given);
    }

    /**
     * {@code watch} as a desk's token may write it: on its desk when it names none; null after answering 403 when it
     * names another. An operator's token writes it as given.
     */
    private static Watch onCallersDesk(Context ctx, Watch watch) {
        ApiCaller caller = ApiCaller.of(ctx);
        if (caller.admin() || caller.desk().equals(watch.desk())) {
            return watch;
        }
        if (watch.desk() != null) {
            error(ctx, 403, foreignDesk(caller, "desk '" + watch.desk() + "'"), "desk", -1);
            return null;
        }
        // Through JSON, so every field of the record is kept, whatever fields it gains.
        ObjectNode json = RaqibJson.mapper().valueToTree(watch);
        json.put("desk", caller.desk());
        try {
            return RaqibJson.mapper().treeToValue(json, Watch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a watch does not read back as written", e);
        }
    }

    /** The body as {@code type}, or null after answering 400 naming the field at fault ({@code body} for syntax). */
    static <T> T read(Context ctx, Class<T> type) {
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

    static void error(Context ctx, int status, String reason, String field, int column) {
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

    /** Body of {@code POST /api/watches/test-recent}: a watch and how many recent articles to test (default 200). */
    public record RecentRequest(Watch watch, Integer limit) {
    }
}
