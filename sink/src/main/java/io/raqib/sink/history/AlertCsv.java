package io.raqib.sink.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Alerts as CSV (RFC 4180: comma-separated, CRLF line ends, a cell with a comma, quote or line break quoted, its
 * quotes doubled). A cell a spreadsheet would take for a formula (starting with {@code = + - @}, or a tab or
 * carriage return before one) gets a leading apostrophe, so an article title cannot run code in an analyst's
 * spreadsheet.
 */
public final class AlertCsv {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("time", "alertId", "watchId", "watchName", "desk",
            "articleId", "title", "url", "source", "language", "storyId", "fragment");
    private static final String LINE_END = "\r\n";

    private AlertCsv() {
    }

    /** The header line, line end included. */
    public static String header() {
        return String.join(",", COLUMNS) + LINE_END;
    }

    /**
     * The line of {@code alert}, line end included. A spike or silence has no article: its article columns are
     * empty. The fragment is the first highlight's outside the title (the title has its own column), else the first.
     */
    public static String row(StoredAlert alert) {
        JsonNode event = parse(alert.json());
        JsonNode data = event.path("data");
        String watchId = data.path("watchId").isTextual() ? data.path("watchId").asText() : text(event, "subject");
        List<String> cells = List.of(text(event, "time"), text(event, "id"), watchId, text(data, "watchName"),
                alert.desk() == null ? "" : alert.desk(), text(data, "articleId"), text(data, "title"),
                text(data, "url"), text(data, "source"), text(data, "language"), text(data, "storyId"),
                fragment(data.path("highlights")));
        return cells.stream().map(AlertCsv::cell).collect(Collectors.joining(",")) + LINE_END;
    }

    /** One cell: guarded against formula injection, then quoted when it must be. */
    static String cell(String value) {
        String guarded = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (guarded.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + guarded.replace("\"", "\"\"") + '"';
        }
        return guarded;
    }

    private static String fragment(JsonNode highlights) {
        JsonNode chosen = null;
        for (JsonNode h : highlights) {
            if (chosen == null || "title".equals(text(chosen, "field")) && !"title".equals(text(h, "field"))) {
                chosen = h;
            }
        }
        return chosen == null ? "" : text(chosen, "fragment");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static JsonNode parse(String json) {
        try {
            return RaqibJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the history holds an alert that is not JSON", e);
        }
    }
}
