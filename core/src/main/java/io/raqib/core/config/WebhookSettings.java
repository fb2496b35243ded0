package io.raqib.core.config;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of webhook delivery, part of {@link SinkSettings}.
 *
 * @param timeout         {@code raqib.webhook.timeout}: longest wait for one POST's whole answer (default
 *                        {@code PT10S})
 * @param queuePerTarget  {@code raqib.webhook.queue.per.target}: alerts waiting for one target (scheme, host,
 *                        port); beyond it, the alerts behind them on the same partition wait too (default 100)
 * @param workers         {@code raqib.webhook.workers}: targets posted to at the same time, one thread each, ended
 *                        when idle (default 8)
 * @param circuitFailures {@code raqib.webhook.circuit.failures}: consecutive failed attempts that open a target's
 *                        circuit (default 5)
 * @param circuitOpen     {@code raqib.webhook.circuit.open}: how long an open circuit sends the target's alerts
 *                        straight to {@code raqib.dlq} before one trial request (default {@code PT1M})
 */
public record WebhookSettings(Duration timeout, int queuePerTarget, int workers, int circuitFailures,
                              Duration circuitOpen) {

    public static final String TIMEOUT = "raqib.webhook.timeout";
    public static final String QUEUE_PER_TARGET = "raqib.webhook.queue.per.target";
    public static final String WORKERS = "raqib.webhook.workers";
    public static final String CIRCUIT_FAILURES = "raqib.webhook.circuit.failures";
    public static final String CIRCUIT_OPEN = "raqib.webhook.circuit.open";

    static final Map<String, String> DEFAULTS = Map.of(
            TIMEOUT, "PT10S",
            QUEUE_PER_TARGET, "100",
            WORKERS, "8",
            CIRCUIT_FAILURES, "5",
            CIRCUIT_OPEN, "PT1M");

    /** The defaults: 10 s per POST, 100 alerts per target, 8 workers, open after 5 failures for a minute. */
    public static WebhookSettings defaults() {
        return from(ConfigValues.merge(DEFAULTS, null, Map.of(), Map.of()));
    }

    static WebhookSettings from(ConfigValues v) {
        return new WebhookSettings(v.duration(TIMEOUT), v.positiveInt(QUEUE_PER_TARGET), v.positiveInt(WORKERS),
                v.positiveInt(CIRCUIT_FAILURES), v.duration(CIRCUIT_OPEN));
    }
}
