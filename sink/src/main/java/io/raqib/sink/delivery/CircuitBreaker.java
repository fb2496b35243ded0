package io.raqib.sink.delivery;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one webhook target: after {@code failuresToOpen} consecutive failed requests the target
 * gets none for {@code openFor} (its alerts go straight to the DLQ); then one trial request decides: a success
 * closes the circuit, a failure opens it again. Thread-safe.
 */
final class CircuitBreaker {

    /** Closed: requests go out; open: none do; half-open: the cool-off is over and the next request is a trial. */
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failuresToOpen;
    private final long openForNanos;
    private final LongSupplier nanoTime;
    private int failures;
    private long openedAt;

    /** A breaker reading time from {@code nanoTime} (as {@link System#nanoTime}). */
    CircuitBreaker(int failuresToOpen, Duration openFor, LongSupplier nanoTime) {
        this.failuresToOpen = failuresToOpen;
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a request may go to the target now. */
    synchronized boolean allowsRequest() {
        return state() != State.OPEN;
    }

    /** The target answered: the consecutive failures start again from zero. */
    synchronized void succeeded() {
        failures = 0;
    }

    /** A request failed (no answer, 5xx, 408 or 429); the last one of a run opens, or re-opens, the circuit. */
    synchronized void failed() {
        failures++;
        if (failures >= failuresToOpen) {
            openedAt = nanoTime.getAsLong();
        }
    }

    /** The current state. */
    synchronized State state() {
        if (failures < failuresToOpen) {
            return State.CLOSED;
        }
        return nanoTime.getAsLong() - openedAt < openForNanos ? State.OPEN : State.HALF_OPEN;
    }
}
