package io.raqib.core.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread a service owns: started and stopped by that service, its death recorded. A thread that ends
 * while its owner has not stopped it is dead, whether it threw (the uncaught exception handler keeps the error) or
 * returned; {@link #health} then reports it {@code DOWN}, which fails the service's liveness.
 */
public final class ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceThread.class);
    private final Thread thread;
    private volatile Throwable death;
    private volatile boolean stopping;

    /** A daemon thread named {@code name} running {@code body}; not started yet. */
    public ServiceThread(String name, Runnable body) {
        thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {
            death = e;
            LOG.error("{} died", name, e);
        });
    }

    /** Starts the thread. */
    public void start() {
        thread.start();
    }

    /** Whether {@link #start} was called. */
    public boolean started() {
        return thread.getState() != Thread.State.NEW;
    }

    /** Marks the end of the thread as asked for by its owner (closing): it is then stopped, not dead. */
    public void stopping() {
        stopping = true;
    }

    /**
     * Stops the thread as its owner: marks it stopping, runs {@code wake} (e.g. a consumer's wakeup, ending a poll)
     * and waits up to {@code millis} for it to end; when it never started, runs {@code release} instead (e.g. closes
     * the consumer the thread would have closed).
     */
    public void stop(Runnable wake, Runnable release, long millis) throws InterruptedException {
        stopping();
        if (started()) {
            wake.run();
            join(millis);
        } else {
            release.run();
        }
    }

    /** Waits up to {@code millis} for the thread to end. */
    public void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    /** Why the thread died, or null while it runs, before it starts and after its owner stopped it. */
    public Throwable death() {
        if (stopping || thread.getState() != Thread.State.TERMINATED) {
            return null;
        }
        Throwable e = death;
        return e != null ? e : new IllegalStateException(thread.getName() + " ended while its service runs");
    }

    /** The thread as a component: DOWN when dead, STARTING before start, UP while running. */
    public ComponentHealth health(String component) {
        Throwable dead = death();
        if (dead != null) {
            return ComponentHealth.down(component, thread.getName() + " died: " + dead);
        }
        if (stopping) {
            return ComponentHealth.down(component, "stopped");
        }
        return started() ? ComponentHealth.up(component, "running") : ComponentHealth.starting(component,
                "not started");
    }
}
