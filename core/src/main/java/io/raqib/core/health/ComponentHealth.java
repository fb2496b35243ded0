package io.raqib.core.health;

/**
 * The state of one part of a service (a Kafka Streams client, a producer, a background thread) as the health
 * endpoints report it.
 *
 * @param component the part's name, e.g. {@code enrich-streams}, {@code watch-listener}
 * @param status    {@link Status#UP}, {@link Status#STARTING} or {@link Status#DOWN}
 * @param detail    what the part is doing or why it is down, for the operator
 */
public record ComponentHealth(String component, Status status, String detail) {

    /** UP: doing its job. STARTING: alive but not (yet, or for now) ready. DOWN: dead; the process must restart. */
    public enum Status { UP, STARTING, DOWN }

    /** A part doing its job. */
    public static ComponentHealth up(String component, String detail) {
        return new ComponentHealth(component, Status.UP, detail);
    }

    /** A part alive but not ready. */
    public static ComponentHealth starting(String component, String detail) {
        return new ComponentHealth(component, Status.STARTING, detail);
    }

    /** A dead part. */
    public static ComponentHealth down(String component, String detail) {
        return new ComponentHealth(component, Status.DOWN, detail);
    }

    /** Whether the part is alive (not {@link Status#DOWN}). */
    public boolean live() {
        return status != Status.DOWN;
    }

    /** Whether the part is doing its job. */
    public boolean ready() {
        return status == Status.UP;
    }
}
