package io.raqib.core.text;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analysis chain of Raqib, used for articles (enrich, sink) and watch queries alike, so both sides
 * are always tokenized the same way: disguise removal (offset-corrected), Unicode word tokens, lowercase,
 * ASCII digits, Arabic orthographic normalization and light stemming, English possessives and plurals.
 */
public final class RaqibAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return DisguiseCharFilter.wrap(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new DecimalDigitFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        stream = new ArabicStemFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ArabicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(in)));
    }

    /** An analyzer for whole documents and queries: analyzed text fields, keyword metadata fields. */
    public static Analyzer perField() {
        Map<String, Analyzer> keywords = new HashMap<>();
        KeywordAnalyzer keyword = new KeywordAnalyzer();
        TextFields.KEYWORD_FIELDS.forEach(f -> keywords.put(f, keyword));
        return new PerFieldAnalyzerWrapper(new RaqibAnalyzer(), keywords);
    }
}
