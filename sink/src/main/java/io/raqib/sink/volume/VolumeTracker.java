package io.raqib.sink.volume;

import io.raqib.core.config.VolumeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of spike and silence alerts, apart from Kafka. A spike: the current window's count reaches
 * {@code spikeFactor} × the mean of the past {@code baselineWindows} windows (empty ones count as 0) and at least
 * {@code spikeMinCount}, once half the baseline has passed; one alert per window. A silence: no event for at least
 * {@code silenceMin}, in which the source would usually have published {@code silenceFactor} batches (events closer
 * than {@link #BATCH_GAP} are one batch: feeds deliver several articles at once): by its {@link Rhythm} once learned
 * for {@code rhythmDays}, so the hours it is quiet every day count for nothing, and until then by its usual interval
 * between batches ({@code silenceFactor} × that interval); one alert until the source publishes again.
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

    /**
     * Counts an event of {@code name} at {@code time} into {@code before} (null: the subject's first event);
     * {@code learnRhythm}: whether to learn the subject's rhythm (a source whose silences are alerted).
     */
    Seen seen(SubjectVolume before, String name, long time, boolean learnRhythm) {
        long start = Math.floorDiv(time, window) * window;
        boolean keepRhythm = learnRhythm && settings.rhythm();
        if (before == null) {
            return new Seen(new SubjectVolume(name, start, 1, List.of(), false, 1, time, 0, false,
                    keepRhythm ? Rhythm.start(time) : null), false);
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
        boolean batch = gap >= BATCH_GAP.toMillis();
        if (batch) {
            usual = usual == 0 ? gap : (1 - SMOOTHING) * usual + SMOOTHING * gap;
        }
        Rhythm rhythm = !keepRhythm ? null
                : before.rhythm() == null ? Rhythm.start(time) : before.rhythm().seen(time, batch);
        long lastSeen = Math.max(before.lastSeen(), time);
        return new Seen(new SubjectVolume(name, windowStart, count, history, spiked || spike, before.events() + 1,
                lastSeen, usual, before.silent() && lastSeen == before.lastSeen(), rhythm), spike);
    }

    /** The mean count of the past windows (the baseline). */
    static double baseline(SubjectVolume state) {
        return state.history().stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** Whether {@code state}'s source has just become silent at {@code now} (not yet alerted). */
    boolean becameSilent(SubjectVolume state, long now) {
        long quiet = now - state.lastSeen();
        if (state.silent() || !paceKnown(state) || quiet < settings.silenceMin().toMillis()) {
            return false;
        }
        Rhythm rhythm = state.rhythm();
        if (rhythm != null && rhythm.learned(settings.rhythmDays())) {
            return rhythm.expected(state.lastSeen(), now) >= settings.silenceFactor();
        }
        return quiet >= settings.silenceFactor() * Math.max(state.usualGap(), BATCH_GAP.toMillis());
    }

    /**
     * Whether {@code state} may be forgotten at {@code now}: quiet for longer than it can matter, and with no silence
     * still to alert ({@code silences}: whether silences are alerted) — once alerted, a silent source goes too.
     */
    boolean forgettable(SubjectVolume state, long now, boolean silences) {
        return now - state.lastSeen() > forgetAfter && (!silences || state.silent() || !paceKnown(state));
    }

    /** Whether {@code state}'s source has published enough for its pace to be known, and so can be silent. */
    private boolean paceKnown(SubjectVolume state) {
        return state.events() >= settings.silenceMinArticles();
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
