package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.ar.ArabicStemmer;

/** The hand-written Arabic suffix stemmer behaves exactly as Lucene's on normalized words. */
class ScriptAwareStemFilterTest {

    private final ArabicStemmer lucene = new ArabicStemmer();

    @Property(tries = 2000)
    void arabicSuffixesAreStrippedAsLuceneDoes(@ForAll("normalizedArabicWord") String word) {
        char[] ours = word.toCharArray();
        char[] theirs = word.toCharArray();

        assertThat(ScriptAwareStemFilter.stemArabic(ours, ours.length))
                .isEqualTo(lucene.stemSuffix(theirs, theirs.length));
    }

    /** Words after orthography (no ة ى أ), biased towards suffix letters so every suffix shows up. */
    @Provide
    Arbitrary<String> normalizedArabicWord() {
        return Arbitraries.strings().withChars("ابتثجحخدرزسشصطعفقكلمنهويءؤئ" + "انتهوي".repeat(3))
                .ofMinLength(1).ofMaxLength(8);
    }
}
