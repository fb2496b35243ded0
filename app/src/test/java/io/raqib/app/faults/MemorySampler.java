package io.raqib.app.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the resident memory and the heap after the last GC (from the process's {@code -Xlog:gc} file, so no
 * extra JVM is started to ask) of every process of a cluster at a fixed interval.
 */
final class MemorySampler implements AutoCloseable {

    /** One sample of one process: seconds since the sampler started, RSS and heap after GC in MB (-1 = unknown). */
    record Sample(long second, String process, long rssMb, long heapAfterGcMb) {
    }

    /** {@code [gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(256M) 3.2ms}: the "12M". */
    private static final Pattern AFTER_GC = Pattern.compile("->(\\d+)M\\(\\d+M\\)");
    private final Supplier<Map<String, RaqibProcess>> processes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-memory-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<Sample> samples = new ArrayList<>();
    private final long started = System.nanoTime();
    private volatile Throwable failure;

    /** Samples {@code processes} (role → running process, asked anew each time) every {@code interval}. */
    MemorySampler(Supplier<Map<String, RaqibProcess>> processes, Duration interval) {
        this.processes = processes;
        timer.scheduleAtFixedRate(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            long second = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            for (Map.Entry<String, RaqibProcess> e : processes.get().entrySet()) {
                OptionalLong rss = e.getValue().rssKb();
                if (rss.isPresent()) {
                    synchronized (samples) {
                        samples.add(new Sample(second, e.getKey(), rss.getAsLong() / 1024, heapAfterGc(e.getValue())));
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private static long heapAfterGc(RaqibProcess p) {
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(p.gcLog()), StandardCharsets.UTF_8)
                    .split("\n"));
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = AFTER_GC.matcher(lines.get(i));
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
        } catch (IOException e) {
            // no GC log yet
        }
        return -1;
    }

    /** The samples so far, per process role, in time order. */
    Map<String, List<Sample>> byProcess() {
        Map<String, List<Sample>> out = new LinkedHashMap<>();
        synchronized (samples) {
            samples.forEach(s -> out.computeIfAbsent(s.process(), k -> new ArrayList<>()).add(s));
        }
        return out;
    }

    /** The error that stopped sampling, or null. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
