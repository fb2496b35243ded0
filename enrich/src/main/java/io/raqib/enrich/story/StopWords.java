package io.raqib.enrich.story;

import io.raqib.enrich.text.AnalyzedText;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Function words that say nothing about a story: Lucene's Arabic and English stop lists, put through Raqib's
 * analyzer so they compare with analyzed terms ({@code التي} → {@code التي}, {@code هذه} → {@code هذه}).
 */
final class StopWords {

    private final Set<String> terms;

    private StopWords(Set<String> terms) {
        this.terms = terms;
    }

    static StopWords load() {
        Set<String> terms = new HashSet<>();
        add(ArabicAnalyzer.getDefaultStopSet(), terms);
        add(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, terms);
        return new StopWords(terms);
    }

    boolean contains(String term) {
        return terms.contains(term);
    }

    private static void add(CharArraySet words, Set<String> into) {
        for (Object word : words) {
            AnalyzedText.of(new String((char[]) word)).words().forEach(w -> into.addAll(w.forms()));
        }
    }
}
