package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code raqib bench match --verify} on a small corpus: the verdict line, and the benchmark's line still last. */
class BenchMatchVerifyTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void verifyPrintsNoDifferencesBeforeTheLastLine(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        try (OutputStream file = Files.newOutputStream(corpus.resolve("news.zip"));
             ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("news.json"));
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < 8; i++) {
                json.append(i == 0 ? "" : ",").append("{\"source\":\"s\",\"url\":\"u").append(i)
                        .append("\",\"title\":\"أسعار القمح ").append(i).append("\",\"content\":\"")
                        .append(i % 2 == 0 ? "ارتفعت أسعار الخبز في الرياض" : "مجلس الأمن يناقش القرار 2254")
                        .append("\"}");
            }
            zip.write(json.append("]").toString().getBytes(StandardCharsets.UTF_8));
        }
        Path watches = dir.resolve("watches.json");
        Files.writeString(watches, "[{\"id\":\"bread\",\"name\":\"b\",\"query\":\"الخبز AND الرياض\"},"
                + "{\"id\":\"unsc\",\"name\":\"u\",\"query\":\"\\\"مجلس الأمن\\\" AND 2254\"}]");

        int exit = RaqibCli.run("bench", "match", "--corpus", corpus.toString(), "--watches", watches.toString(),
                "--docs", "6", "--warmup-docs", "2", "--threads", "1", "--skip-stock", "--verify");

        assertThat(exit).isZero();
        List<String> lines = console.out().lines().toList();
        assertThat(lines.get(lines.size() - 2)).isEqualTo("differences=0");
        assertThat(lines.get(lines.size() - 1)).startsWith("raqib-match ").contains("matches=6");
        assertThat(lines).contains("verify: monitor-only 6 matches (2 watches matched), raqib 6 matches");
    }
}
