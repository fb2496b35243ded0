package io.raqib.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the sink stage, a section of {@link RaqibConfig}.
 *
 * @param maxWatchesPerDesk {@code raqib.max.watches.per.desk}: most watches one desk may hold (watches without a
 *                          desk count as one desk); default 1000
 * @param webhookAllow      {@code raqib.webhook.allow}: comma-separated URL prefixes a watch's webhook must be
 *                          under ({@code https://hooks.example.org/raqib/}: same scheme, host and port, whole path
 *                          segments); empty (the default) allows none
 * @param watchLimits       {@code raqib.watch.*}: the bounds of one watch (query size, nesting, languages, …)
 * @param webhooks          how webhooks are delivered (timeouts, queues, circuit breakers)
 * @param digests           which desks get hourly or daily digests, and the mail server
 * @param volume            spike and silence alerts
 * @param history           where the alert history is kept, and for how long
 */
public record SinkSettings(int maxWatchesPerDesk, List<String> webhookAllow, WatchLimits watchLimits,
                           WebhookSettings webhooks, DigestSettings digests, VolumeSettings volume,
                           HistorySettings history) {

    public static final String MAX_WATCHES_PER_DESK = "raqib.max.watches.per.desk";
    public static final String WEBHOOK_ALLOW = "raqib.webhook.allow";

    static final Map<String, String> DEFAULTS = defaults();

    /** Settings with the default watch limits and webhook delivery, and no digests. */
    public SinkSettings(int maxWatchesPerDesk, List<String> webhookAllow) {
        this(maxWatchesPerDesk, webhookAllow, WatchLimits.defaults(), WebhookSettings.defaults(),
                DigestSettings.from(ConfigValues.merge(DigestSettings.DEFAULTS, null, Map.of(), Map.of())),
                VolumeSettings.from(ConfigValues.merge(VolumeSettings.DEFAULTS, null, Map.of(), Map.of())),
                HistorySettings.defaults());
    }

    static SinkSettings from(ConfigValues v) {
        return new SinkSettings(v.positiveInt(MAX_WATCHES_PER_DESK), v.list(WEBHOOK_ALLOW), WatchLimits.from(v),
                WebhookSettings.from(v), DigestSettings.from(v), VolumeSettings.from(v), HistorySettings.from(v));
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>(Map.of(MAX_WATCHES_PER_DESK, "1000", WEBHOOK_ALLOW, ""));
        defaults.putAll(WatchLimits.DEFAULTS);
        defaults.putAll(WebhookSettings.DEFAULTS);
        defaults.putAll(DigestSettings.DEFAULTS);
        defaults.putAll(VolumeSettings.DEFAULTS);
        defaults.putAll(HistorySettings.DEFAULTS);
        return Map.copyOf(defaults);
    }
}
