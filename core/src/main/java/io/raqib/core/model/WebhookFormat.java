package io.raqib.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The body a webhook receives for each alert: a watch's {@code webhookFormat}, or its desk's. */
public enum WebhookFormat {
    /** The alert's CloudEvent JSON, as on {@code raqib.alerts} (the default). */
    CLOUDEVENTS,
    /** A Slack incoming-webhook message: {@code text} plus blocks. */
    SLACK;

    /** The name in watches and settings: {@code cloudevents}, {@code slack}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code name} (exactly, lower case), empty when there is none. */
    public static Optional<WebhookFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }

    /** The names, for error messages: {@code 'cloudevents' or 'slack'}. */
    public static String choices() {
        return Arrays.stream(values()).map(f -> "'" + f.wireName() + "'").collect(Collectors.joining(" or "));
    }
}
