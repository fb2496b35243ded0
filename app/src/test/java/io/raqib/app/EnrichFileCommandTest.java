package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EnrichFileCommandTest {

    private static final Path SEED = Path.of("../samples/000_7c7fb83801401802.txt");
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void printsOneEnrichedArticlePerLineInInputOrderWithTheRepublishedCopyMarked(@TempDir Path dir)
            throws Exception {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        Path copy = dir.resolve("copy.json");
        String[] parts = seed.split("\n", 2);
        Files.writeString(copy, RaqibJson.mapper().writeValueAsString(java.util.Map.of(
                "url", "https://mirror.example/syria-putin", "title", parts[0],
                "body", parts[1] + "\nالمصدر: وكالات")));
        Path english = Path.of("../samples/002_drought_farmers.txt");

        int exit = RaqibCli.run("enrich-file", SEED.toString(), english.toString(), copy.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = console.jsonLines();
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.path("language").asText()).containsExactly("ar", "en", "ar");
        JsonNode first = lines.get(0);
        assertThat(first.path("duplicateOf").isNull()).isTrue();
        assertThat(lines.get(2).path("duplicateOf").asText()).isEqualTo(first.path("id").asText());
        assertThat(lines.get(2).path("storyId").asText()).isEqualTo(first.path("id").asText());
        List<String> qids = new ArrayList<>();
        first.path("entities").forEach(e -> qids.add(e.path("id").asText()));
        assertThat(qids).contains("Q7747", "Q858", "Q37470").doesNotContain("Q6279");
        assertThat(first.path("topics").get(0).path("id").asText()).isEqualTo("medtop:11000000");
        assertThat(first.path("entities").get(0).path("mentions").get(0).path("start").isInt()).isTrue();
    }

    @Test
    void aRejectedInputIsNamedAndTheOthersAreStillEnriched(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"title\": \"ok\", \"body\": \"fine text\"}\n{not json\n");

        int exit = RaqibCli.run("enrich-file", bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(console.jsonLines()).hasSize(1);
        assertThat(console.err()).startsWith("raqib enrich-file: ").contains("bad.jsonl:2");
    }

    @Test
    void aWatchesFileInTheFolderIsSkippedAndNamedNotRejected(@TempDir Path dir) throws Exception {
        Files.copy(SEED, dir.resolve("seed.txt"));
        Path watches = Files.copy(Path.of("../deploy/watches.json"), dir.resolve("watches.json"));

        int exit = RaqibCli.run("enrich-file", dir.toString());

        assertThat(exit).isZero();
        assertThat(console.jsonLines()).hasSize(1);
        assertThat(console.err().lines().toList()).containsExactly("raqib enrich-file: skipped " + watches
                + ": a watches file (entries with a query, no title or body), not articles");
    }

}
