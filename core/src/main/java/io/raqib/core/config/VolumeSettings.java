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
 * @param rhythmDays      {@code raqib.silence.rhythm.days}: days a source's hourly rhythm is learned before its
 *                        silences are judged by it (batches it usually publishes in the quiet hours, so a source quiet
 *                        every night is not silent at night) rather than by its usual interval alone (default 3;
 *                        0 = never, the usual interval only)
 * @param forgetAfter     {@code raqib.volume.forget.after}: a watch or source with no event for this long is
 *                        forgotten (its counts deleted), never before its whole baseline and current window have
 *                        passed, nor a source before its silence was alerted (default P30D)
 * @param maxSources      {@code raqib.volume.max.sources}: sources remembered per partition of the sink's
 *                        articles; beyond it the least recently seen are forgotten, hourly (default 100000)
 */
public record VolumeSettings(Set<String> kinds, Duration window, int baselineWindows, double spikeFactor,
                             int spikeMinCount, double silenceFactor, Duration silenceMin, int silenceMinArticles,
                             int rhythmDays, Duration forgetAfter, int maxSources) {

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
    public static final String RHYTHM_DAYS = "raqib.silence.rhythm.days";
    public static final String FORGET_AFTER = "raqib.volume.forget.after";
    public static final String MAX_SOURCES = "raqib.volume.max.sources";
    private static final List<String> ALL = List.of(WATCH_SPIKE, SOURCE_SPIKE, SOURCE_SILENCE);

    /** At most a year: a rhythm is a matter of days. */
    private static final int MAX_RHYTHM_DAYS = 365;

    static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry(KINDS, String.join(",", ALL)),
            Map.entry(WINDOW, "PT1H"), Map.entry(BASELINE_WINDOWS, "24"), Map.entry(SPIKE_FACTOR, "3"),
            Map.entry(SPIKE_MIN_COUNT, "10"), Map.entry(SILENCE_FACTOR, "5"), Map.entry(SILENCE_MIN, "PT1H"),
            Map.entry(SILENCE_MIN_ARTICLES, "20"), Map.entry(RHYTHM_DAYS, "3"), Map.entry(FORGET_AFTER, "P30D"),
            Map.entry(MAX_SOURCES, "100000"));

    /** Whether silences are judged by the sources' hourly rhythm once learned ({@link #rhythmDays} above 0). */
    public boolean rhythm() {
        return rhythmDays > 0;
    }

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
                v.positiveInt(SILENCE_MIN_ARTICLES), rhythmDays(v), v.duration(FORGET_AFTER),
                v.positiveInt(MAX_SOURCES));
    }

    private static int rhythmDays(ConfigValues v) {
        String raw = v.string(RHYTHM_DAYS);
        try {
            int days = Integer.parseInt(raw);
            if (days >= 0 && days <= MAX_RHYTHM_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below with the setting's names
        }
        throw v.invalid(RHYTHM_DAYS, raw, "a whole number of days from 0 (off) to " + MAX_RHYTHM_DAYS);
    }
}
