package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

    private static final String WATCHES = "../samples/watches.json";
    private static final String SEED = "../samples/000_7c7fb83801401802.txt";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private List<JsonNode> alerts() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                nodes.add(RaqibJson.mapper().readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void seedRaisesBothAlertsAsCloudEventLines() throws Exception {
        int exit = RaqibCli.run("match", "--watches", WATCHES, SEED);

        assertThat(exit).isZero();
        List<JsonNode> alerts = alerts();
        assertThat(alerts).extracting(a -> a.path("data").path("watchId").asText())
                .containsExactly("syrian-elections", "unsc-2254");
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.path("specversion").asText()).isEqualTo("1.0");
            assertThat(a.path("type").asText()).isEqualTo("raqib.alert");
            assertThat(a.path("data").path("articleId").asText()).hasSize(16);
        });
    }

    @Test
    void inputsAreProcessedInTheOrderGiven() throws Exception {
        int exit = RaqibCli.run("match", "--watches", WATCHES, "../samples/002_drought_farmers.txt", SEED);

        assertThat(exit).isZero();
        assertThat(alerts()).extracting(a -> a.path("data").path("watchId").asText())
                .containsExactly("wheat-prices", "syrian-elections", "unsc-2254");
    }

    @Test
    void badLineIsNamedWithFileAndLineAndValidArticlesStillMatch(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("mixed.jsonl");
        Files.writeString(jsonl, "{\"title\":\"Wheat prices climb\",\"body\":\"Flour is dearer.\"}\n"
                + "{\"title\": oops}\n"
                + "{\"title\":\"Security Council\",\"body\":\"Resolution 2254 was cited.\"}\n");

        int exit = RaqibCli.run("match", "--watches", WATCHES, jsonl.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mixed.jsonl:2").contains("invalid JSON");
        assertThat(alerts()).extracting(a -> a.path("data").path("watchId").asText())
                .containsExactly("wheat-prices", "unsc-2254");
    }

    @Test
    void invalidWatchesFileIsRefusedWithAReason(@TempDir Path dir) throws Exception {
        Path watches = dir.resolve("watches.json");
        Files.writeString(watches, "[{\"id\":\"w1\",\"name\":\"x\",\"query\":\"(unbalanced\"}]");

        int exit = RaqibCli.run("match", "--watches", watches.toString(), SEED);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("watch 'w1'").contains("invalid query");
        assertThat(out.size()).isZero();
    }

    @Test
    void missingInputIsAnError() {
        int exit = RaqibCli.run("match", "--watches", WATCHES, "no/such/file.txt");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no/such/file.txt");
    }
}
