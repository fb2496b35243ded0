package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watches written by people are read strictly: misspelt fields and badly written values name watch and field. */
class WatchJsonTest {

    @TempDir
    Path dir;

    @Test
    void aMisspeltFieldIsRefusedNamingTheWatchAndTheField() {
        assertThatThrownBy(() -> read("{\"id\": \"w1\", \"query\": \"drought\", \"langauges\": [\"ar\"]}"))
                .isInstanceOf(InvalidWatchException.class)
                .hasMessageContaining("watch 'w1'").hasMessageContaining("unknown field 'langauges'")
                .hasMessageContaining("languages")
                .satisfies(e -> assertThat(((InvalidWatchException) e).field()).isEqualTo("langauges"));
    }

    @Test
    void aThrottleThatIsNotAnIsoDurationSaysHowToWriteIt() {
        assertThatThrownBy(() -> read("{\"id\": \"w2\", \"query\": \"drought\", \"throttle\": \"1h\"}"))
                .isInstanceOf(InvalidWatchException.class)
                .hasMessageContaining("watch 'w2': throttle: '1h' is not an ISO-8601 duration such as PT30M")
                .satisfies(e -> assertThat(((InvalidWatchException) e).field()).isEqualTo("throttle"));
    }

    @Test
    void aMutedUntilThatIsNotAnInstantSaysHowToWriteIt() {
        assertThatThrownBy(() -> read("{\"id\": \"w6\", \"query\": \"drought\", \"mutedUntil\": \"tomorrow\"}"))
                .isInstanceOf(InvalidWatchException.class)
                .hasMessageContaining("mutedUntil: 'tomorrow' is not an ISO-8601 instant such as 2026-12-03T08:00:00Z")
                .satisfies(e -> assertThat(((InvalidWatchException) e).field()).isEqualTo("mutedUntil"));
    }

    @Test
    void aMisspeltFieldInsideATermIsNamedByItsPath() {
        assertThatThrownBy(() -> read("{\"id\": \"w3\", \"terms\": [{\"text\": \"drought\", \"wieght\": 2}],"
                + " \"threshold\": 2}"))
                .isInstanceOf(InvalidWatchException.class)
                .satisfies(e -> assertThat(((InvalidWatchException) e).field()).isEqualTo("terms[0].wieght"));
    }

    @Test
    void aWellFormedWatchReadsAsTheMapperReadsIt() throws Exception {
        String json = "{\"id\": \"w4\", \"name\": \"Drought\", \"query\": \"drought\", \"languages\": [\"ar\"],"
                + " \"throttle\": \"PT1H\", \"desk\": \"levant\"}";

        Watch watch = read(json);

        assertThat(watch).isEqualTo(RaqibJson.mapper().readValue(json, Watch.class));
        assertThat(watch.throttle()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aWebhookFormatReadsAndIsWrittenOnlyWhenSet() throws Exception {
        Watch slack = read("{\"id\": \"w5\", \"query\": \"drought\", \"webhookFormat\": \"slack\"}");
        Watch plain = read("{\"id\": \"w6\", \"query\": \"drought\"}");

        assertThat(slack.webhookFormat()).isEqualTo("slack");
        assertThat(RaqibJson.write(slack)).contains("\"webhookFormat\":\"slack\"");
        assertThat(plain.webhookFormat()).isNull();
        assertThat(RaqibJson.write(plain)).doesNotContain("webhookFormat");
        assertThat(plain.withId("w7").withWebhook("https://x.example/h").webhookFormat()).isNull();
        assertThat(slack.withId("w8").withWebhook("https://x.example/h").webhookFormat()).isEqualTo("slack");
    }

    @Test
    void aWatchesFileNamesTheEntryTheWatchAndTheField() throws Exception {
        Path file = dir.resolve("watches.json");
        Files.writeString(file, "[{\"id\": \"ok\", \"query\": \"rain\"}, {\"id\": \"bad\", \"query\": \"rain\","
                + " \"desks\": \"levant\"}]");

        assertThatThrownBy(() -> WatchFiles.read(file, RaqibConfig.load(null, Map.of()).sink().watchLimits()))
                .hasMessageContaining(file + ": entry 2: watch 'bad': desks: unknown field 'desks'");
    }

    private static Watch read(String json) throws Exception {
        return WatchJson.read(RaqibJson.mapper().readTree(json));
    }
}
