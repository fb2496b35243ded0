package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.app.faults.RaqibProcess;
import io.raqib.core.json.RaqibJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runnable jars keep only ICU's normalization tables (NFC, NFKC, NFKC_Casefold) of its 10 MB of data: a text
 * that takes every path of the Unicode and orthography stages is analyzed by each jar exactly as by the whole ICU
 * on the test class path.
 */
class JarAnalysisIT {

    /**
     * Arabic presentation forms and ligatures (ﺳﻼﻡ ﷺ ﻻ), Latin ligatures and fullwidth and mathematical forms
     * (ﬁ Ａｂｃ１２ 𝐁𝐨𝐥𝐝), case folding beyond lowercasing (Straße ΣΟΦΟΣ ᏣᎳᎩ), marks out of canonical order
     * (q + U+0302 + U+0323), decomposed Hangul jamo, harakat on Arabic letters, a zero-width joiner.
     */
    private static final String TEXT = "ﺳﻼﻡ ﷺ ﻻ ﬁnal Ａｂｃ１２ 𝐁𝐨𝐥𝐝 Straße ΣΟΦΟΣ ᏣᎳᎩ q\u0302\u0323 \u1100\u1161\u11A8 "
            + "مُحَمَّد الإرهـ\u200dـاب";

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @ParameterizedTest
    @ValueSource(strings = {"target/raqib.jar", "target/raqib-service.jar"})
    void analyzesAsTheWholeIcuDoes(String jar, @TempDir Path dir) throws Exception {
        assertThat(RaqibCli.run("analyze", "--json", TEXT)).isZero();
        JsonNode expected = RaqibJson.mapper().readTree(console.out());

        // A UTF-8 locale, so that the JVM reads the Arabic argument as UTF-8 whatever the test machine's locale.
        try (RaqibProcess run = RaqibProcess.start(Path.of(jar).toAbsolutePath(), "analyze", dir,
                Map.of("LC_ALL", "C.UTF-8"), List.of("analyze", "--json", TEXT))) {
            assertThat(run.awaitExit(Duration.ofMinutes(2))).as(run.stderrTail(20)).hasValue(0);
            assertThat(RaqibJson.mapper().readTree(String.join("\n", run.stdoutLines()))).isEqualTo(expected);
        }
    }
}
