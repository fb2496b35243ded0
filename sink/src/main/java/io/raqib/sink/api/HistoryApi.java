package io.raqib.sink.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.raqib.core.config.HistorySettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.sink.history.AlertCsv;
import io.raqib.sink.history.AlertIndex;
import io.raqib.sink.history.HistoryFilter;
import io.raqib.sink.history.HistoryPage;
import io.raqib.sink.history.HistoryParameters;
import io.raqib.sink.history.HistoryParameters.BadParameter;
import io.raqib.sink.history.StoredAlert;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The alert history over HTTP, behind the server's tokens:
 * <pre>
 * GET /api/alerts/history?watch=&amp;desk=&amp;from=&amp;to=&amp;q=&amp;type=&amp;page=0&amp;size=50
 *     → {"total", "page", "size", "alerts": [CloudEvent as on raqib.alerts, …]}, newest first
 * GET /api/alerts/history/export?format=csv|jsonl&amp;bom=true|false&amp;(the same filters)
 *     → every matching alert, newest first, streamed as a download; CSV starts with a UTF-8 byte order mark
 *       unless {@code bom=false}
 * </pre>
 * A desk's token sees its desk's alerts only (asking for another desk is refused with 403); an operator's sees all.
 * A bad parameter is answered 400 {@code {"status", "error", "field"}}. An export reads the whole history, so only
 * a few run at once in the process, and one at a time per desk (the operators count as one); one more is answered
 * 429 with {@code Retry-After}.
 */
public final class HistoryApi implements Consumer<RoutesConfig> {

    /** The search's path. */
    public static final String SEARCH = "/api/alerts/history";
    /** The export's path. */
    public static final String EXPORT = SEARCH + "/export";
    /** Seconds a refused export is told to wait: about what an export of the deepest history takes. */
    public static final int RETRY_AFTER_SECONDS = 10;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final AlertIndex index;
    private final RequestSlots exports;
    private final Clock clock;

    /** The API over {@code index}, with the default number of exports at once. */
    public HistoryApi(AlertIndex index) {
        this(index, HistorySettings.defaults().maxExports());
    }

    /** The API over {@code index}, streaming at most {@code maxExports} exports at once. */
    public HistoryApi(AlertIndex index, int maxExports) {
        this(index, maxExports, Clock.systemUTC());
    }

    /** The same, naming export files with {@code clock}'s time. */
    public HistoryApi(AlertIndex index, int maxExports, Clock clock) {
        this.index = index;
        this.exports = new RequestSlots(maxExports);
        this.clock = clock;
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.get(SEARCH, this::search);
        routes.get(EXPORT, this::export);
    }

    private void search(Context ctx) throws IOException {
        HistoryParameters params = new HistoryParameters(ctx::queryParam, index.analyzer());
        HistoryFilter filter;
        int page;
        int size;
        try {
            filter = filter(ctx, params);
            page = params.page();
            size = params.size();
        } catch (BadParameter e) {
            refuse(ctx, 400, e.getMessage(), e.field());
            return;
        }
        if (filter == null) {
            return;
        }
        HistoryPage found = index.search(filter, page, size);
        String alerts = found.alerts().stream().map(StoredAlert::json).collect(Collectors.joining(","));
        ctx.contentType("application/json").result("{\"total\":" + found.total() + ",\"page\":" + found.page()
                + ",\"size\":" + found.size() + ",\"alerts\":[" + alerts + "]}");
    }

    private void export(Context ctx) throws IOException {
        HistoryParameters params = new HistoryParameters(ctx::queryParam, index.analyzer());
        HistoryFilter filter;
        String format;
        boolean bom;
        try {
            format = params.format();
            bom = params.bom(format);
            filter = filter(ctx, params);
        } catch (BadParameter e) {
            refuse(ctx, 400, e.getMessage(), e.field());
            return;
        }
        if (filter == null) {
            return;
        }
        ApiCaller caller = ApiCaller.of(ctx);
        String holder = caller.admin() ? "the operators" : "desk '" + caller.desk() + "'";
        Optional<RequestSlots.Slot> slot = exports.tryTake(holder);
        if (slot.isEmpty()) {
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            refuse(ctx, 429, (exports.holds(holder) ? "an export of " + holder + " is running, and each desk "
                    + "streams one at a time" : exports.size() + " exports are running, the most this server streams "
                    + "at once") + "; try again in " + RETRY_AFTER_SECONDS + " s, or narrow the export (from, to, "
                    + "watch, q)", null);
            return;
        }
        try (RequestSlots.Slot held = slot.get()) {
            stream(ctx, format, bom, filter);
        }
    }

    private void stream(Context ctx, String format, boolean bom, HistoryFilter filter) throws IOException {
        boolean csv = "csv".equals(format);
        String file = "raqib-alerts-" + FILE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)) + "."
                + format;
        ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        OutputStream body = ctx.outputStream();
        if (bom) {
            body.write(BOM);
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        if (csv) {
            out.write(AlertCsv.header());
        }
        index.export(filter, alert -> out.write(csv ? AlertCsv.row(alert) : alert.json() + "\n"));
        out.flush();
    }

    /**
     * The filter of the request's parameters as this caller may ask it: a desk's token gets its desk's alerts only.
     * Null after answering 403 when a desk's token asks for another desk.
     */
    private static HistoryFilter filter(Context ctx, HistoryParameters params) {
        ApiCaller caller = ApiCaller.of(ctx);
        HistoryFilter filter = params.filter();
        if (caller.admin()) {
            return filter;
        }
        if (filter.desk() != null && !caller.reaches(filter.desk())) {
            refuse(ctx, 403, "a token of desk '" + caller.desk() + "' sees only that desk's alerts (asked for desk '"
                    + filter.desk() + "')", "desk");
            return null;
        }
        return filter.withDesk(caller.desk());
    }

    private static void refuse(Context ctx, int status, String reason, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", reason);
        body.put("field", field);
        ctx.status(status).contentType("application/json").result(RaqibJson.write(body));
    }
}
