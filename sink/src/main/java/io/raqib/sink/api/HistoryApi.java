package io.raqib.sink.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The alert history over HTTP, behind the server's tokens:
 * <pre>
 * GET /api/alerts/history?watch=&amp;desk=&amp;from=&amp;to=&amp;q=&amp;type=&amp;page=0&amp;size=50
 *     → {"total", "page", "size", "alerts": [CloudEvent as on raqib.alerts, …]}, newest first
 * GET /api/alerts/history/export?format=csv|jsonl&amp;(the same filters)
 *     → every matching alert, newest first, streamed as a download
 * </pre>
 * A desk's token sees its desk's alerts only (asking for another desk is refused with 403); an operator's sees all.
 * A bad parameter is answered 400 {@code {"status", "error", "field"}}.
 */
public final class HistoryApi implements Consumer<RoutesConfig> {

    /** The search's path. */
    public static final String SEARCH = "/api/alerts/history";
    /** The export's path. */
    public static final String EXPORT = SEARCH + "/export";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private final AlertIndex index;
    private final Clock clock;

    /** The API over {@code index}. */
    public HistoryApi(AlertIndex index) {
        this(index, Clock.systemUTC());
    }

    /** The same, naming export files with {@code clock}'s time. */
    public HistoryApi(AlertIndex index, Clock clock) {
        this.index = index;
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
        try {
            format = params.format();
            filter = filter(ctx, params);
        } catch (BadParameter e) {
            refuse(ctx, 400, e.getMessage(), e.field());
            return;
        }
        if (filter == null) {
            return;
        }
        boolean csv = "csv".equals(format);
        String file = "raqib-alerts-" + FILE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)) + "."
                + format;
        ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
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
