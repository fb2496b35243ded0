package io.raqib.core.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * Fuzz target (Jazzer) for the one analysis chain behind matching and {@code raqib analyze}: any text, lone
 * surrogates and control characters included, is analyzed without an exception; every token of the full and the
 * name analyzer points at a non-empty span of the original text, in text order; normalization is idempotent.
 * {@code mvn verify} replays the inputs in {@code AnalyzerFuzzTestInputs/analyze} (UTF-8 text files).
 */
class AnalyzerFuzzTest {

    private static final Analyzer NAMES = RaqibAnalyzer.forNames();

    @FuzzTest
    void analyze(byte[] input) {
        String text = wtf8(input);

        AnalysisTrace trace = AnalysisTrace.of(text);
        assertSpansInOrder(text, trace.tokens().stream()
                .map(t -> new Analysis.Token(t.term(), t.start(), t.end())).toList());
        assertSpansInOrder(text, Analysis.tokens(NAMES, text));
        String normalized = trace.normalized();
        assertThat(NormalizationStage.normalize(normalized)).isEqualTo(normalized);
        // Prefix and wildcard terms of watch queries are normalized this way, without tokenization.
        assertThat(Analysis.RAQIB.normalize(TextFields.TEXT, text)).isNotNull();
    }

    private static void assertSpansInOrder(String text, List<Analysis.Token> tokens) {
        int previousStart = 0;
        for (Analysis.Token token : tokens) {
            assertThat(token.start()).as("start of %s", token).isBetween(previousStart, text.length() - 1);
            assertThat(token.end()).as("end of %s", token).isBetween(token.start() + 1, text.length());
            previousStart = token.start();
        }
    }

    /**
     * UTF-8, except that a surrogate written as three bytes (WTF-8, {@code ED A0..BF 80..BF}) becomes that lone
     * surrogate: JSON escapes such as {@code "\ud800"} put them into article text, and plain UTF-8 cannot.
     */
    private static String wtf8(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        int from = 0;
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xED && (bytes[i + 1] & 0xE0) == 0xA0 && (bytes[i + 2] & 0xC0) == 0x80) {
                text.append(new String(bytes, from, i - from, UTF_8));
                text.append((char) (0xD000 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F));
                i += 2;
                from = i + 1;
            }
        }
        return text.append(new String(bytes, from, bytes.length - from, UTF_8)).toString();
    }
}
