package io.raqib.core.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Test helper: the terms and tokens an analyzer produces. */
final class Analysis {

    static final Analyzer RAQIB = new RaqibAnalyzer();

    /** A term with its offsets in the analyzed text. */
    record Token(String term, int start, int end) {
    }

    private Analysis() {
    }

    /** Everything a reader returns. */
    static String read(Reader reader) {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[7];
        try (reader) {
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) != -1) {
                out.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Every token {@code analyzer} makes of {@code text}, in the order the stream gives them. */
    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TextFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /**
     * The terms, positions separated by spaces and stacked forms by {@code |}: {@code "بانتخاب|انتخاب الرئاس|رئاس"}
     * for {@code "بانتخابات الرئاسة"}.
     */
    static String terms(String text) {
        StringBuilder out = new StringBuilder();
        try (TokenStream stream = RAQIB.tokenStream(TextFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (out.length() > 0) {
                    out.append(increment.getPositionIncrement() == 0 ? "|" : " ");
                }
                out.append(term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
