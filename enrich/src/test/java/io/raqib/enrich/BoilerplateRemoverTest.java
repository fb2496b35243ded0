package io.raqib.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BoilerplateRemoverTest {

    private static final Path SEED = Path.of("../samples/000_7c7fb83801401802.txt");

    @Test
    void seedLosesRepeatedTitleBylineAndReadAlsoLinesButKeepsTheStory() throws Exception {
        String[] lines = Files.readString(SEED, StandardCharsets.UTF_8).split("\n", 2);
        String title = lines[0].strip();
        String body = lines[1];

        String clean = BoilerplateRemover.clean(title, body);

        assertThat(clean).doesNotContain(title)
                .doesNotContain("طيف بوست – فريق التحرير")
                .doesNotContain("اقرأ أيضاً")
                .doesNotContain("بايدن")
                .startsWith("أعلنت الرئاسة الروسية “الكرملين”")
                .contains("لمكـ.ـافحة قوى الإرهـ.ـاب")
                .endsWith("تحت مظلة الأمم المتحدة.");
        assertThat(clean.split("\n")).hasSize(13);
    }

    @Test
    void englishBylineAndRelatedLinesAreRemoved() {
        String body = "By Jane Doe, Reuters\nFirst paragraph of the story.\nRead also: Another story\n"
                + "Related: Something else\nSee also - more\nLast paragraph.";

        assertThat(BoilerplateRemover.clean("A title", body))
                .isEqualTo("First paragraph of the story.\nLast paragraph.");
    }

    @Test
    void aShortLastLineIsNotMistakenForAByline() {
        assertThat(BoilerplateRemover.clean("Title", "Only line of text")).isEqualTo("Only line of text");
        assertThat(BoilerplateRemover.clean("Title", "A sentence that ends.\nShort tail")).contains("Short tail");
    }

    @Test
    void aRepeatedTitleIsRecognisedThroughDisguiseAndSpacing() {
        String clean = BoilerplateRemover.clean("وزعـ.ـمت الرئاسة", "وزعمت   الرئاسة\nنص الخبر الكامل هنا.");

        assertThat(clean).isEqualTo("نص الخبر الكامل هنا.");
    }

    @Test
    void readAlsoDetectionNeedsTheColon() {
        assertThat(BoilerplateRemover.isReadAlso("اقرأ أيضاً: عنوان آخر")).isTrue();
        assertThat(BoilerplateRemover.isReadAlso("Read more: headline")).isTrue();
        assertThat(BoilerplateRemover.isReadAlso("Read also the full report, which says much more.")).isFalse();
        assertThat(BoilerplateRemover.isReadAlso("Related parties met on Monday.")).isFalse();
    }

    @Test
    void emptyBodyGivesEmptyCleanBody() {
        assertThat(BoilerplateRemover.clean("Title", null)).isEmpty();
        assertThat(BoilerplateRemover.clean("Title", "  \n ")).isEmpty();
    }
}
