package io.raqib.sink.delivery;

import io.raqib.sink.delivery.WebhookOutcomes.Outcome;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The alerts waiting for one webhook target (scheme, host, port), posted one at a time in the order they came
 * (so in order per watch) by a worker of a shared pool: a slow or failing target holds only its own lane. The
 * queue is bounded; {@link #offer} says when it is full. Any error on one alert dead-letters that alert only.
 */
final class TargetLane {

    private final BlockingQueue<PendingAlert> queue;
    private final CircuitBreaker breaker;
    private final Executor workers;
    private final WebhookSender sender;
    private final WebhookOutcomes outcomes;
    private final Consumer<Throwable> fatal;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param fatal told when the lane cannot go on (an error not due to one alert) */
    TargetLane(int capacity, CircuitBreaker breaker, Executor workers, WebhookSender sender, WebhookOutcomes outcomes,
               Consumer<Throwable> fatal) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.breaker = breaker;
        this.workers = workers;
        this.sender = sender;
        this.outcomes = outcomes;
        this.fatal = fatal;
    }

    /** Queues an alert for posting; false, changing nothing, when the queue is full. */
    boolean offer(PendingAlert alert) {
        if (!queue.offer(alert)) {
            return false;
        }
        schedule();
        return true;
    }

    /** Alerts waiting in the queue. */
    int queued() {
        return queue.size();
    }

    /** Whether the target's circuit is open (its alerts go straight to the DLQ). */
    boolean circuitOpen() {
        return breaker.state() == CircuitBreaker.State.OPEN;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                workers.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // closing: what is queued stays unfinished, so it is read again after a restart
            }
        }
    }

    private void drain() {
        try {
            for (PendingAlert alert = queue.poll(); alert != null; alert = queue.poll()) {
                deliver(alert);
            }
        } catch (InterruptedException e) {
            // closing: the alert in hand stays unfinished, so it is read again after a restart
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | Error e) {
            fatal.accept(e);
            return;
        } finally {
            scheduled.set(false);
        }
        if (!queue.isEmpty()) {
            // an offer came between the last poll and the end of this drain
            schedule();
        }
    }

    private void deliver(PendingAlert alert) throws InterruptedException {
        if (alert.progress().revoked()) {
            return;
        }
        try {
            WebhookSender.Result result = sender.send(alert.url(), alert.request(), breaker);
            if (result.reason() == null) {
                outcomes.delivered(alert.record(), alert.progress());
            } else {
                outcomes.deadLetter(alert.record(), alert.progress(), result.outcome(), result.reason());
            }
        } catch (RuntimeException e) {
            outcomes.deadLetter(alert.record(), alert.progress(), Outcome.ERROR, e);
        }
    }
}
