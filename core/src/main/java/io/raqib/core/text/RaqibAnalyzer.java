package io.raqib.core.text;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analysis chain of Raqib, used for articles (enrich, sink) and watch queries alike, so both sides are
 * always tokenized the same way. Char level, offset-corrected so every token points into the original text
 * ({@link NormalizationStage}): invisible characters, NFKC, punctuation folding; de-obfuscation of tatweel
 * disguise; lowercase, Arabic orthography and digits. Token level: Unicode word tokens (UAX #29), Arabic
 * proclitics stacked at the same position ({@link ProcliticFilter}), light stemming by script
 * ({@link ScriptAwareStemFilter}). {@link AnalysisTrace} shows each step for one text.
 */
public final class RaqibAnalyzer extends Analyzer {

    private enum Ending { STEM, NAMES, STEM_WITH_NAME_FORMS }

    private final Ending ending;

    /** The full chain, stemming included: for articles and watch queries. */
    public RaqibAnalyzer() {
        this(Ending.STEM);
    }

    private RaqibAnalyzer(Ending ending) {
        this.ending = ending;
    }

    /**
     * The same chain without the script-aware stemmer but with English possessives dropped, for names
     * (gazetteer entries): Arabic suffix stripping folds short names into function words ({@code اليونان} and
     * {@code إلى} both become {@code ال}).
     */
    public static Analyzer forNames() {
        return new RaqibAnalyzer(Ending.NAMES);
    }

    /**
     * The full chain whose tokens also carry the {@link #forNames()} chain's term as a {@link NameFormAttribute}:
     * both analyses of a text in one pass.
     */
    public static Analyzer withNameForms() {
        return new RaqibAnalyzer(Ending.STEM_WITH_NAME_FORMS);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return NormalizationStage.wrapAll(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return NormalizationStage.wrapAll(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new OffsetRepairFilter(source);
        stream = new ProcliticFilter(stream);
        stream = switch (ending) {
            case STEM -> new ScriptAwareStemFilter(stream);
            case NAMES -> new EnglishPossessiveFilter(stream);
            case STEM_WITH_NAME_FORMS -> new ScriptAwareStemFilter(new NameFormFilter(stream));
        };
        return new TokenStreamComponents(source, stream);
    }

    /** An analyzer for whole documents and queries: analyzed text fields, keyword metadata fields. */
    public static Analyzer perField() {
        Map<String, Analyzer> keywords = new HashMap<>();
        KeywordAnalyzer keyword = new KeywordAnalyzer();
        TextFields.KEYWORD_FIELDS.forEach(f -> keywords.put(f, keyword));
        return new PerFieldAnalyzerWrapper(new RaqibAnalyzer(), keywords);
    }
}
