package io.raqib.app.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable summary of a fault run: figures and checks in the order they were made, printed as they come and
 * written to a file. A failed check does not stop the run, so one report shows every check that fails.
 */
final class FaultReport {

    private final Path file;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    FaultReport(Path file) {
        this.file = file;
    }

    /** A heading. */
    void section(String title) {
        line("");
        line("== " + title);
    }

    /** A figure or remark. */
    void line(String text) {
        lines.add(text);
        System.out.println("[faults] " + text);
    }

    /** A check: {@code PASS} or {@code FAIL} with its name and the figures behind it. */
    boolean check(String name, boolean ok, String detail) {
        line((ok ? "PASS " : "FAIL ") + name + (detail.isEmpty() ? "" : ": " + detail));
        if (!ok) {
            failed.add(name + (detail.isEmpty() ? "" : ": " + detail));
        }
        return ok;
    }

    /** {@code load 3.4}: the machine's 1-minute load average, since timings depend on it; empty if unknown. */
    static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "load unknown";
        }
    }

    /** The checks that failed so far. */
    List<String> failed() {
        return List.copyOf(failed);
    }

    /** Writes the summary file, with the failed checks last. */
    void write() throws IOException {
        List<String> out = new ArrayList<>(lines);
        out.add("");
        out.add(failed.isEmpty() ? "ALL CHECKS PASSED" : failed.size() + " CHECK(S) FAILED:");
        failed.forEach(f -> out.add("  - " + f));
        Files.createDirectories(file.getParent());
        Files.write(file, out, StandardCharsets.UTF_8);
    }
}
