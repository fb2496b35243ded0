package io.raqib.sink.history;

/**
 * An alert as the history keeps it.
 *
 * @param json the CloudEvent JSON exactly as it was on {@code raqib.alerts}
 * @param desk the desk of its watch when it was indexed; null when it had none (operators only)
 */
public record StoredAlert(String json, String desk) {
}
