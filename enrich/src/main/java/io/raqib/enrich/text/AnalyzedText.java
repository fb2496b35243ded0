package io.raqib.enrich.text;

import io.raqib.core.text.NameFormAttribute;
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
    private static final Analyzer BOTH = RaqibAnalyzer.withNameForms();

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

    /** A text analysed both ways in one pass: {@link #of} for topics and signatures, {@link #forNames} for names. */
    public record Both(AnalyzedText stemmed, AnalyzedText names) {
    }

    /** Analyzes {@code text} (null = empty) with {@link RaqibAnalyzer}. */
    public static AnalyzedText of(String text) {
        return analyze(ANALYZER, text, false).stemmed();
    }

    /** Analyzes {@code text} (null = empty) for name matching: normalized, clitics stacked, not stemmed. */
    public static AnalyzedText forNames(String text) {
        return analyze(NAMES, text, false).stemmed();
    }

    /** {@link #of} and {@link #forNames} of {@code text} from one pass of the analyzer. */
    public static Both both(String text) {
        return analyze(BOTH, text, true);
    }

    /** The words of {@code text}; with {@code nameForms}, the tokens' name forms too (else {@code names} is null). */
    private static Both analyze(Analyzer analyzer, String text, boolean nameForms) {
        Words terms = new Words();
        Words names = nameForms ? new Words() : null;
        if (text != null && !text.isEmpty()) {
            try (TokenStream stream = analyzer.tokenStream("text", text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                NameFormAttribute name = nameForms ? stream.addAttribute(NameFormAttribute.class) : null;
                stream.reset();
                while (stream.incrementToken()) {
                    boolean next = increment.getPositionIncrement() > 0;
                    terms.add(next, term.toString(), offset.startOffset(), offset.endOffset());
                    if (names != null) {
                        names.add(next, name.nameForm(), offset.startOffset(), offset.endOffset());
                    }
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException("analysis of an in-memory string failed", e);
            }
        }
        return new Both(terms.text(), names == null ? null : names.text());
    }

    /** Collects word positions, each with its distinct forms in token order. */
    private static final class Words {
        private final List<Word> words = new ArrayList<>();
        private List<String> forms;
        private int start;
        private int end;

        void add(boolean nextPosition, String form, int formStart, int formEnd) {
            if (nextPosition || forms == null) {
                flush();
                forms = new ArrayList<>(4);
                start = formStart;
                end = formEnd;
            }
            if (!forms.contains(form)) {
                forms.add(form);
            }
        }

        private void flush() {
            if (forms != null) {
                words.add(new Word(List.copyOf(forms), start, end));
            }
        }

        AnalyzedText text() {
            flush();
            forms = null;
            return new AnalyzedText(words);
        }
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
