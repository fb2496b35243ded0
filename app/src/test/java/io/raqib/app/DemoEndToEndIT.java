package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code raqib demo --once} from the built jar as a separate process, as a user would. */
class DemoEndToEndIT {

    private static final Path JAR = Path.of("target/raqib.jar").toAbsolutePath();
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final String SEED_TITLE =
            "الرئاسة الروسية تتحدث عن خطط “بوتين” القادمة في سوريا بعد فوز بشار الأسد بالانتخابات الرئاسية!";

    @Test
    void demoOncePrintsBothSeedAlertsAndExitsZero(@TempDir Path tmp) throws Exception {
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        Process demo = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "demo", "--once", "--http-port", "0")
                .directory(PROJECT.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();

        boolean exited = demo.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            demo.destroyForcibly();
        }

        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(exited).as("demo exits by itself; stderr: %s", errors).isTrue();
        assertThat(demo.exitValue()).as("exit code; stderr: %s", errors).isZero();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ALERT [syrian-elections] " + SEED_TITLE));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ALERT [unsc-2254] " + SEED_TITLE)
                .contains("مجلس الأمن").contains("2254"));
        assertThat(lines.get(lines.size() - 1)).contains("rejected 0").contains("first alert after");
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .matches("raqib demo: live console \\(login URL\\) http://127\\.0\\.0\\.1:\\d+/#token=[0-9a-f]{32}"));
        assertThat(errors).as("quiet logs").isBlank();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
