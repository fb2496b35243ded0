package io.raqib.sink.watches;

/**
 * A watch that cannot be registered: names the watch, the offending field ({@code query}, {@code terms}, …) and
 * why, with the 1-based column in the query when the parser knows it.
 */
public final class InvalidWatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;
    private final int column;

    public InvalidWatchException(String watchId, String field, int column, String reason, Throwable cause) {
        super("watch '" + watchId + "': " + reason
                + (column > 0 ? " (at column " + column + ")" : ""), cause);
        this.field = field;
        this.column = column;
    }

    /** The watch field at fault ({@code query}, {@code languages}, …). */
    public String field() {
        return field;
    }

    /** 1-based column in the query where parsing failed, or -1 when unknown. */
    public int column() {
        return column;
    }
}
