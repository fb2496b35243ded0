package io.raqib.sink.volume;

import io.raqib.core.config.VolumeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of spike and silence alerts, apart from Kafka. A spike: the current window's count reaches
 * {@code spikeFactor} × the mean of the past {@code baselineWindows} windows (empty ones count as 0) and at least
 * {@code spikeMinCount}, once half the baseline has passed; one alert per window. A silence: no event for
 * {@code silenceFactor} × the usual interval between batches (gaps under {@link #BATCH_GAP} are one batch: feeds
 * deliver several articles at once) and at least {@code silenceMin}; one alert until the source publishes again.
 * A subject quiet for {@code forgetAfter} is forgotten, but never before its whole baseline and current window have
 * passed: until then its empty windows still lower the baseline.
 */
final class VolumeTracker {

    /** Events closer together than this are one batch: their gaps say nothing about the usual interval. */
    static final Duration BATCH_GAP = Duration.ofMinutes(1);
    private static final double SMOOTHING = 0.1;
    private final VolumeSettings settings;
    private final long window;
    private final long forgetAfter;

    /** The outcome of one event: the subject's new state and whether the event made its window a spike. */
    record Seen(SubjectVolume state, boolean spike) {
    }

    VolumeTracker(VolumeSettings settings) {
        this.settings = settings;
        this.window = settings.window().toMillis();
        this.forgetAfter = Math.max(settings.forgetAfter().toMillis(), (settings.baselineWindows() + 1) * window);
    }

    /** The counting window's length in ms. */
    long windowMillis() {
        return window;
    }

    /** Counts an event of {@code name} at {@code time} into {@code before} (null: the subject's first event). */
    Seen seen(SubjectVolume before, String name, long time) {
        long start = Math.floorDiv(time, window) * window;
        if (before == null) {
            return new Seen(new SubjectVolume(name, start, 1, List.of(), false, 1, time, 0, false), false);
        }
        long count = before.count();
        List<Long> history = before.history();
        boolean spiked = before.spiked();
        long windowStart = before.windowStart();
        if (start > windowStart) {
            history = rolled(history, count, (start - windowStart) / window);
            windowStart = start;
            count = 0;
            spiked = false;
        }
        // An event older than the current window (late, or replayed) counts for silence only.
        boolean counted = start == windowStart;
        if (counted) {
            count++;
        }
        boolean spike = counted && !spiked && isSpike(count, history);
        double gap = time - before.lastSeen();
        double usual = before.usualGap();
        if (gap >= BATCH_GAP.toMillis()) {
            usual = usual == 0 ? gap : (1 - SMOOTHING) * usual + SMOOTHING * gap;
        }
        long lastSeen = Math.max(before.lastSeen(), time);
        return new Seen(new SubjectVolume(name, windowStart, count, history, spiked || spike, before.events() + 1,
                lastSeen, usual, before.silent() && lastSeen == before.lastSeen()), spike);
    }

    /** The mean count of the past windows (the baseline). */
    static double baseline(SubjectVolume state) {
        return state.history().stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** How long {@code state}'s source may stay quiet before it is silent; null while its usual pace is unknown. */
    Duration silenceAfter(SubjectVolume state) {
        if (state.events() < settings.silenceMinArticles()) {
            return null;
        }
        double usual = Math.max(state.usualGap(), BATCH_GAP.toMillis());
        return Duration.ofMillis(Math.max(settings.silenceMin().toMillis(), (long) (settings.silenceFactor() * usual)));
    }

    /** Whether {@code state}'s source has just become silent at {@code now} (not yet alerted). */
    boolean becameSilent(SubjectVolume state, long now) {
        Duration after = silenceAfter(state);
        return !state.silent() && after != null && now - state.lastSeen() >= after.toMillis();
    }

    /**
     * Whether {@code state} may be forgotten at {@code now}: quiet for longer than it can matter, and with no silence
     * still to alert ({@code silences}: whether silences are alerted) — once alerted, a silent source goes too.
     */
    boolean forgettable(SubjectVolume state, long now, boolean silences) {
        return now - state.lastSeen() > forgetAfter && (!silences || state.silent() || silenceAfter(state) == null);
    }

    private boolean isSpike(long count, List<Long> history) {
        if (history.size() * 2 < settings.baselineWindows() || count < settings.spikeMinCount()) {
            return false;
        }
        double mean = history.stream().mapToLong(Long::longValue).average().orElse(0);
        return count >= settings.spikeFactor() * mean;
    }

    /** {@code history} with the closed window's {@code count} and {@code skipped} − 1 empty windows after it. */
    private List<Long> rolled(List<Long> history, long count, long skipped) {
        int keep = settings.baselineWindows();
        List<Long> out = new ArrayList<>(history);
        out.add(count);
        for (long i = 1; i < skipped && i <= keep; i++) {
            out.add(0L);
        }
        return List.copyOf(out.subList(Math.max(0, out.size() - keep), out.size()));
    }
}
