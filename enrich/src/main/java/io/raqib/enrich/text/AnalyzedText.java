package io.raqib.enrich.text;

import io.raqib.core.text.RaqibAnalyzer;
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
 * A text as Raqib's analyzer sees it: one {@link Word} per position with every form stacked there (the word
 * itself first, then its clitic-peeled forms) and offsets into the original text. Topics and near-duplicate
 * signatures are computed on {@link #of(String)} (the core analyzer, as watches match); entities on
 * {@link #forNames(String)}, the same chain without stemming.
 */
public final class AnalyzedText {

    private static final Analyzer ANALYZER = new RaqibAnalyzer();
    private static final Analyzer NAMES = RaqibAnalyzer.forNames();

    private final List<Word> words;

    private AnalyzedText(List<Word> words) {
        this.words = List.copyOf(words);
    }

    /**
     * One word position.
     *
     * @param forms the analyzed terms at this position; {@code forms.get(0)} is the unpeeled word
     * @param start offset of the word in the original text
     * @param end   offset after the word in the original text
     */
    public record Word(List<String> forms, int start, int end) {

        /** The unpeeled analyzed term. */
        public String term() {
            return forms.get(0);
        }
    }

    /** Analyzes {@code text} (null = empty) with {@link RaqibAnalyzer}. */
    public static AnalyzedText of(String text) {
        return analyze(ANALYZER, text);
    }

    /** Analyzes {@code text} (null = empty) for name matching: normalized, clitics stacked, not stemmed. */
    public static AnalyzedText forNames(String text) {
        return analyze(NAMES, text);
    }

    private static AnalyzedText analyze(Analyzer analyzer, String text) {
        List<Word> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return new AnalyzedText(words);
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            List<String> forms = null;
            int start = 0;
            int end = 0;
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || forms == null) {
                    if (forms != null) {
                        words.add(new Word(List.copyOf(forms), start, end));
                    }
                    forms = new ArrayList<>(4);
                    start = offset.startOffset();
                    end = offset.endOffset();
                }
                String form = term.toString();
                if (!forms.contains(form)) {
                    forms.add(form);
                }
            }
            if (forms != null) {
                words.add(new Word(List.copyOf(forms), start, end));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return new AnalyzedText(words);
    }

    /** The words in order. */
    public List<Word> words() {
        return words;
    }

    /** The number of word positions. */
    public int size() {
        return words.size();
    }

    /** The word at {@code position}. */
    public Word word(int position) {
        return words.get(position);
    }
}
