package io.raqib.ingest.poll;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for a failing feed: the n-th consecutive failure waits
 * {@code base · 2^(n-1)}, capped at {@code max}, then scaled by a random factor in [0.5, 1) so that feeds that
 * failed together (one host down) do not retry together.
 */
public record Backoff(Duration base, Duration max, RandomGenerator random) {

    /** The wait before retrying after {@code failures} consecutive failures (≥ 1). */
    public Duration delay(int failures) {
        int exponent = Math.min(Math.max(failures, 1) - 1, 30);
        long millis = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
        return Duration.ofMillis((long) (millis * (0.5 + random.nextDouble() / 2)));
    }
}
