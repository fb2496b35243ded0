package io.raqib.core.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Test helper: the terms an analyzer produces, positions separated by spaces, stacked forms by {@code |}. */
final class Analysis {

    static final Analyzer RAQIB = new RaqibAnalyzer();

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

    /** {@code "بانتخاب|انتخاب الرئاس|رئاس"} for {@code "بانتخابات الرئاسة"}. */
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
