package io.raqib.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.sink.delivery.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(60), now::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.failed();
        }
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        fail(2);
        breaker.succeeded();
        fail(2);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.allowsRequest()).isTrue();

        breaker.failed();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.allowsRequest()).isFalse();
    }

    @Test
    void afterTheCoolOffOneTrialDecides() {
        fail(3);
        advanceSeconds(59);
        assertThat(breaker.allowsRequest()).isFalse();

        advanceSeconds(1);
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.allowsRequest()).isTrue();
        breaker.failed();
        assertThat(breaker.allowsRequest()).as("a failed trial opens it for another cool-off").isFalse();
        advanceSeconds(59);
        assertThat(breaker.allowsRequest()).isFalse();

        advanceSeconds(1);
        assertThat(breaker.allowsRequest()).isTrue();
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        fail(2);
        assertThat(breaker.allowsRequest()).as("closed again: a new run of failures is needed").isTrue();
    }
}
