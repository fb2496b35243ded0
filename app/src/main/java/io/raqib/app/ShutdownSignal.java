package io.raqib.app;

import io.raqib.core.kafka.StreamsFailedException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Lets a long-running command block until Ctrl-C / SIGTERM or until one of its services fails, then finish closing
 * its services before the JVM exits (the shutdown hook waits for the command's {@link Run} to close). A failed
 * service ends the command with a non-zero exit code ({@link #STREAMS_FAILED}, {@link #SERVICE_FAILED}), so that a
 * supervisor (docker-compose {@code restart: unless-stopped}, systemd) restarts the stage instead of leaving a
 * process that looks alive and does nothing.
 */
public final class ShutdownSignal {

    /** Exit code when a Kafka Streams client went to ERROR (or a stream thread died on a fatal error). */
    public static final int STREAMS_FAILED = 3;
    /** Exit code when another part of a service died (watch listener, webhook delivery, feed polling). */
    public static final int SERVICE_FAILED = 4;
    private static final long CHECK_EVERY_MS = 500;
    private static final CountDownLatch STOP = new CountDownLatch(1);
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private ShutdownSignal() {
    }

    /** A command's run: the shutdown hook waits until it is closed (after the command's services). */
    @FunctionalInterface
    public interface Run extends AutoCloseable {
        /** Marks the command's cleanup as done, releasing a waiting shutdown hook. */
        @Override
        void close();
    }

    /**
     * Installs the shutdown hook (once per JVM) and returns the command's run, to open first in the
     * try-with-resources of its services: a SIGTERM that arrives while they start still waits for their cleanup, and
     * a command that fails before its services exist never holds the JVM's exit.
     */
    public static Run install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                STOP.countDown();
                try {
                    DONE.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "raqib-shutdown"));
        }
        return DONE::countDown;
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
        while (!STOP.await(CHECK_EVERY_MS, TimeUnit.MILLISECONDS)) {
            Throwable failure = failures.stream().map(Supplier::get).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /**
     * Runs until the process is asked to stop (exit code 0) or a service fails: then prints one line naming the
     * failure and the exit code on stderr and returns that code.
     *
     * @param command the command's name for the line, e.g. {@code raqib enrich}
     */
    public static int runUntilStopped(String command, List<Supplier<Throwable>> failures)
            throws InterruptedException {
        Throwable failure = awaitStopOrFailure(failures);
        if (failure == null) {
            return 0;
        }
        int code = failure instanceof StreamsFailedException ? STREAMS_FAILED : SERVICE_FAILED;
        System.err.println(command + ": stopped, exiting with code " + code + ": "
                + Objects.toString(failure.getMessage(), failure.toString()));
        return code;
    }

}
