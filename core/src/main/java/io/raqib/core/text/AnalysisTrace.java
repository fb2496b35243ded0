package io.raqib.core.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * What {@link RaqibAnalyzer} does to one text, step by step — the answer to "why didn't my watch match?": the
 * text after each {@link NormalizationStage} and the final tokens with their offsets into the original.
 *
 * @param original the text as given
 * @param stages the text after each normalization stage, in order
 * @param tokens the indexed terms; forms stacked on one word share its position
 */
public record AnalysisTrace(String original, List<Stage> stages, List<Token> tokens) {

    private static final Analyzer ANALYZER = new RaqibAnalyzer();

    /** Compact constructor: defensive copies. */
    public AnalysisTrace {
        stages = List.copyOf(stages);
        tokens = List.copyOf(tokens);
    }

    /**
     * The text after one normalization stage.
     *
     * @param name the stage's label ({@code unicode}, {@code deobfuscation}, {@code orthography})
     * @param text the whole text after that stage and the ones before it
     */
    public record Stage(String name, String text) {
    }

    /**
     * One indexed term.
     *
     * @param term the term as indexed and as watch terms are compared
     * @param position the word position (0-based); stacked forms share it
     * @param start offset of the word's first char in the original text
     * @param end offset after the word's last char in the original text
     * @param source the original text the term came from, {@code original.substring(start, end)}
     */
    public record Token(String term, int position, int start, int end, String source) {
    }

    /** Traces the analysis of {@code text}. */
    public static AnalysisTrace of(String text) {
        List<Stage> stages = new ArrayList<>();
        for (NormalizationStage stage : NormalizationStage.values()) {
            stages.add(new Stage(stage.label(), stage.apply(text)));
        }
        return new AnalysisTrace(text, stages, tokens(text));
    }

    /** The text after the last stage, as the tokenizer sees it. */
    public String normalized() {
        return stages.get(stages.size() - 1).text();
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(TextFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                int start = offset.startOffset();
                int end = offset.endOffset();
                tokens.add(new Token(term.toString(), position, start, end, text.substring(start, end)));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing a string cannot fail", e);
        }
        return tokens;
    }
}
