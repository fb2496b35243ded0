package io.raqib.sink.api;

/** A request body that reads as JSON but asks for something the API refuses; {@link #field()} names the culprit. */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;

    /** @param field the body field (or path part) at fault */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The body field (or path part) at fault. */
    public String field() {
        return field;
    }
}
