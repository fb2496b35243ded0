package io.raqib.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A service's background thread: dead when it ends on its own, stopped when its owner ends it. */
class ServiceThreadTest {

    @Test
    void aThreadThatThrowsIsDeadWithItsError() throws Exception {
        ServiceThread thread = new ServiceThread("raqib-test-throws", () -> {
            throw new IllegalStateException("consumer fenced");
        });
        assertThat(thread.health("part").status()).isEqualTo(ComponentHealth.Status.STARTING);

        thread.start();
        thread.join(10_000);

        assertThat(thread.death()).hasMessage("consumer fenced");
        assertThat(thread.health("part").status()).isEqualTo(ComponentHealth.Status.DOWN);
        assertThat(thread.health("part").detail()).contains("raqib-test-throws died", "consumer fenced");
    }

    @Test
    void aThreadThatReturnsWhileItsServiceRunsIsDeadToo() throws Exception {
        ServiceThread thread = new ServiceThread("raqib-test-returns", () -> { });

        thread.start();
        thread.join(10_000);

        assertThat(thread.death()).hasMessageContaining("ended while its service runs");
    }

    @Test
    void aThreadItsOwnerStoppedIsNotDead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ServiceThread thread = new ServiceThread("raqib-test-stopped", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        assertThat(thread.health("part").status()).isEqualTo(ComponentHealth.Status.UP);

        thread.stopping();
        release.countDown();
        thread.join(10_000);

        assertThat(thread.death()).isNull();
        assertThat(thread.health("part").detail()).isEqualTo("stopped");
    }
}
