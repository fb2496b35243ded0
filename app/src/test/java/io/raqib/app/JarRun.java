package io.raqib.app;

import static io.raqib.app.faults.RaqibProcess.javaBinary;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A run of the built {@code raqib.jar} as its own process, as a user starts it: its output once it exited 0. */
public record JarRun(List<String> stdout, String stderr) {

    private static final Path JAR = Path.of("target/raqib.jar").toAbsolutePath();

    /**
     * Runs {@code java <jvmOptions> -jar raqib.jar <arguments>} in {@code directory}, its output kept in
     * {@code tmp}; asserts that it exits by itself within {@code timeout} with code 0.
     */
    public static JarRun exitingZero(Path directory, Path tmp, Duration timeout, List<String> jvmOptions,
                                     List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        JarRun run = new JarRun(Files.readAllLines(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
        assertThat(exited).as("%s exits by itself; %s", arguments, run).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; %s", arguments, run).isZero();
        return run;
    }
}
