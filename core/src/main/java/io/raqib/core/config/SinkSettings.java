package io.raqib.core.config;

import java.util.Map;

/**
 * Settings of the sink stage, a section of {@link RaqibConfig}.
 *
 * @param maxWatchesPerDesk {@code raqib.max.watches.per.desk}: most watches one desk may hold (watches without a
 *                          desk count as one desk); default 1000
 */
public record SinkSettings(int maxWatchesPerDesk) {

    public static final String MAX_WATCHES_PER_DESK = "raqib.max.watches.per.desk";

    static final Map<String, String> DEFAULTS = Map.of(MAX_WATCHES_PER_DESK, "1000");

    static SinkSettings from(ConfigValues v) {
        return new SinkSettings(v.positiveInt(MAX_WATCHES_PER_DESK));
    }
}
