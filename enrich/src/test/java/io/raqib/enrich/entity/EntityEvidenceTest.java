package io.raqib.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Entity;
import io.raqib.core.model.Mention;
import io.raqib.enrich.text.AnalyzedText;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Weak names (surnames, nicknames, roles, word-like acronyms) tag only with support in the same article. */
class EntityEvidenceTest {

    private static EntityTagger tagger;

    @BeforeAll
    static void load() {
        tagger = new EntityTagger(Gazetteer.load(null));
    }

    @Test
    void aSurnameAloneInANatureOrSportsStoryTagsNobody() {
        // الأسد is Assad's surname and the word for lion; Medvedev is also a tennis player, Blair a rugby player.
        assertThat(ids("", "اختارت المدينة أن تكرم الأسد سيسل وغيره من الحيوانات المهددة بالانقراض.")).isEmpty();
        assertThat(ids("Medvedev wins in Miami", "Medvedev beat the top seed in straight sets.")).isEmpty();
        assertThat(ids("", "Mike Blair kicked the conversion for Edinburgh.")).isEmpty();
    }

    @Test
    void aNicknameOrWordLikeNameAloneTagsNobody() {
        assertThat(ids("", "قال أبو مازن صاحب المطعم إن الزبائن عادوا بعد العيد.")).isEmpty();
        assertThat(ids("", "خالف اللاعب القاعدة وانتقل إلى النادي المنافس.")).isEmpty();
        assertThat(ids("WHO IS THE BEST?", "Fans voted for their favourite player.")).isEmpty();
    }

    @Test
    void aSurnameIsTaggedWithTheFullNameOrAContextEntityInTheSameArticle() {
        List<Entity> byFullName = tag("بيسكوف يعلق",
                "قال دميتري بيسكوف إن الاجتماع مهم. وأضاف بيسكوف أن الموعد لم يحدد.");
        assertThat(mentions(byFullName, "Q312575")).containsExactly("بيسكوف", "دميتري بيسكوف", "بيسكوف");

        List<Entity> byContext = tag("", "قال المتحدث باسم الكرملين بيسكوف إن الاجتماع مهم.");
        assertThat(byContext).extracting(Entity::id).containsExactly("Q133274", "Q312575");

        assertThat(mentions(tag("", "بايدن: الولايات المتحدة ستدعم الحلفاء"), "Q6279")).containsExactly("بايدن");
    }

    @Test
    void weakNamesOfTheContextDoNotSupportEachOther() {
        // Peskov's context includes Putin, but only a full name of a context entity counts.
        assertThat(ids("", "قال بيسكوف إن بوتين سيحضر.")).isEmpty();
    }

    @Test
    void wordLikeAcronymsAndNicknamesCountNextToTheFullName() {
        assertThat(mentions(tag("", "The World Health Organization (WHO) said the WHO would help."), "Q7817"))
                .containsExactly("World Health Organization", "WHO", "WHO");
        assertThat(mentions(tag("", "زعيم تنظيم القاعدة توعد بأن القاعدة ستنتقم."), "Q34490"))
                .containsExactly("تنظيم القاعدة", "القاعدة");
    }

    @Test
    void aRoleCountsWhenItsHolderIsNamedInTheArticle() {
        List<Entity> entities = tag("الرئيس الروسي يزور دمشق",
                "وصل الرئيس الروسي فلاديمير بوتين إلى دمشق. وقال الرئيس الروسي إن الزيارة مهمة.");

        assertThat(mentions(entities, "Q7747")).containsExactly("الرئيس الروسي", "الرئيس الروسي", "فلاديمير بوتين",
                "الرئيس الروسي");
        assertThat(ids("", "The Russian President said the talks went well.")).isEmpty();
    }

    @Test
    void aRoleCountsNextToAContextInstitutionButNotNextToItsCountry() {
        assertThat(mentions(tag("", "قال الكرملين إن الرئيس الروسي سيزور أنقرة."), "Q7747"))
                .containsExactly("الرئيس الروسي");
        // In 2015 the Ukrainian president was Poroshenko: Ukraine is named, Zelenskyy is not.
        assertThat(ids("", "وافق الرئيس الأوكراني على إنشاء منطقة منزوعة السلاح في أوكرانيا."))
                .containsExactly("Q212");
    }

    @Test
    void aRoleWithAFormerLateOrActingModifierIsNotTheOfficeHolder() {
        String body = "التقى فلاديمير بوتين أمس وفداً. وكان الرئيس الروسي السابق قد زار المدينة، "
                + "كما زارها الرئيس الروسي الراحل، ثم الرئيس الروسي بالإنابة.";
        assertThat(mentions(tag("", body), "Q7747")).containsExactly("فلاديمير بوتين");

        String english = "Vladimir Putin laid a wreath where the late Russian president was born. The former Russian "
                + "President and an ex-Russian president, and the then-Russian president, were there.";
        assertThat(mentions(tag("", english), "Q7747")).containsExactly("Vladimir Putin");
    }

    @Test
    void aRoleFollowedByAnotherPersonsNameIsThatPerson() {
        List<Entity> arabic = tag("", "التقى الرئيس الفرنسي فرانسوا هولاند نظيره. وكتب إيمانويل ماكرون مقالاً.");
        assertThat(mentions(arabic, "Q3052772")).containsExactly("إيمانويل ماكرون");
        assertThat(mentions(arabic, "Q2105")).containsExactly("فرانسوا هولاند");

        List<Entity> english = tag("", "French President Jacques Chirac met Emmanuel Macron's teacher.");
        assertThat(mentions(english, "Q3052772")).containsExactly("Emmanuel Macron's");
    }

    @Test
    void offsetsOfSupportedWeakMentionsPointIntoTheOriginalBody() {
        String body = "Staff\nThe Kremlin said Peskov would speak.";
        String clean = "The Kremlin said Peskov would speak.";

        List<Entity> entities = tagger.tag("", body, AnalyzedText.forNames(""), AnalyzedText.forNames(clean), clean,
                offset -> offset + 6, "en");

        Entity peskov = entities.stream().filter(e -> e.id().equals("Q312575")).findFirst().orElseThrow();
        assertThat(peskov.mentions()).containsExactly(new Mention("body", 23, 29, "Peskov"));
    }

    private static List<String> ids(String title, String body) {
        return tag(title, body).stream().map(Entity::id).toList();
    }

    private static List<String> mentions(List<Entity> entities, String qid) {
        return entities.stream().filter(e -> e.id().equals(qid)).flatMap(e -> e.mentions().stream())
                .map(Mention::text).toList();
    }

    private static List<Entity> tag(String title, String body) {
        return tagger.tag(title, body, AnalyzedText.forNames(title), AnalyzedText.forNames(body), body,
                IntUnaryOperator.identity(), body.matches(".*\\p{IsArabic}.*") ? "ar" : "en");
    }
}
