package io.raqib.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of a process (Linux {@code VmHWM}), the figure that says what a stage really costs. */
final class PeakRss {

    private PeakRss() {
    }

    /** Peak RSS of this process in MiB, or -1 where {@code /proc} does not tell. */
    static long ofThisProcess() {
        return ofProcess(ProcessHandle.current().pid());
    }

    /** Peak RSS of process {@code pid} in MiB (read it before the process exits), or -1 where unknown. */
    static long ofProcess(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: the figure is unknown, not zero.
        }
        return -1;
    }
}
