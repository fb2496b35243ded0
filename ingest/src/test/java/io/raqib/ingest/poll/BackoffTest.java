package io.raqib.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesPerFailureWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), new Random(1));

        for (int failures = 1; failures <= 12; failures++) {
            long full = Math.min(600_000, 30_000L << (failures - 1));
            assertThat(backoff.delay(failures).toMillis()).as("after %d failures", failures)
                    .isBetween(full / 2, full - 1);
        }
    }
}
