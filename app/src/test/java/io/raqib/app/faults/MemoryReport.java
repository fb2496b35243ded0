package io.raqib.app.faults;

import io.raqib.app.faults.MemorySampler.Sample;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Prints the memory samples of a run: every sample, then per process start / end / max and the trend. */
final class MemoryReport {

    /** Samples of the first two minutes are warm-up (class loading, caches filling), left out of the trend. */
    private static final long WARM_UP_SECONDS = 120;

    private MemoryReport() {
    }

    /** Adds the samples so far and their summary to {@code report}. */
    static void print(MemorySampler memory, FaultReport report) {
        report.line("memory samples (second: process rss MB / heap after last GC MB)");
        Map<String, List<Sample>> byProcess = memory.byProcess();
        byProcess.values().stream().flatMap(List::stream).map(Sample::second).distinct().sorted().forEach(second -> {
            StringBuilder line = new StringBuilder(String.format("  %5d s:", second));
            byProcess.forEach((process, samples) -> samples.stream().filter(s -> s.second() == second).findFirst()
                    .ifPresent(s -> line.append(String.format("  %s %d/%d", process, s.rssMb(), s.heapAfterGcMb()))));
            report.line(line.toString());
        });
        byProcess.forEach((process, samples) -> report.line(String.format(
                "%-9s rss MB start %d end %d max %d, trend after warm-up %+.1f MB/min; heap after GC MB start %d "
                        + "end %d max %d, trend %+.1f MB/min (%d samples)", process,
                samples.get(0).rssMb(), samples.get(samples.size() - 1).rssMb(), max(samples, Sample::rssMb),
                trend(samples, Sample::rssMb), samples.get(0).heapAfterGcMb(),
                samples.get(samples.size() - 1).heapAfterGcMb(), max(samples, Sample::heapAfterGcMb),
                trend(samples, Sample::heapAfterGcMb), samples.size())));
        if (memory.failure() != null) {
            report.line("memory sampling stopped: " + memory.failure());
        }
    }

    private static long max(List<Sample> samples, ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).max().orElse(-1);
    }

    /** Least-squares slope in MB per minute of the samples after warm-up; 0 with fewer than three. */
    static double trend(List<Sample> samples, ToLongFunction<Sample> value) {
        List<Sample> steady = samples.stream().filter(s -> s.second() >= WARM_UP_SECONDS)
                .filter(s -> value.applyAsLong(s) >= 0).toList();
        if (steady.size() < 3) {
            return 0;
        }
        double meanX = steady.stream().mapToDouble(Sample::second).average().orElse(0);
        double meanY = steady.stream().mapToDouble(value::applyAsLong).average().orElse(0);
        double cov = 0;
        double var = 0;
        for (Sample s : steady) {
            cov += (s.second() - meanX) * (value.applyAsLong(s) - meanY);
            var += (s.second() - meanX) * (s.second() - meanX);
        }
        return var == 0 ? 0 : cov / var * 60;
    }
}
