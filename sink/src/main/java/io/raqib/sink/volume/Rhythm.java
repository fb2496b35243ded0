package io.raqib.sink.volume;

import java.util.Collections;
import java.util.List;

/**
 * A source's daily rhythm: how many batches of articles it usually publishes in each hour of the day (UTC; sources
 * live in many zones, and a shift of an hour at daylight saving is relearned like any change), so a silence can be
 * judged by what the quiet hours would usually have brought. Each hour of the day is the mean of its past days'
 * counts, a moving average over about {@link #MEMORY_DAYS} days once that many have passed, so a changed schedule is
 * learned in about a week. The rates are whole thousandths of a batch per hour, which keeps the stored form small.
 *
 * @param since   the epoch hour (ms / 3,600,000) the rhythm started in
 * @param hour    the epoch hour being counted, not yet in {@code perHour}
 * @param batches batches counted so far in {@code hour}
 * @param perHour 24 rates by hour of day (0 = 00:00–01:00 UTC), in thousandths of a batch per hour
 */
record Rhythm(long since, long hour, int batches, List<Integer> perHour) {

    /** One hour in ms. */
    static final long HOUR = 3_600_000;
    /** How many days the moving average of an hour of the day mostly remembers. */
    static final int MEMORY_DAYS = 7;
    /** A source quiet for longer than this starts its rhythm afresh: its old one says little any more. */
    static final long RESTART_HOURS = 24L * 4 * MEMORY_DAYS;
    /** Hours in a day, the length of {@code perHour}. */
    static final int HOURS = 24;
    private static final double SCALE = 1000;

    /** A rhythm starting with a batch at {@code time}. */
    static Rhythm start(long time) {
        long at = Math.floorDiv(time, HOUR);
        return new Rhythm(at, at, 1, Collections.nCopies(HOURS, 0));
    }

    /**
     * This rhythm with an event at {@code time} ({@code batch}: whether it starts a new batch): the hours before
     * its hour are closed, the ones without an event with a count of 0. An event before the counted hour (late,
     * replayed) changes nothing.
     */
    Rhythm seen(long time, boolean batch) {
        long at = Math.floorDiv(time, HOUR);
        if (at < hour) {
            return this;
        }
        if (at == hour) {
            return batch ? new Rhythm(since, hour, batches + 1, perHour) : this;
        }
        if (at - hour > RESTART_HOURS) {
            return start(time);
        }
        Integer[] rates = perHour.toArray(Integer[]::new);
        close(rates, hour, batches);
        for (long h = hour + 1; h < at; h++) {
            close(rates, h, 0);
        }
        return new Rhythm(since, at, batch ? 1 : 0, List.of(rates));
    }

    /** Whether every hour of the day has been counted on at least {@code days} days. */
    boolean learned(int days) {
        return hour - since >= (long) HOURS * days;
    }

    /** The batches this rhythm expects from {@code from} to {@code to} (epoch ms), hours in part pro rata. */
    double expected(long from, long to) {
        if (to <= from) {
            return 0;
        }
        long first = Math.floorDiv(from, HOUR);
        long last = Math.floorDiv(to, HOUR);
        if (first == last) {
            return rate(first) * (to - from) / HOUR;
        }
        double sum = rate(first) * ((first + 1) * HOUR - from) / HOUR + rate(last) * (to - last * HOUR) / HOUR;
        // Whole days at once, so a long silence costs no more than two days of hours.
        long wholeDays = (last - first - 1) / HOURS;
        sum += wholeDays * perHour.stream().mapToInt(Integer::intValue).sum() / SCALE;
        for (long h = first + 1 + wholeDays * HOURS; h < last; h++) {
            sum += rate(h);
        }
        return sum;
    }

    private double rate(long epochHour) {
        return perHour.get((int) Math.floorMod(epochHour, HOURS)) / SCALE;
    }

    /** Folds {@code count} batches in epoch hour {@code h} into its hour of the day's rate. */
    private void close(Integer[] rates, long h, int count) {
        long days = (h - since) / HOURS + 1;
        // The plain mean of the days so far, then a moving average: early days weigh as much as later ones.
        double weight = Math.max(1.0 / MEMORY_DAYS, 1.0 / days);
        int i = (int) Math.floorMod(h, HOURS);
        rates[i] = (int) Math.round((1 - weight) * rates[i] + weight * count * SCALE);
    }
}
