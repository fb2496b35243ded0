package io.raqib.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raqib.core.corpus.ZippedArticleArrays;
import io.raqib.core.text.DisguiseCharFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The orthography rule that lets Arabic skip the language model: it never settles another Arabic-script language,
 * and on SaudiNewsNet it settles nearly every article, always as the model would. Skips the corpus part without
 * ../shared/corpus.
 */
class ArabicOrthographyTest {

    private static final Path CORPUS = Path.of("../../shared/corpus/saudinewsnet");
    private static final int CORPUS_ARTICLES = 2_000;
    private static LanguageDetector detector;

    @BeforeAll
    static void loadModel() {
        detector = new LanguageDetector();
    }

    @Test
    void persianAndUrduAreLeftToTheModel() {
        String persian = "جمهوری اسلامی ایران کشوری در غرب آسیا است. پایتخت آن تهران است و زبان رسمی مردم این کشور "
                + "فارسی است. اقتصاد ایران به صادرات نفت و گاز وابسته است و جمعیت آن بیش از هشتاد میلیون نفر است.";
        String persianInArabicLetters = "جمهوري اسلامي ايران كشوري در غرب آسيا است و زبان رسمي مردم اين كشور فارسي "
                + "است. اقتصاد ايران به صادرات نفت وابسته است و جمعيت آن بيش از هشتاد ميليون نفر است.";
        String urdu = "پاکستان جنوبی ایشیا کا ایک ملک ہے۔ اس کا دارالحکومت اسلام آباد ہے اور سب سے بڑا شہر کراچی ہے۔ "
                + "پاکستان کی قومی زبان اردو ہے اور یہاں بہت سی دوسری زبانیں بھی بولی جاتی ہیں۔";
        for (String text : List.of(persian, persianInArabicLetters, urdu)) {
            assertThat(ArabicOrthography.isArabic(text)).as(text).isFalse();
        }
        assertThat(detector.detect(persian).language()).isEqualTo("fa");
        assertThat(detector.detect(urdu).language()).isEqualTo("ur");
    }

    @Test
    void arabicIsSettledWithOrWithoutDiacriticsAndAForeignName() {
        String arabic = "أعلنت وزارة الصحة السعودية اليوم عن افتتاح المستشفى الجديد في مدينة الرياض، وقال الوزير إن "
                + "المشروع يخدم سكان المنطقة الشرقية والوسطى.";
        String vocalized = "قَالَ الْوَزِيرُ إِنَّ الْمَشْرُوعَ يَخْدُمُ سُكَّانَ الْمِنْطَقَةِ الشَّرْقِيَّةِ وَالْوُسْطَى فِي "
                + "الْمَمْلَكَةِ الْعَرَبِيَّةِ";
        String foreignName = arabic + " " + arabic + " وحضر الافتتاح ممثل شركة گوگل في المنطقة.";
        for (String text : List.of(arabic, vocalized, foreignName)) {
            assertThat(ArabicOrthography.isArabic(text)).as(text).isTrue();
            assertThat(detector.detect(text)).isEqualTo(new LanguageDetector.Detection("ar",
                    ArabicOrthography.CONFIDENCE));
        }
        assertThat(ArabicOrthography.isArabic("The minister said the project serves the eastern region.")).isFalse();
    }

    @Test
    void onSaudiNewsNetTheRuleSettlesNearlyEveryArticleAsTheModelDoes() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "SaudiNewsNet corpus not available in ../shared/corpus");
        int[] counts = new int[3];
        List<String> disagreements = new ArrayList<>();
        ZippedArticleArrays.read(CORPUS, article -> {
            String title = article.path("title").asText();
            String page = LanguageDetector.prefix(DisguiseCharFilter.strip(title + "\n"
                    + BoilerplateRemover.clean(title, article.path("content").asText())));
            counts[0]++;
            if (ArabicOrthography.isArabic(page)) {
                counts[1]++;
                LanguageDetector.Detection model = detector.byModel(page);
                if (!"ar".equals(model.language())) {
                    disagreements.add(article.path("url").asText() + " → " + model);
                }
            }
            return counts[0] < CORPUS_ARTICLES;
        });
        System.out.printf("Arabic orthography rule: settled %d of %d SaudiNewsNet articles, model disagrees on %d%n",
                counts[1], counts[0], disagreements.size());
        assertThat(disagreements).isEmpty();
        assertThat(counts[1]).isGreaterThan(counts[0] * 95 / 100);
    }
}
