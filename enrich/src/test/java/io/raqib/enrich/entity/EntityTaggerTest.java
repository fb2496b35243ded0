package io.raqib.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Entity;
import io.raqib.core.model.Mention;
import io.raqib.enrich.text.AnalyzedText;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    private static EntityTagger tagger;

    @BeforeAll
    static void load() {
        tagger = new EntityTagger(Gazetteer.load(null));
    }

    @Test
    void cliticPrefixedAndDisguisedMentionsAreFoundWithTheirOriginalText() {
        String body = "قال لبوتين إن بوتـ.ـين وروسيا والسعودية اتفقوا.";

        List<Entity> entities = tag("", body);

        assertThat(entities).extracting(Entity::id).containsExactly("Q7747", "Q159", "Q851");
        assertThat(entities.get(0).mentions()).extracting(Mention::text).containsExactly("لبوتين", "بوتـ.ـين");
        assertThat(entities.get(1).mentions()).extracting(Mention::text).containsExactly("وروسيا");
    }

    @Test
    void englishNamesAndAcronymsOnlyInUpperCase() {
        List<Entity> entities = tag("UN warns Russia", "Let us hope the U.S. and the United Nations agree.");

        assertThat(entities).extracting(Entity::id).containsExactly("Q1065", "Q159", "Q30");
        assertThat(entities.get(0).mentions()).extracting(Mention::field, Mention::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "UN"),
                        org.assertj.core.groups.Tuple.tuple("body", "United Nations"));
        assertThat(entities.get(0).name()).isEqualTo("United Nations");
    }

    @Test
    void theLongestNameWinsOverItsParts() {
        List<Entity> entities = tag("", "Officials in New York City and the UN Security Council met.");

        assertThat(entities).extracting(Entity::id).containsExactly("Q60", "Q37470");
        assertThat(entities.get(1).mentions()).extracting(Mention::text).containsExactly("UN Security Council");
    }

    @Test
    void gulfAndPalestinianActorsAreFoundWithoutTaggingTheWordForEnthusiasm() {
        String body = "استقبل خادم الحرمين الشريفين الملك سلمان ولي ولي العهد الأمير محمد بن سلمان، "
                + "وبحث مع مجلس التعاون الخليجي هجمات ميليشيا الحوثي وحزب الله. ورحبت لحركة حماس بالقرار بحماس، فيما ذكر بشار حافظ الأسد والده حافظ الأسد.";

        List<Entity> entities = tag("", body);

        assertThat(entities).extracting(Entity::id)
                .containsExactlyInAnyOrder("Q367825", "Q6892571", "Q217172", "Q3042087", "Q41053", "Q38799", "Q44329",
                        "Q118725");
        Entity hamas = entities.stream().filter(e -> e.id().equals("Q38799")).findFirst().orElseThrow();
        assertThat(hamas.mentions()).extracting(Mention::text).containsExactly("لحركة حماس");
        Entity hafez = entities.stream().filter(e -> e.id().equals("Q118725")).findFirst().orElseThrow();
        assertThat(hafez.mentions()).extracting(Mention::text).containsExactly("حافظ الأسد");
    }

    @Test
    void commonWordsThatLookLikeNamesAreNotTagged() {
        // مالي = "financial" (Mali is only tagged as جمهورية مالي), عمان is left to Oman's full name.
        assertThat(tag("", "قدمت الحكومة الدعم المالي للمزارعين في عمان.")).isEmpty();
    }

    @Test
    void namesAreMatchedUnstemmedSoShortNamesDoNotSwallowFunctionWords() {
        // Stemmed, both اليونان (Greece) and إلى ("to") become ال.
        assertThat(tag("", "سافر الوفد إلى أثينا ثم عاد إلى اليونان."))
                .extracting(Entity::id).containsExactly("Q1524", "Q41");
        assertThat(tag("", "سافر الوفد إلى أثينا ثم عاد إلى اليونان.").get(1).mentions())
                .extracting(Mention::text).containsExactly("اليونان");
    }

    @Test
    void cleanBodyOffsetsAreMappedBackToTheBody() {
        String body = "By Staff\nVladimir Putin spoke.";
        String clean = "Vladimir Putin spoke.";
        IntUnaryOperator toBody = offset -> offset + 9;

        List<Entity> entities = tagger.tag("", body, AnalyzedText.forNames(""), AnalyzedText.forNames(clean), clean,
                toBody, "en");

        assertThat(entities.get(0).mentions()).containsExactly(new Mention("body", 9, 23, "Vladimir Putin"));
    }

    private static List<Entity> tag(String title, String body) {
        return tagger.tag(title, body, AnalyzedText.forNames(title), AnalyzedText.forNames(body), body,
                IntUnaryOperator.identity(), "en");
    }
}
