package io.raqib.sink.volume;

import java.util.List;

/**
 * What the volume alerts remember of one watch or source, stored per subject.
 *
 * @param name        the watch's or source's name, for the alert
 * @param windowStart start of the current counting window (epoch ms)
 * @param count       events in the current window
 * @param history     counts of the past windows, oldest first, at most the baseline's length
 * @param spiked      whether the current window already raised its spike alert
 * @param events      events seen in all (articles of a source)
 * @param lastSeen    time of the latest event (epoch ms)
 * @param usualGap    the usual interval between a source's batches of articles (ms, moving average)
 * @param silent      whether the current silence already raised its alert
 * @param rhythm      a source's batches by hour of the day; null for a watch, with the rhythm off, or in a value
 *                    stored before rhythms were kept (it starts at the next event)
 */
record SubjectVolume(String name, long windowStart, long count, List<Long> history, boolean spiked, long events,
                     long lastSeen, double usualGap, boolean silent, Rhythm rhythm) {

    /** This subject with its current silence alerted. */
    SubjectVolume silenced() {
        return new SubjectVolume(name, windowStart, count, history, spiked, events, lastSeen, usualGap, true, rhythm);
    }
}
