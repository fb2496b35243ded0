package io.raqib.app.faults;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One {@code java -jar raqib.jar …} run as its own OS process, as an operator would start it: output in files of a
 * work folder, waited for by pattern; stopped with SIGTERM or killed with SIGKILL ({@code kill -9}).
 */
public final class RaqibProcess implements AutoCloseable {

    /** The runnable jar the tests start: {@code -Draqib.jar=…}, else the one this module builds. */
    public static final Path JAR = Path.of(System.getProperty("raqib.jar", "target/raqib.jar")).toAbsolutePath();

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Path gcLog;
    private volatile boolean stoppedOnPurpose;

    private RaqibProcess(String name, Process process, Path stdout, Path stderr, Path gcLog) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.gcLog = gcLog;
    }

    /**
     * Starts {@code raqib args…} with {@code env} added to this process's environment; its output goes to
     * {@code <name>.out}, {@code <name>.err} and its GC log to {@code <name>.gc} in {@code dir}.
     */
    public static RaqibProcess start(String name, Path dir, Map<String, String> env, List<String> args)
            throws IOException {
        return start(JAR, name, dir, env, args);
    }

    /** As {@link #start(String, Path, Map, List)}, from {@code jar} instead of {@link #JAR}. */
    public static RaqibProcess start(Path jar, String name, Path dir, Map<String, String> env, List<String> args)
            throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Path gc = dir.resolve(name + ".gc");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-Xss2m", "-Dfile.encoding=UTF-8",
                "-Xlog:gc:file=" + gc, "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        return new RaqibProcess(name, builder.start(), out, err, gc);
    }

    /** Waits until a line of standard output matches {@code pattern}; false when it exits or times out first. */
    public boolean awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stdoutLines().stream().anyMatch(l -> pattern.matcher(l).find())) {
                return true;
            }
            if (!process.isAlive()) {
                return stdoutLines().stream().anyMatch(l -> pattern.matcher(l).find());
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Waits for the process to exit by itself; its exit code, or empty on timeout. */
    public OptionalLong awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalLong.of(process.exitValue())
                : OptionalLong.empty();
    }

    /** {@code kill -9}: the process gets no chance to close anything. Returns once it is gone. */
    public void kill() throws InterruptedException {
        stoppedOnPurpose = true;
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as Ctrl-C or an orchestrator would stop it; its exit code, or empty if still running after timeout. */
    public OptionalLong stop(Duration timeout) throws InterruptedException {
        stoppedOnPurpose = true;
        process.destroy();
        return awaitExit(timeout);
    }

    /** The name given at start (role and restart number). */
    public String name() {
        return name;
    }

    /** The OS process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether {@link #kill} or {@link #stop} was called: an exit that was asked for. */
    public boolean stoppedOnPurpose() {
        return stoppedOnPurpose;
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code of a process that has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Resident memory in KB from {@code /proc/<pid>/status}, empty when gone or not on Linux. */
    public OptionalLong rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException e) {
            // the process is gone, or there is no /proc: no sample
        }
        return OptionalLong.empty();
    }

    /** The process's GC log ({@code -Xlog:gc}). */
    public Path gcLog() {
        return gcLog;
    }

    /** Everything printed on standard output so far. */
    public List<String> stdoutLines() {
        return lines(stdout);
    }

    /** The last {@code n} lines of standard error without stack frames: what went wrong, in a few lines. */
    public String lastErrors(int n) {
        List<String> lines = lines(stderr).stream()
                .filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... ")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** The last {@code n} lines of standard error, for failure messages. */
    public String stderrTail(int n) {
        List<String> lines = lines(stderr);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static List<String> lines(Path file) {
        try {
            // Lenient decoding: a process killed mid-line may leave half a character.
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The {@code java} of the JVM running the tests. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
