package io.raqib.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command block until Ctrl-C / SIGTERM, then finish closing its services before the JVM
 * exits (the shutdown hook waits for {@link #finished()}).
 */
public final class ShutdownSignal {

    private static final CountDownLatch STOP = new CountDownLatch(1);
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    /** Blocks until the process is asked to stop. */
    public static void await() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            STOP.countDown();
            try {
                DONE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "raqib-shutdown"));
        STOP.await();
    }

    /** Marks the command's cleanup as done, releasing a waiting shutdown hook. */
    public static void finished() {
        DONE.countDown();
    }
}
