package io.raqib.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static LanguageDetector detector;

    @BeforeAll
    static void loadModel() {
        detector = new LanguageDetector();
    }

    @Test
    void seedArticleIsArabic() throws Exception {
        String seed = Files.readString(Path.of("../samples/000_7c7fb83801401802.txt"), StandardCharsets.UTF_8);

        LanguageDetector.Detection d = detector.detect(seed);

        assertThat(d.language()).isEqualTo("ar");
        assertThat(d.confidence()).isGreaterThan(0.5);
    }

    @Test
    void englishSampleIsEnglish() throws Exception {
        String text = Files.readString(Path.of("../samples/002_drought_farmers.txt"), StandardCharsets.UTF_8);

        assertThat(detector.detect(text).language()).isEqualTo("en");
    }

    @Test
    void otherLanguagesMapToIso6391() {
        String french = "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
                + "agriculteurs touchés par la sécheresse dans le sud du pays.";

        assertThat(detector.detect(french).language()).isEqualTo("fr");
    }

    @Test
    void shortTextsFallBackToTheirScript() {
        assertThat(detector.detect("بوتين")).isEqualTo(new LanguageDetector.Detection("ar", 0.5));
        assertThat(detector.detect("Putin")).isEqualTo(new LanguageDetector.Detection("en", 0.5));
        assertThat(detector.detect("2254 — 7")).isEqualTo(new LanguageDetector.Detection("und", 0));
    }

    @Test
    void longTextsAreJudgedOnAPrefixCutBetweenWords() {
        String arabic = "أعلنت الرئاسة الروسية عن خطط الرئيس القادمة في سوريا بعد الانتخابات الرئاسية ".repeat(40);
        String text = arabic + "This long English appendix comes after the first two thousand characters. ".repeat(200);

        String prefix = LanguageDetector.prefix(text);

        assertThat(prefix.length()).isLessThanOrEqualTo(LanguageDetector.MAX_CHARS_FOR_MODEL);
        assertThat(text.charAt(prefix.length())).isEqualTo(' ');
        assertThat(detector.detect(text).language()).isEqualTo("ar");
        assertThat(LanguageDetector.prefix("short text")).isEqualTo("short text");
    }
}
