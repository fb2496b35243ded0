package io.raqib.sink.history;

import io.raqib.core.model.Alert;
import io.raqib.core.model.VolumeAlert;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;

/**
 * The query parameters of a history search or export, read and checked: {@code watch}, {@code desk}, {@code from},
 * {@code to} (ISO-8601 instants, date-times with an offset, or UTC dates), {@code q}, {@code type}, {@code page},
 * {@code size}, and an export's {@code format} and {@code bom}. A bad one is a {@link BadParameter} naming it.
 */
public final class HistoryParameters {

    /** Alerts per page when {@code size} is not given. */
    public static final int DEFAULT_SIZE = 50;
    /** Most alerts on one page. */
    public static final int MAX_SIZE = 500;
    /** How deep paging goes (page × size); past it, narrow the search or export. */
    public static final int MAX_DEPTH = 100_000;
    /** Longest {@code q}. */
    public static final int MAX_TEXT = 500;
    /** The event types the history holds. */
    public static final List<String> TYPES = List.of(Alert.TYPE, VolumeAlert.SPIKE, VolumeAlert.SILENCE);
    /** The formats of an export. */
    public static final List<String> EXPORT_FORMATS = List.of("csv", "jsonl");

    private final Function<String, String> params;
    private final Analyzer analyzer;

    /** A parameter the request got wrong: {@code field} is its name. */
    public static final class BadParameter extends IllegalArgumentException {
        private final String field;

        BadParameter(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The parameter at fault. */
        public String field() {
            return field;
        }
    }

    /**
     * @param params   a request's query parameter of a name (null when absent)
     * @param analyzer the analysis {@code q} goes through, to refuse a {@code q} with no searchable word
     */
    public HistoryParameters(Function<String, String> params, Analyzer analyzer) {
        this.params = params;
        this.analyzer = analyzer;
    }

    /** The filter the parameters describe. */
    public HistoryFilter filter() {
        Instant from = instant("from");
        Instant to = instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameter("to", "'to' must be after 'from'");
        }
        String text = optional("q");
        if (text != null && text.length() > MAX_TEXT) {
            throw new BadParameter("q", "'q' is longer than " + MAX_TEXT + " characters");
        }
        String type = optional("type");
        if (type != null && !TYPES.contains(type)) {
            throw new BadParameter("type", "'type' must be one of " + TYPES);
        }
        HistoryFilter filter = new HistoryFilter(optional("watch"), optional("desk"), from, to, text, type);
        if (!filter.textSearchable(analyzer)) {
            throw new BadParameter("q", "'q' has no word to search for");
        }
        return filter;
    }

    /** {@code page}: from 0 (default 0). */
    public int page() {
        int page = integer("page", 0);
        if (page < 0) {
            throw new BadParameter("page", "'page' must be 0 or more");
        }
        if ((long) page * size() + size() > MAX_DEPTH) {
            throw new BadParameter("page", "pages reach " + MAX_DEPTH + " alerts deep at most: narrow the search "
                    + "(from, to, watch, q) or export it");
        }
        return page;
    }

    /** {@code size}: 1 to {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}). */
    public int size() {
        int size = integer("size", DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameter("size", "'size' must be 1 to " + MAX_SIZE);
        }
        return size;
    }

    /** {@code format} of an export: {@code csv} or {@code jsonl}. */
    public String format() {
        String format = optional("format");
        if (!EXPORT_FORMATS.contains(format)) {
            throw new BadParameter("format", "'format' must be one of " + EXPORT_FORMATS);
        }
        return format;
    }

    /**
     * {@code bom} of an export in {@code format}: whether the file starts with a UTF-8 byte order mark. Default true
     * for CSV (without it, Excel reads the file in the machine's code page and shows Arabic as mojibake); JSON Lines
     * never has one (RFC 8259: JSON text must not start with one), so {@code bom=true} with it is refused.
     */
    public boolean bom(String format) {
        String bom = optional("bom");
        if (bom == null) {
            return "csv".equals(format);
        }
        if (!bom.equals("true") && !bom.equals("false")) {
            throw new BadParameter("bom", "'bom' must be true or false");
        }
        if (bom.equals("true") && !"csv".equals(format)) {
            throw new BadParameter("bom", "only a CSV export starts with a byte order mark");
        }
        return bom.equals("true");
    }

    /** {@code name}, stripped; null when absent or blank. */
    private String optional(String name) {
        String value = params.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private int integer(String name, int absent) {
        String value = optional(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "'" + name + "' must be a whole number");
        }
    }

    private Instant instant(String name) {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new BadParameter(name, "'" + name + "' must be an ISO-8601 time such as 2026-12-02T08:00:00Z or a "
                    + "date such as 2026-12-02");
        }
    }
}
