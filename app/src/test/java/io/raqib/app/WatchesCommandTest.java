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
    void matchRaisesOneAlertPerStoryForANearDuplicateRepublication(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("republished.txt");
        Files.writeString(copy, Files.readString(SEED) + "\nنقلاً عن وكالات.\n");

        int exit = RaqibCli.run("match", "--watches", "../samples/watches.json", SEED.toString(), copy.toString());

        assertThat(exit).isZero();
        List<JsonNode> alerts = console.jsonLines();
        assertThat(alerts).extracting(a -> a.path("subject").asText())
                .containsExactlyInAnyOrder("syrian-elections", "unsc-2254");
        assertThat(alerts).extracting(a -> a.path("data").path("articleId").asText()).containsOnly(
                alerts.get(0).path("data").path("articleId").asText());
    }
}
