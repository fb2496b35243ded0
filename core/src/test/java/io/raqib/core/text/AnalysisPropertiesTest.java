package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.text.Analysis.Token;
import java.io.Reader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Properties of the analysis chain over generated text: idempotence, offsets, disguise invariance. */
class AnalysisPropertiesTest {

    private static final String ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي";
    private static final String DIACRITICS = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670";
    private static final String INVISIBLES = "\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF\u202B\u2067";
    /** Letters, marks, digits, punctuation and disguise characters, weighted towards what news text holds. */
    private static final String NEWS_CHARS = ARABIC_LETTERS + ARABIC_LETTERS + DIACRITICS + INVISIBLES
            + "ـــ..._-*•· ،؟\n\"“”«»'’–—" + "٠١٢٣٤٥٦٧٨٩۰۵" + "0123456789" + "abcdeSYRIAsé" + "\u0301\u030C"
            + "ﻻﷲﷺﺍﺏ½ﬁ" + "\u0653\u0654\u0655";

    /** The analyzer without token filters: tokens as the tokenizer cut them from the normalized text. */
    private static final Analyzer SURFACE = new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return NormalizationStage.wrapAll(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new OffsetRepairFilter(source));
        }
    };

    @Property(tries = 400)
    void normalizationIsIdempotentOnNewsLikeText(@ForAll("newsText") String text) {
        String once = NormalizationStage.normalize(text);
        assertThat(NormalizationStage.normalize(once)).isEqualTo(once);
        String stripped = DisguiseCharFilter.strip(text);
        assertThat(DisguiseCharFilter.strip(stripped)).isEqualTo(stripped);
    }

    @Property(tries = 400)
    void normalizationIsIdempotentOnAnyText(@ForAll("anyText") String text) {
        String once = NormalizationStage.normalize(text);
        assertThat(NormalizationStage.normalize(once)).isEqualTo(once);
    }

    @Property(tries = 300)
    void tokenOffsetsLieInTheOriginalAndCoverTheirCharacters(@ForAll("newsText") String text) {
        List<Token> surface = Analysis.tokens(SURFACE, text);
        for (Token token : surface) {
            assertThat(token.start()).isBetween(0, text.length() - 1);
            assertThat(token.end()).isBetween(token.start() + 1, text.length());
            String span = NormalizationStage.normalize(text.substring(token.start(), token.end()));
            assertThat(span).as("span of %s in %s", token, text).contains(token.term());
        }
        List<int[]> spans = surface.stream().map(t -> new int[] {t.start(), t.end()}).toList();
        for (Token token : Analysis.tokens(Analysis.RAQIB, text)) {
            assertThat(spans).as("span of %s", token).anyMatch(s -> s[0] == token.start() && s[1] == token.end());
        }
    }

    @Property(tries = 500)
    void disguiseInsideAnArabicWordNeverChangesItsTokens(@ForAll("arabicWord") String word,
            @ForAll("disguises") List<String> disguises) {
        StringBuilder disguised = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            disguised.append(word.charAt(i));
            String disguise = disguises.get(i % disguises.size());
            boolean between = i < word.length() - 1;
            // Tanween fath around a final alef is not a disguise but the accusative ending, which is dropped.
            boolean accusative = disguise.indexOf('\u064B') >= 0 && word.endsWith("\u0627") && i >= word.length() - 2;
            if ((between || isDiacritics(disguise)) && !accusative) {
                disguised.append(disguise);
            }
        }

        assertThat(Analysis.terms(disguised.toString())).as(disguised.toString()).isEqualTo(Analysis.terms(word));
    }

    @Property(tries = 300)
    void aWordWithTheAccusativeEndingAnalyzesLikeTheBareWord(@ForAll("arabicWord") String word) {
        assertThat(Analysis.terms(word + "\u0627\u064B")).as(word + "اً").isEqualTo(Analysis.terms(word));
        assertThat(Analysis.terms(word + "\u0627\u064B " + word)).isEqualTo(Analysis.terms(word + " " + word));
    }

    @Property(tries = 300)
    void theTanweenWrittenBeforeTheEndingAlefToo(@ForAll("arabicWord") String word) {
        Assume.that(!word.endsWith("\u0627"));
        assertThat(Analysis.terms(word + "\u064B\u0627")).as(word + "ًا").isEqualTo(Analysis.terms(word));
    }

    @Property(tries = 300)
    void aWordSpelledLetterByLetterAnalyzesLikeTheWord(@ForAll("arabicWord") String word,
            @ForAll("letterSeparators") String separator) {
        Assume.that(word.length() >= SpacedLetterJoiner.MIN_LETTERS);
        String spelled = String.join(separator, word.split(""));
        assertThat(Analysis.terms("قال " + spelled + " أمس")).as(spelled)
                .isEqualTo(Analysis.terms("قال " + word + " أمس"));
    }

    @Provide
    Arbitrary<String> newsText() {
        return Arbitraries.strings().withChars(NEWS_CHARS).ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> arabicWord() {
        return Arbitraries.strings().withChars(ARABIC_LETTERS).ofMinLength(2).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> letterSeparators() {
        return Arbitraries.of(" ", ".", "-", "_", "*", "\u2022", ". ", "- ");
    }

    /** Per gap between letters: nothing, a tatweel break, an invisible joiner, or diacritics on the letter. */
    @Provide
    Arbitrary<List<String>> disguises() {
        Arbitrary<String> tatweels = Arbitraries.strings().withChars('\u0640').ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> tatweelBreak = Combinators.combine(tatweels, Arbitraries.of(".", "_", " ", "-", "•"),
                tatweels).as((left, separator, right) -> left + separator + right);
        Arbitrary<String> stretch = tatweels;
        Arbitrary<String> invisible = Arbitraries.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF");
        Arbitrary<String> diacritics = Arbitraries.strings().withChars(DIACRITICS).ofMinLength(1).ofMaxLength(2);
        Arbitrary<String> any = Arbitraries.oneOf(Arbitraries.just(""), tatweelBreak, stretch, invisible, diacritics,
                Combinators.combine(diacritics, tatweelBreak).as(String::concat));
        return any.list().ofMinSize(1).ofMaxSize(10);
    }

    private static boolean isDiacritics(String disguise) {
        return !disguise.isEmpty() && disguise.chars().allMatch(c -> DIACRITICS.indexOf(c) >= 0);
    }
}
