package io.raqib.enrich.text;

import io.raqib.core.text.NormalizationStage;
import io.raqib.core.text.ProcliticFilter;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * {@link io.raqib.core.text.RaqibAnalyzer}'s chain without its stemmer, for names: the same normalization
 * (disguise, orthography, digits; offsets into the original) and the same proclitic stacking, so {@code لبوتين}
 * and {@code بوتـ.ـين} still match {@code بوتين}. Stemming is left out because it folds short names into
 * function words: Lucene's Arabic suffix stripping turns both {@code اليونان} (Greece) and {@code إلى} ("to")
 * into {@code ال}. English possessives are dropped ({@code Putin's} → {@code putin}).
 */
final class NameAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return NormalizationStage.wrapAll(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ProcliticFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
