package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The orthography stage as the full normalization runs it. */
class OrthographyTest {

    @Test
    void strayMaddaBehindAMarkOfAnotherScriptIsDroppedSoASecondPassCannotComposeIt() {
        // alef with hamza below, a Syriac mark (ccc 220), a stray madda (ccc 230): found by AnalyzerFuzzTest.
        String once = NormalizationStage.normalize("\u0625\u0731\u0653");

        assertThat(once).isEqualTo("\u0627\u0731");
        assertThat(NormalizationStage.normalize(once)).isEqualTo(once);
    }

    @Test
    void aMarkOfASupplementaryPlaneKeepsTheArabicLetterUnderneathToo() {
        // U+1E8D0 (Mende Kikakui combining number, ccc 220) is written as two chars.
        String once = NormalizationStage.normalize("\u0625\uD83A\uDCD0\u0653");

        assertThat(NormalizationStage.normalize(once)).isEqualTo(once);
    }

    @Test
    void marksOnLatinLettersAreLeftAlone() {
        assertThat(NormalizationStage.normalize("a\u0653\u0301")).isEqualTo("a\u0653\u0301");
    }

    @Test
    void tehMarbutaWrittenAsHehWithYehAboveOrAsAeFoldsLikeTehMarbuta() {
        assertThat(NormalizationStage.normalize("مدرسۀ")).isEqualTo(NormalizationStage.normalize("مدرسة"));
        assertThat(NormalizationStage.normalize("مدرسە")).isEqualTo(NormalizationStage.normalize("مدرسة"));
        assertThat(NormalizationStage.normalize("مدرسە\u0654")).isEqualTo(NormalizationStage.normalize("مدرسة"));
    }

    @Test
    void theAccusativeEndingGoesWithItsTanweenInEitherOrder() {
        assertThat(NormalizationStage.normalize("جفافاً في الجنوب")).isEqualTo("جفاف في الجنوب");
        assertThat(NormalizationStage.normalize("جفافًا.")).isEqualTo("جفاف.");
        assertThat(NormalizationStage.normalize("شكراً")).isEqualTo("شكر");
    }

    @Test
    void anAlefThatCarriedAHamzaOrHasNoTanweenStays() {
        assertThat(NormalizationStage.normalize("مبدأً")).isEqualTo("مبدا");
        assertThat(NormalizationStage.normalize("شكرا")).isEqualTo("شكرا");
        assertThat(NormalizationStage.normalize("اً")).isEqualTo("ا");
        assertThat(NormalizationStage.normalize("كتاباًت")).isEqualTo("كتابات");
    }
}
