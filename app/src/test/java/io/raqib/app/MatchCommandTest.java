package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

    private static final String WATCHES = "../deploy/watches.json";
    private static final String SEED = "../samples/000_7c7fb83801401802.txt";
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void seedRaisesBothAlertsAsCloudEventLines() throws Exception {
        int exit = RaqibCli.run("match", "--watches", WATCHES, SEED);

        assertThat(exit).isZero();
        List<JsonNode> alerts = console.jsonLines();
        assertThat(alerts).extracting(a -> a.path("data").path("watchId").asText())
                .containsExactly("syrian-elections", "unsc-2254");
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.path("specversion").asText()).isEqualTo("1.0");
            assertThat(a.path("type").asText()).isEqualTo("raqib.alert");
            assertThat(a.path("data").path("articleId").asText()).hasSize(16);
        });
    }

    @Test
    void plainArabicWatchesFindTheSeedsSixDisguisedWordsAndHighlightThemAsWritten(@TempDir Path dir)
            throws Exception {
        String[][] words = {{"terror", "الإرهاب", "الإرهـ.ـاب"}, {"combat", "مكافحة", "لمكـ.ـافحة"},
            {"extremism", "التطرف", "والتطـ.ـرف"}, {"claimed", "زعمت", "وزعـ.ـمت"}, {"criticism", "انتقاد", "انتقـ.ـاد"},
            {"farce", "هزيلة", "هـ.ـزيلة"}};
        StringBuilder watches = new StringBuilder("[");
        for (String[] w : words) {
            watches.append(watches.length() > 1 ? "," : "").append("{\"id\":\"").append(w[0])
                    .append("\",\"name\":\"").append(w[0]).append("\",\"query\":\"").append(w[1]).append("\"}");
        }
        Path file = dir.resolve("six.json");
        Files.writeString(file, watches.append("]").toString());

        int exit = RaqibCli.run("match", "--watches", file.toString(), SEED);

        assertThat(exit).isZero();
        List<JsonNode> alerts = console.jsonLines();
        assertThat(alerts).hasSize(words.length);
        for (String[] w : words) {
            JsonNode alert = alerts.stream().filter(a -> a.path("subject").asText().equals(w[0])).findFirst()
                    .orElseThrow();
            assertThat(alert.path("data").path("highlights")).extracting(h -> h.path("text").asText())
                    .as("highlights of %s", w[0]).contains(w[2]);
        }
    }

    @Test
    void inputsAreProcessedInTheOrderGiven() throws Exception {
        int exit = RaqibCli.run("match", "--watches", WATCHES, "../samples/002_drought_farmers.txt", SEED);

        assertThat(exit).isZero();
        assertThat(console.jsonLines()).extracting(a -> a.path("data").path("watchId").asText())
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
        assertThat(console.err()).contains("mixed.jsonl:2").contains("invalid JSON");
        assertThat(console.jsonLines()).extracting(a -> a.path("data").path("watchId").asText())
                .containsExactly("wheat-prices", "unsc-2254");
    }

    @Test
    void invalidWatchesFileIsRefusedWithAReason(@TempDir Path dir) throws Exception {
        Path watches = dir.resolve("watches.json");
        Files.writeString(watches, "[{\"id\":\"w1\",\"name\":\"x\",\"query\":\"(unbalanced\"}]");

        int exit = RaqibCli.run("match", "--watches", watches.toString(), SEED);

        assertThat(exit).isEqualTo(1);
        assertThat(console.err()).contains("watch 'w1'").contains("invalid query");
        assertThat(console.out().length()).isZero();
    }

    @Test
    void missingInputIsAnError() {
        int exit = RaqibCli.run("match", "--watches", WATCHES, "no/such/file.txt");

        assertThat(exit).isEqualTo(1);
        assertThat(console.err()).contains("no/such/file.txt");
    }
}
