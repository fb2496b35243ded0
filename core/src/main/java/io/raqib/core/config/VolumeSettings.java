package io.raqib.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spike and silence alerts, part of {@link SinkSettings}.
 *
 * @param kinds           {@code raqib.volume.alerts}: which of {@code watch-spike}, {@code source-spike},
 *                        {@code source-silence} are on (default all; empty = none)
 * @param window          {@code raqib.spike.window}: the counting window, aligned to the UTC epoch (default PT1H)
 * @param baselineWindows {@code raqib.spike.baseline.windows}: past windows whose mean count is the baseline
 *                        (default 24); no spike is called before half of them have passed
 * @param spikeFactor     {@code raqib.spike.factor}: a window's count must reach this many times the baseline
 *                        (default 3)
 * @param spikeMinCount   {@code raqib.spike.min.count}: and at least this count, so 1 → 4 is no spike (default 10)
 * @param silenceFactor   {@code raqib.silence.factor}: a source is silent after this many times its usual interval
 *                        between articles (default 5)
 * @param silenceMin      {@code raqib.silence.min}: and never before this long (default PT1H)
 * @param silenceMinArticles {@code raqib.silence.min.articles}: articles a source must have published before its
 *                        usual interval is trusted (default 20)
 * @param forgetAfter     {@code raqib.volume.forget.after}: a watch or source with no event for this long is
 *                        forgotten (its counts deleted), never before its whole baseline and current window have
 *                        passed, nor a source before its silence was alerted (default P30D)
 * @param maxSources      {@code raqib.volume.max.sources}: sources remembered per partition of the sink's
 *                        articles; beyond it the least recently seen are forgotten, hourly (default 100000)
 */
public record VolumeSettings(Set<String> kinds, Duration window, int baselineWindows, double spikeFactor,
                             int spikeMinCount, double silenceFactor, Duration silenceMin, int silenceMinArticles,
                             Duration forgetAfter, int maxSources) {

    public static final String WATCH_SPIKE = "watch-spike";
    public static final String SOURCE_SPIKE = "source-spike";
    public static final String SOURCE_SILENCE = "source-silence";
    public static final String KINDS = "raqib.volume.alerts";
    public static final String WINDOW = "raqib.spike.window";
    public static final String BASELINE_WINDOWS = "raqib.spike.baseline.windows";
    public static final String SPIKE_FACTOR = "raqib.spike.factor";
    public static final String SPIKE_MIN_COUNT = "raqib.spike.min.count";
    public static final String SILENCE_FACTOR = "raqib.silence.factor";
    public static final String SILENCE_MIN = "raqib.silence.min";
    public static final String SILENCE_MIN_ARTICLES = "raqib.silence.min.articles";
    public static final String FORGET_AFTER = "raqib.volume.forget.after";
    public static final String MAX_SOURCES = "raqib.volume.max.sources";
    private static final List<String> ALL = List.of(WATCH_SPIKE, SOURCE_SPIKE, SOURCE_SILENCE);

    static final Map<String, String> DEFAULTS = Map.of(KINDS, String.join(",", ALL), WINDOW, "PT1H",
            BASELINE_WINDOWS, "24", SPIKE_FACTOR, "3", SPIKE_MIN_COUNT, "10", SILENCE_FACTOR, "5", SILENCE_MIN, "PT1H",
            SILENCE_MIN_ARTICLES, "20", FORGET_AFTER, "P30D", MAX_SOURCES, "100000");

    /** Whether alerts of {@code kind} ({@link #WATCH_SPIKE}, …) are on. */
    public boolean on(String kind) {
        return kinds.contains(kind);
    }

    static VolumeSettings from(ConfigValues v) {
        List<String> kinds = v.list(KINDS);
        kinds.stream().filter(k -> !ALL.contains(k)).findFirst().ifPresent(k -> {
            throw v.invalid(KINDS, v.string(KINDS), "a comma-separated list of " + ALL + " (or empty)");
        });
        int baseline = v.positiveInt(BASELINE_WINDOWS);
        if (baseline < 2 || baseline > 1000) {
            throw v.invalid(BASELINE_WINDOWS, Integer.toString(baseline), "between 2 and 1000");
        }
        return new VolumeSettings(Set.copyOf(kinds), v.duration(WINDOW), baseline, v.factor(SPIKE_FACTOR),
                v.positiveInt(SPIKE_MIN_COUNT), v.factor(SILENCE_FACTOR), v.duration(SILENCE_MIN),
                v.positiveInt(SILENCE_MIN_ARTICLES), v.duration(FORGET_AFTER), v.positiveInt(MAX_SOURCES));
    }
}
