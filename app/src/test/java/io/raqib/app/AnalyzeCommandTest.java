package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnalyzeCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void showsEveryStageAndTheTokensWithOriginalOffsets() {
        int exit = RaqibCli.run("analyze", "قوى", "الإرهـ.ـاب");

        String text = console.out();
        assertThat(exit).isZero();
        assertThat(text).contains("original:").contains("unicode:").contains("deobfuscation:")
                .contains("orthography:").contains("[4,14)  الإرهـ.ـاب");
    }

    @Test
    void jsonTraceNamesTheDisguisedSourceOfTheJoinedToken() throws Exception {
        int exit = RaqibCli.run("analyze", "--json", "الإرهـ.ـاب");

        JsonNode trace = RaqibJson.mapper().readTree(console.out());
        assertThat(exit).isZero();
        assertThat(trace.path("stages")).hasSize(3);
        assertThat(trace.path("tokens").get(0).path("source").asText()).isEqualTo("الإرهـ.ـاب");
        assertThat(trace.path("tokens").get(0).path("start").asInt()).isZero();
        assertThat(trace.path("tokens").get(0).path("end").asInt()).isEqualTo(10);
    }
}
