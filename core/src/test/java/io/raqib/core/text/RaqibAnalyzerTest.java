package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The analyzer's contract with the sink: keyword metadata fields, query normalization, reuse. */
class RaqibAnalyzerTest {

    @Test
    void perFieldKeepsMetadataFieldsVerbatim() throws IOException {
        Analyzer analyzer = RaqibAnalyzer.perField();

        assertThat(single(analyzer, TextFields.ENTITY, "Q7747")).isEqualTo("Q7747");
        assertThat(single(analyzer, TextFields.TOPIC, "medtop:11000000")).isEqualTo("medtop:11000000");
        assertThat(single(analyzer, TextFields.TEXT, "Elections")).isEqualTo("election");
    }

    @Test
    void multiTermQueriesAreNormalizedLikeText() {
        Analyzer analyzer = new RaqibAnalyzer();

        assertThat(analyzer.normalize(TextFields.TEXT, "الإرهـ.ـاب")).isEqualTo(new BytesRef("الارهاب"));
        assertThat(analyzer.normalize(TextFields.TEXT, "Syria")).isEqualTo(new BytesRef("syria"));
    }

    @Test
    void reusedComponentsGiveTheSameTermsEveryTime() {
        String text = "لمكـ.ـافحة قوى الإرهـ.ـاب Syria's elections";
        String first = Analysis.terms(text);

        assertThat(Analysis.terms("بيروت")).isEqualTo("بيروت");
        assertThat(Analysis.terms(text)).isEqualTo(first).contains("مكافح", "ارهاب", "election");
    }

    private static String single(Analyzer analyzer, String field, String text) throws IOException {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            assertThat(stream.incrementToken()).isTrue();
            String value = term.toString();
            assertThat(stream.incrementToken()).isFalse();
            stream.end();
            return value;
        }
    }
}
