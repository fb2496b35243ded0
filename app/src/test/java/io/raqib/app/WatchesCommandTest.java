package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code raqib watches test} and {@code raqib match}'s one alert per story, without a broker. */
class WatchesCommandTest {

    private static final Path SEED = Path.of("../samples/000_7c7fb83801401802.txt");
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void testShowsTheDisguisedSpanAsWritten() throws Exception {
        int exit = RaqibCli.run("watches", "test", "--query", "\"قوى الإرهاب\"", "--text",
                "ستواصل روسيا لمكـ.ـافحة قوى الإرهـ.ـاب والتطـ.ـرف في سوريا وفق بيان الكرملين اليوم.");

        assertThat(exit).isZero();
        JsonNode result = console.jsonLines().get(0).path("result");
        assertThat(result.path("matched").asBoolean()).isTrue();
        assertThat(result.path("highlights").get(0).path("text").asText()).isEqualTo("قوى الإرهـ.ـاب");
    }

    @Test
    void testOnAFolderSkipsItsWatchesFileNamingIt(@TempDir Path dir) throws Exception {
        Files.copy(SEED, dir.resolve("seed.txt"));
        Path watches = Files.copy(Path.of("../deploy/watches.json"), dir.resolve("watches.json"));

        int exit = RaqibCli.run("watches", "test", "--query", "2254", dir.toString());

        assertThat(exit).isZero();
        assertThat(console.jsonLines()).singleElement().satisfies(l -> assertThat(l.path("result").path("matched")
                .asBoolean()).isTrue());
        assertThat(console.err()).startsWith("raqib watches test: skipped " + watches + ": a watches file");
    }

    @Test
    void testOfANonMatchingWatchExitsThreeAndABadQueryNamesTheColumn() throws Exception {
        assertThat(RaqibCli.run("watches", "test", "--query", "wheat", "--text", "Nothing about grain.")).isEqualTo(3);
        assertThat(console.jsonLines().get(0).path("result").path("matched").asBoolean()).isFalse();

        assertThat(RaqibCli.run("watches", "test", "--query", "wheat AND (", "--text", "x")).isEqualTo(1);
        assertThat(console.err()).startsWith("raqib watches test: ").contains("invalid query").contains("column");
    }

    @Test
    void addRefusesABadWatchBeforeTouchingKafkaNamingTheFullCommand() {
        assertThat(RaqibCli.run("watches", "add", "--bootstrap-servers", "127.0.0.1:1", "--id", "w", "--name", "W",
                "--query", "wheat", "--webhook", "http://169.254.169.254/")).isEqualTo(1);
        assertThat(console.err()).startsWith("raqib watches add: ").contains("webhooks are off");
    }

    @Test
    void aWatchesFileWithAnInvalidWatchExitsOneNamingTheFileAndTheEntryBeforeAnythingStarts(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("watches.json");
        Files.writeString(file, "[{\"id\": \"ok\", \"query\": \"wheat\"}, {\"id\": \"deep\", \"query\": \""
                + "(".repeat(11) + "wheat" + ")".repeat(11) + "\"}]");
        String where = file + ": entry 2: watch 'deep': invalid query: parentheses nested deeper than 10 "
                + "(at column 11)";

        // sink and add would wait for the unreachable broker, demo would start one: the file is refused first
        assertThat(RaqibCli.run("sink", "--bootstrap-servers", "127.0.0.1:1", "--watches", file.toString()))
                .isEqualTo(1);
        assertThat(RaqibCli.run("demo", "--watches", file.toString(), "--samples", dir.toString())).isEqualTo(1);
        assertThat(RaqibCli.run("watches", "add", "--bootstrap-servers", "127.0.0.1:1", "--file", file.toString()))
                .isEqualTo(1);
        assertThat(RaqibCli.run("watches", "test", "--file", file.toString(), "--text", "wheat")).isEqualTo(1);
        assertThat(RaqibCli.run("match", "--watches", file.toString(), SEED.toString())).isEqualTo(1);

        assertThat(console.err().lines().toList()).containsExactly("raqib sink: " + where, "raqib demo: " + where,
                "raqib watches add: " + where, "raqib watches test: " + where, "raqib match: " + where);
    }

    @Test
    void oversizedWatchesOnTheCommandLineAreRefusedWithTheirReasonAndNoStackTrace() {
        assertThat(RaqibCli.run("watches", "test", "--query", "(".repeat(10_000) + "wheat" + ")".repeat(10_000),
                "--text", "wheat")).isEqualTo(1);
        assertThat(RaqibCli.run("watches", "test", "--query", "wheat", "--language", "xx", "--text", "wheat"))
                .isEqualTo(1);
        assertThat(RaqibCli.run("watches", "add", "--bootstrap-servers", "127.0.0.1:1", "--id", "w", "--query",
                "wheat~2")).isEqualTo(1);

        assertThat(console.err().lines().toList()).containsExactly(
                "raqib watches test: watch 'test': query: 20005 characters, at most 4000",
                "raqib watches test: watch 'test': languages: entry 1 'xx' is not a language code: use lower-case "
                        + "ISO 639-1 codes such as 'ar' or 'en' (or 'und')",
                "raqib watches add: watch 'w': invalid query: " + "fuzzy matching ('~' after a word) is not "
                        + "supported; '~N' after a quoted phrase sets its proximity (at column 6)");
    }

    @Test
    void matchRaisesOneAlertPerStoryForANearDuplicateRepublication(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("republished.txt");
        Files.writeString(copy, Files.readString(SEED) + "\nنقلاً عن وكالات.\n");

        int exit = RaqibCli.run("match", "--watches", "../deploy/watches.json", SEED.toString(), copy.toString());

        assertThat(exit).isZero();
        List<JsonNode> alerts = console.jsonLines();
        assertThat(alerts).extracting(a -> a.path("subject").asText())
                .containsExactlyInAnyOrder("syrian-elections", "unsc-2254");
        assertThat(alerts).extracting(a -> a.path("data").path("articleId").asText()).containsOnly(
                alerts.get(0).path("data").path("articleId").asText());
    }
}
