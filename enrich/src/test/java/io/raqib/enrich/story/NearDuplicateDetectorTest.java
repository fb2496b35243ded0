package io.raqib.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.NewText;
import io.raqib.enrich.text.AnalyzedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NearDuplicateDetectorTest {

    private static final long HOUR = 3_600_000L;
    private static final String SYRIA = "أعلنت الرئاسة الروسية عن خطط الرئيس فلاديمير بوتين القادمة في سوريا بعد "
            + "الإعلان رسمياً عن فوز بشار الأسد بولاية رئاسية جديدة مدتها سبعة أعوام، وقال المتحدث باسم الكرملين "
            + "إن الرئيس لا ينوي في الوقت الراهن عقد اجتماع مع الأسد بعد فوزه بانتخابات الرئاسة السورية، وأضاف أن "
            + "موسكو ستواصل تقديم مختلف أنواع الدعم للحكومة السورية في الفترة القادمة.";
    private static final String SYRIA_REWRITTEN = "قال المتحدث باسم الكرملين إن بوتين لا يخطط لعقد اجتماع مع بشار "
            + "الأسد بعد فوزه بولاية رئاسية جديدة في انتخابات الرئاسة السورية، مؤكداً أن موسكو ستواصل الدعم "
            + "للحكومة السورية، وأن خطط الرئاسة الروسية في سوريا خلال الفترة القادمة تشمل دعم التسوية.";
    private static final String SYRIA_EARTHQUAKE = "ضرب زلزال بقوة ست درجات شمال سوريا فجر الاثنين، وأفاد الدفاع "
            + "المدني بانهيار عشرات المباني في ريف حلب وإدلب، فيما تواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض "
            + "وسط برد شديد، وناشدت منظمات الإغاثة تقديم المساعدة العاجلة للعائلات المنكوبة.";

    private NearDuplicateDetector detector;
    private InMemorySignatureStore store;

    @BeforeEach
    void setUp() {
        detector = new NearDuplicateDetector(Duration.ofHours(72), 0.6, 0.3);
        store = new InMemorySignatureStore(Duration.ofHours(72));
    }

    @Test
    void aRepublishedCopyWithSmallEditsIsADuplicateOfTheFirst() {
        assess("a", "خطط بوتين في سوريا", SYRIA, 0);
        NearDuplicateDetector.Verdict copy = assess("b", "خطط بوتين في سوريا", SYRIA + " المصدر: وكالات.", HOUR);
        NearDuplicateDetector.Verdict again = assess("c", "خطط بوتين في سوريا", SYRIA, 2 * HOUR);

        assertThat(copy.duplicateOf()).isEqualTo("a");
        assertThat(copy.storyId()).isEqualTo("a");
        assertThat(again.duplicateOf()).isEqualTo("a");
        assertThat(again.newText()).isEqualTo(new NewText(0.0, "a"));
    }

    @Test
    void aCopyUnderANewHeadlineWithABylineADatelineAndACreditLineIsADuplicate() {
        assess("a", "خطط بوتين في سوريا", SYRIA, 0);

        NearDuplicateDetector.Verdict copy = assess("b", "الكرملين يكشف خطط بوتين بعد فوز الأسد بولاية جديدة",
                "بقلم: محمد العتيبي\nموسكو (رويترز) - " + SYRIA.replace("القادمة", "المقبلة")
                        + "\nساهم في إعداد هذا التقرير سامي عبدالله من موسكو\n// انتهى //", HOUR);

        assertThat(copy.duplicateOf()).isEqualTo("a");
        assertThat(copy.newText().share()).isLessThan(0.4);
    }

    @Test
    void anEnglishWireCopyWithItsCreditsIsADuplicate() {
        String wire = "The UN Security Council on Friday unanimously passed a resolution endorsing an international "
                + "road map for a Syria peace process, a rare show of unity among major powers on a conflict that "
                + "has killed more than a quarter of a million people.";
        assess("a", "UN council backs Syria peace plan", wire, 0);

        NearDuplicateDetector.Verdict copy = assess("b", "Security Council unanimously endorses road map to end "
                + "Syrian war", "By Michelle Nichols, Reuters\nUNITED NATIONS (Reuters) - " + wire
                + " (Reporting by Michelle Nichols; Editing by Grant McCool)\nLouis Charbonneau contributed to this "
                + "report.", HOUR);

        assertThat(copy.duplicateOf()).isEqualTo("a");
    }

    @Test
    void tinyBodiesAreComparedWithTheirTitles() {
        assess("a", "زلزال يضرب شمال سوريا", "التفاصيل لاحقا", 0);

        assertThat(assess("b", "خطط بوتين في سوريا", "التفاصيل لاحقا", HOUR).duplicateOf()).isNull();
        assertThat(assess("c", "زلزال يضرب شمال سوريا", "التفاصيل لاحقا", HOUR).duplicateOf()).isEqualTo("a");
    }

    @Test
    void anUpdateAddingParagraphsJoinsTheStoryWithItsShareOfNewText() {
        assess("a", "خطط بوتين في سوريا", SYRIA, 0);

        NearDuplicateDetector.Verdict update = assess("b", "خطط بوتين في سوريا", SYRIA + "\n" + SYRIA_EARTHQUAKE,
                HOUR);

        assertThat(update.duplicateOf()).isNull();
        assertThat(update.storyId()).isEqualTo("a");
        assertThat(update.newText().comparedWith()).isEqualTo("a");
        assertThat(update.newText().share()).isBetween(0.35, 0.65);
    }

    @Test
    void disguisedCopyIsStillADuplicate() {
        assess("a", "خطط بوتين في سوريا", SYRIA, 0);

        assertThat(assess("b", "خطط بوتـ.ـين في سوريا", SYRIA.replace("الأسد", "الأسـ.ـد"), HOUR).duplicateOf())
                .isEqualTo("a");
    }

    @Test
    void theSameStoryRewrittenJoinsTheStoryWithoutBeingADuplicate() {
        assess("a", "خطط بوتين في سوريا", SYRIA, 0);

        NearDuplicateDetector.Verdict rewritten = assess("b", "الكرملين: لا لقاء قريب بين بوتين والأسد",
                SYRIA_REWRITTEN, HOUR);

        assertThat(rewritten.duplicateOf()).isNull();
        assertThat(rewritten.storyId()).isEqualTo("a");
    }

    @Test
    void anUnrelatedArticleAboutTheSameCountryStartsItsOwnStory() {
        assess("a", "خطط بوتين في سوريا", SYRIA, 0);

        assertThat(assess("b", "زلزال يضرب شمال سوريا", SYRIA_EARTHQUAKE, HOUR))
                .isEqualTo(new NearDuplicateDetector.Verdict(null, "b", null));
    }

    @Test
    void articlesOlderThanTheWindowAreForgotten() {
        assess("a", "خطط بوتين في سوريا", SYRIA, 0);

        assertThat(assess("b", "خطط بوتين في سوريا", SYRIA, 73 * HOUR))
                .isEqualTo(new NearDuplicateDetector.Verdict(null, "b", null));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void emptyArticlesAndOneWordTextsAreNeverDuplicates() {
        assess("a", "", "", 0);
        assess("c1", "كاريكاتير", "", 0);

        assertThat(assess("b", "", "", HOUR)).isEqualTo(new NearDuplicateDetector.Verdict(null, "b", null));
        assertThat(assess("c2", "كاريكاتير", "", HOUR)).isEqualTo(new NearDuplicateDetector.Verdict(null, "c2", null));
    }

    @Test
    void signatureSimilarityEstimatesJaccard() {
        StorySignature a = detector.signature(AnalyzedText.of("t"), AnalyzedText.of(SYRIA), SYRIA);
        StorySignature b = detector.signature(AnalyzedText.of("t"), AnalyzedText.of(SYRIA_EARTHQUAKE),
                SYRIA_EARTHQUAKE);

        assertThat(MinHash.similarity(a.shingles(), a.shingles())).isEqualTo(1.0);
        assertThat(MinHash.similarity(a.shingles(), b.shingles())).isLessThan(0.1);
        assertThat(MinHash.similarity(a.words(), b.words())).isLessThan(0.3);
    }

    /**
     * Signatures are MinHash over the joined-string hashes of the story body's shingles (of title + body when the
     * body is under {@link NearDuplicateDetector#MIN_STORY_TERMS} words) and of title and body's content words.
     */
    @Test
    void signaturesEqualTheJoinedStringFormula() {
        for (String[] article : new String[][] {{"t", SYRIA}, {"t", SYRIA_EARTHQUAKE}, {"", ""}, {"عنوان", "قصير"},
                {"Vote", "The UN Security Council passed resolution 2254 on Friday, diplomats said."}}) {
            AnalyzedText title = AnalyzedText.of(article[0]);
            AnalyzedText body = AnalyzedText.of(article[1]);

            StorySignature signature = detector.signature(title, body, article[1]);

            List<String> terms = new ArrayList<>();
            title.words().forEach(w -> terms.add(w.term()));
            body.words().forEach(w -> terms.add(w.term()));
            List<String> shingled = body.size() >= NearDuplicateDetector.MIN_STORY_TERMS
                    ? terms.subList(title.size(), terms.size()) : terms;
            Set<Long> shingles = new HashSet<>();
            for (int i = 0; i + NearDuplicateDetector.SHINGLE <= shingled.size() || i == 0 && !shingled.isEmpty();
                    i++) {
                shingles.add(MinHash.hash(String.join(" ",
                        shingled.subList(i, Math.min(shingled.size(), i + NearDuplicateDetector.SHINGLE)))));
            }
            assertThat(signature.shingleCount()).isEqualTo(shingles.size());
            StopWords stopWords = StopWords.load();
            Set<Long> words = new HashSet<>();
            terms.stream().filter(t -> t.length() >= 3 && !stopWords.contains(t) && !t.chars().allMatch(Character::isDigit))
                    .forEach(t -> words.add(MinHash.hash(t)));
            assertThat(signature.shingles()).isEqualTo(new MinHash(NearDuplicateDetector.SHINGLE_HASHES)
                    .signature(shingles.stream().mapToLong(Long::longValue).toArray()));
            assertThat(signature.words()).isEqualTo(new MinHash(NearDuplicateDetector.WORD_HASHES)
                    .signature(words.stream().mapToLong(Long::longValue).toArray()));
        }
    }

    private NearDuplicateDetector.Verdict assess(String id, String title, String body, long at) {
        StorySignature signature = detector.signature(AnalyzedText.of(title), AnalyzedText.of(body), body);
        return detector.assess(id, signature, at, store);
    }
}
