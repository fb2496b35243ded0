package io.raqib.sink;

/** A watch that cannot be registered: names the watch and says why (with the query position when known). */
public final class InvalidWatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidWatchException(String watchId, String reason, Throwable cause) {
        super("watch '" + watchId + "': " + reason, cause);
    }
}
