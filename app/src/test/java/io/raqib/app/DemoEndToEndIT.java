package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code raqib demo --once} from the built jar as a separate process, as a user would. */
class DemoEndToEndIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final String SEED_TITLE =
            "الرئاسة الروسية تتحدث عن خطط “بوتين” القادمة في سوريا بعد فوز بشار الأسد بالانتخابات الرئاسية!";

    @Test
    void demoOncePrintsBothSeedAlertsAndExitsZero(@TempDir Path tmp) throws Exception {
        JarRun demo = JarRun.exitingZero(PROJECT, tmp, Duration.ofMinutes(3), List.of(),
                List.of("demo", "--once", "--http-port", "0"));
        List<String> lines = demo.stdout();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ALERT [syrian-elections] " + SEED_TITLE));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ALERT [unsc-2254] " + SEED_TITLE)
                .contains("مجلس الأمن").contains("2254"));
        assertThat(lines.get(lines.size() - 1)).contains("rejected 0").contains("first alert after");
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .matches("raqib demo: live console \\(login URL\\) http://127\\.0\\.0\\.1:\\d+/#token=[0-9a-f]{32}"));
        assertThat(demo.stderr()).as("quiet logs").isBlank();
    }
}
