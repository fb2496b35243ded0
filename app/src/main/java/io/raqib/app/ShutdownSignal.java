package io.raqib.app;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets a long-running command block until Ctrl-C / SIGTERM or until one of its services fails, then finish closing
 * its services before the JVM exits (the shutdown hook waits for {@link #finished()}). A failed service ends the
 * command with a non-zero exit code, so that a supervisor (docker-compose, systemd) restarts the stage instead of
 * leaving a process that looks alive and does nothing.
 */
public final class ShutdownSignal {

    private static final long CHECK_EVERY_MS = 500;
    private static final CountDownLatch STOP = new CountDownLatch(1);
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    /** Blocks until the process is asked to stop. */
    public static void await() throws InterruptedException {
        awaitStopOrFailure(List.of());
    }

    /**
     * Blocks until the process is asked to stop (returns null) or one of {@code failures} reports an error (returns
     * it). Each supplier answers a service's fatal error, or null while it is healthy.
     */
    public static Throwable awaitStopOrFailure(List<Supplier<Throwable>> failures) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            STOP.countDown();
            try {
                DONE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "raqib-shutdown"));
        while (!STOP.await(CHECK_EVERY_MS, TimeUnit.MILLISECONDS)) {
            Throwable failure = failures.stream().map(Supplier::get).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** Marks the command's cleanup as done, releasing a waiting shutdown hook. */
    public static void finished() {
        DONE.countDown();
    }
}
