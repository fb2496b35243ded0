package io.raqib.sink.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.config.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One {@link TargetLane} per webhook target the allow-list names (so their number is the operator's), and the
 * pool of workers that posts for them: at most {@code raqib.webhook.workers} threads whatever the number of
 * targets, each ended after a minute idle. Publishes each target's queue length and circuit state.
 */
final class TargetLanes implements AutoCloseable {

    private static final long IDLE_SECONDS = 60;
    private final Map<String, TargetLane> lanes;
    private final ThreadPoolExecutor workers;
    private final MeterRegistry metrics;
    private final List<Meter> gauges = new ArrayList<>();

    /** @param fatal told when a lane cannot go on */
    TargetLanes(Set<String> targets, WebhookSettings settings, WebhookSender sender, WebhookOutcomes outcomes,
                MeterRegistry metrics, Consumer<Throwable> fatal) {
        AtomicInteger threads = new AtomicInteger();
        workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "raqib-webhook-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        workers.allowCoreThreadTimeOut(true);
        lanes = targets.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), target -> new TargetLane(
                settings.queuePerTarget(), new CircuitBreaker(settings.circuitFailures(), settings.circuitOpen(),
                System::nanoTime), workers, sender, outcomes, fatal)));
        this.metrics = metrics;
        lanes.forEach((target, lane) -> {
            gauges.add(Gauge.builder("raqib.sink.webhooks.queued", lane, TargetLane::queued).tag("target", target)
                    .description("Alerts waiting for a webhook target").register(metrics));
            gauges.add(Gauge.builder("raqib.sink.webhooks.circuit.open", lane, l -> l.circuitOpen() ? 1 : 0)
                    .tag("target", target)
                    .description("1 while a webhook target's circuit is open (its alerts go to the DLQ)")
                    .register(metrics));
        });
    }

    /** Queues the alert on its target's lane; false when that lane is full. */
    boolean offer(PendingAlert alert) {
        return lanes.get(alert.url().target()).offer(alert);
    }

    /** Stops the workers, interrupting the posts under way (those alerts stay unfinished), and the gauges. */
    @Override
    public void close() throws InterruptedException {
        gauges.forEach(metrics::remove);
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
