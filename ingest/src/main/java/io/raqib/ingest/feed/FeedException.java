package io.raqib.ingest.feed;

/** A feed that was refused or could not be parsed; the message says why in words an operator can act on. */
public final class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedException(String reason) {
        super(reason);
    }

    public FeedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
