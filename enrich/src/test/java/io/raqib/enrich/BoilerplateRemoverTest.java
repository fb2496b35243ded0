package io.raqib.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.EnrichSettings;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Mention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(BoilerplateRemover.isBoilerplateLine("اقرأ أيضاً: عنوان آخر")).isTrue();
        assertThat(BoilerplateRemover.isBoilerplateLine("Read more: headline")).isTrue();
        assertThat(BoilerplateRemover.isBoilerplateLine("Read also the full report, which says much more.")).isFalse();
        assertThat(BoilerplateRemover.isBoilerplateLine("Related parties met on Monday.")).isFalse();
    }

    @Test
    void aShareBarGluedToTheFirstLineIsCutAndEntitiesAfterItKeepTheirOriginalOffsets() {
        String body = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد الرئيس فلاديمير بوتين أن موسكو مستعدة للحوار.\n"
                + "ذات صلة: بايدن يزور واشنطن\n"
                + "وأضاف أن روسيا لن تتراجع.";
        Article article = new Article("a1", "https://example.org/a1", "okaz", "موسكو مستعدة للحوار", body, null, null,
                null, null);

        EnrichedArticle enriched = new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults())
                .enrich(article);

        assertThat(enriched.cleanBody()).isEqualTo("أكد الرئيس فلاديمير بوتين أن موسكو مستعدة للحوار.\n"
                + "وأضاف أن روسيا لن تتراجع.");
        Mention putin = enriched.entities().stream().filter(e -> e.id().equals("Q7747")).findFirst().orElseThrow()
                .mentions().get(0);
        assertThat(putin.start()).isEqualTo(body.indexOf("فلاديمير بوتين"));
        assertThat(body.substring(putin.start(), putin.end())).isEqualTo(putin.text()).isEqualTo("فلاديمير بوتين");
        for (Entity entity : enriched.entities()) {
            for (Mention m : entity.mentions()) {
                String field = m.field().equals("title") ? article.title() : body;
                assertThat(field.substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
        // Biden (Q6279) and Washington (Q61) are only in the related-link line.
        assertThat(enriched.entities()).extracting(Entity::id).contains("Q159").doesNotContain("Q6279", "Q61");
    }

    @Test
    void formsInTheOperatorFolderAreCutByTheEnricherConfiguredWithIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("desk.tsv"), "kind\tcut\tform\npromo\tprefix\tمحتوى مدعوم\n",
                StandardCharsets.UTF_8);
        String body = "محتوى مدعوم: افتتاح فرع جديد في الرياض.";
        EnrichSettings settings = new EnrichSettings(null, null, dir, Duration.ofHours(72), 0.9, 0.3);
        Article article = new Article("a2", "https://example.org/a2", "desk", "فرع جديد", body, null, null, null,
                null);

        assertThat(new ArticleEnricher(new LanguageDetector(), settings).enrich(article).cleanBody())
                .isEqualTo("افتتاح فرع جديد في الرياض.");
        assertThat(BoilerplateRemover.clean("فرع جديد", body)).isEqualTo(body);
    }

    @Test
    void emptyBodyGivesEmptyCleanBody() {
        assertThat(BoilerplateRemover.clean("Title", null)).isEmpty();
        assertThat(BoilerplateRemover.clean("Title", "  \n ")).isEmpty();
    }
}
