package io.raqib.enrich;

import io.raqib.core.config.EnrichSettings;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Mention;
import io.raqib.core.model.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed article's expected entities and topics (golden test). */
class SeedGoldenTest {

    private static EnrichedArticle seed;

    @BeforeAll
    static void enrichSeed() throws Exception {
        String text = Files.readString(Path.of("../samples/000_7c7fb83801401802.txt"), StandardCharsets.UTF_8);
        String[] parts = text.split("\n", 2);
        Article article = new Article("seed", "https://example.org/seed", "taif", parts[0].strip(), parts[1], null,
                null, null, null);
        seed = new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults()).enrich(article);
    }

    @Test
    void everySeedEntityIsTaggedWithItsWikidataId() {
        assertThat(seed.entities()).extracting(Entity::id).contains(
                "Q7747", // Vladimir Putin
                "Q44329", // Bashar al-Assad
                "Q312575", // Dmitry Peskov
                "Q133274", // Moscow Kremlin
                "Q223799", // TASS
                "Q159", // Russia
                "Q858", // Syria
                "Q649", // Moscow
                "Q30", // United States (أمريكا)
                "Q145", // United Kingdom (بريطانيا)
                "Q142", "Q183", "Q38", // France, Germany, Italy
                "Q37470", // UN Security Council
                "Q1065"); // United Nations
    }

    @Test
    void readAlsoLinesAreNotTagged() {
        // Biden (Q6279) and Washington (Q61) occur only in "اقرأ أيضاً:" link lines, which are not story text.
        assertThat(seed.entities()).extracting(Entity::id).doesNotContain("Q6279", "Q61");
    }

    @Test
    void mentionsPointIntoTheOriginalTitleAndBody() {
        for (Entity entity : seed.entities()) {
            for (Mention m : entity.mentions()) {
                String field = m.field().equals("title") ? seed.title() : seed.body();
                assertThat(field.substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
        Entity putin = entity("Q7747");
        assertThat(putin.name()).isEqualTo("فلاديمير بوتين");
        assertThat(putin.type()).isEqualTo("person");
        assertThat(putin.mentions()).extracting(Mention::text)
                .contains("بوتين", "الرئيس الروسي", "فلاديمير بوتين").doesNotContain("الرئيس");
        assertThat(putin.mentions()).extracting(Mention::field).contains("title", "body");
    }

    @Test
    void longestNameWins() {
        assertThat(entity("Q37470").mentions()).extracting(Mention::text).containsExactly("مجلس الأمن الدولي");
        assertThat(entity("Q44329").mentions()).extracting(Mention::text).contains("بشار الأسد", "الأسد");
    }

    @Test
    void seedIsAboutPoliticsAndElections() {
        List<String> ids = seed.topics().stream().map(Topic::id).toList();
        assertThat(ids.get(0)).isEqualTo("medtop:11000000");
        assertThat(ids).contains("medtop:20000574");
        assertThat(seed.topics()).allSatisfy(t -> assertThat(t.score()).isPositive());
        assertThat(seed.topics().get(0).label()).isEqualTo("السياسة");
    }

    @Test
    void languageIsArabicWithAConfidence() {
        assertThat(seed.language()).isEqualTo("ar");
        assertThat(seed.languageConfidence()).isBetween(0.5, 1.0);
    }

    private static Entity entity(String qid) {
        return seed.entities().stream().filter(e -> e.id().equals(qid)).findFirst().orElseThrow();
    }
}
