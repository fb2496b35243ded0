package io.raqib.core.config;

import io.raqib.core.model.Watch;
import io.raqib.core.model.WebhookFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * @param secrets         {@code raqib.webhook.secrets}: {@code desk=whsec_… [whsec_…],…}, the Standard Webhooks
 *                        signing secrets of each desk's webhooks (several while rotating; desk {@link #ANY_DESK}:
 *                        every other desk and watches without one); none = alerts go unsigned
 * @param formats         {@code raqib.webhook.formats}: {@code desk=slack,…}, the body a desk's webhooks get when
 *                        the watch names no {@code webhookFormat} (desk {@link #ANY_DESK}: every other desk)
 */
public record WebhookSettings(Duration timeout, int queuePerTarget, int workers, int circuitFailures,
                              Duration circuitOpen, Map<String, List<String>> secrets,
                              Map<String, WebhookFormat> formats) {

    public static final String TIMEOUT = "raqib.webhook.timeout";
    public static final String QUEUE_PER_TARGET = "raqib.webhook.queue.per.target";
    public static final String WORKERS = "raqib.webhook.workers";
    public static final String CIRCUIT_FAILURES = "raqib.webhook.circuit.failures";
    public static final String CIRCUIT_OPEN = "raqib.webhook.circuit.open";
    public static final String SECRETS = "raqib.webhook.secrets";
    public static final String FORMATS = "raqib.webhook.formats";
    /** The desk of a secret or format that applies to every desk without its own, and to watches without a desk. */
    public static final String ANY_DESK = "*";
    /** The prefix of a secret's text form; base64 of the key follows. */
    public static final String SECRET_PREFIX = "whsec_";
    /** Key sizes the Standard Webhooks specification allows for HMAC-SHA256 secrets. */
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    /** A desk's name, as watches write it. */

    static final Map<String, String> DEFAULTS = Map.of(
            TIMEOUT, "PT10S",
            QUEUE_PER_TARGET, "100",
            WORKERS, "8",
            CIRCUIT_FAILURES, "5",
            CIRCUIT_OPEN, "PT1M",
            SECRETS, "",
            FORMATS, "");

    public WebhookSettings {
        secrets = Map.copyOf(secrets);
        formats = Map.copyOf(formats);
    }

    /** The defaults: 10 s per POST, 100 alerts per target, 8 workers, open after 5 failures for a minute. */
    public static WebhookSettings defaults() {
        return from(ConfigValues.merge(DEFAULTS, null, Map.of(), Map.of()));
    }

    /** The key a secret in {@code whsec_<base64>} form stands for; {@link IllegalArgumentException} saying why not. */
    public static byte[] signingKey(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a secret must start with " + SECRET_PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a secret's key must be " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes, got " + key.length);
        }
        return key;
    }

    /** Settings as text, secrets left out: configuration may be logged. */
    @Override
    public String toString() {
        return "WebhookSettings[timeout=" + timeout + ", queuePerTarget=" + queuePerTarget + ", workers=" + workers
                + ", circuitFailures=" + circuitFailures + ", circuitOpen=" + circuitOpen + ", secrets for desks "
                + secrets.keySet() + ", formats=" + formats + "]";
    }

    static WebhookSettings from(ConfigValues v) {
        return new WebhookSettings(v.duration(TIMEOUT), v.positiveInt(QUEUE_PER_TARGET), v.positiveInt(WORKERS),
                v.positiveInt(CIRCUIT_FAILURES), v.duration(CIRCUIT_OPEN),
                byDesk(v, SECRETS, WebhookSettings::secrets), byDesk(v, FORMATS, WebhookSettings::format));
    }

    private static List<String> secrets(String value) {
        List<String> secrets = Arrays.stream(value.split(" ")).filter(s -> !s.isEmpty()).toList();
        secrets.forEach(WebhookSettings::signingKey);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret after the desk");
        }
        return secrets;
    }

    private static WebhookFormat format(String value) {
        return WebhookFormat.named(value).orElseThrow(() -> new IllegalArgumentException("the format must be "
                + WebhookFormat.choices()));
    }

    /** The {@code desk=value} entries of {@code key}, each value read by {@code parse}. */
    private static <T> Map<String, T> byDesk(ConfigValues v, String key, Function<String, T> parse) {
        Map<String, T> out = new HashMap<>();
        for (String entry : v.list(key)) {
            int eq = entry.indexOf('=');
            String desk = eq < 0 ? "" : entry.substring(0, eq).strip();
            // nothing of the entry is quoted back but a valid desk name: a mistyped entry may hold a secret
            String what = "desk=value entries, comma-separated (entry " + (out.size() + 1) + ": ";
            if (!desk.equals(ANY_DESK) && !Watch.DESK_NAME.matcher(desk).matches() || out.containsKey(desk)) {
                throw v.invalid(key, "…", what + (out.containsKey(desk) ? "desk " + desk + " twice)"
                        : "no desk name before '=': lower-case letters, digits, '.', '_', '-', or *)"));
            }
            try {
                out.put(desk, parse.apply(entry.substring(eq + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw v.invalid(key, "…", what + e.getMessage() + ")");
            }
        }
        return out;
    }
}
