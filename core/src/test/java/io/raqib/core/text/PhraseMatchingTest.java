package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Watch queries (classic query syntax, analyzed by the same chain) against article text indexed in a
 * MemoryIndex, as the sink does: phrases, proximity and single words match across clitics, disguise and
 * English inflection, and highlights land on the original spelling.
 */
class PhraseMatchingTest {

    @ParameterizedTest(name = "{1} ⊨ {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "انتخابات الرئاسة السورية"        | بعد فوز الأخير بانتخابات الرئاسة السورية.
            "انتخابات الرئاسة السورية"        | وتعتبر روسيا أن انتخابات الرئاسة السورية متوافقة
            "مكافحة الإرهاب"                 | لمكافحة الإرهاب
            "مكافحة قوى الإرهاب"             | النظام السوري في الفترة القادمة لمكـ.ـافحة قوى الإرهـ.ـاب والتطـ.ـرف.
            "الإرهاب والتطرف"                | قوى الإرهـ.ـاب والتطـ.ـرف.
            بيروت                             | وصل الوفد ببيروت أمس
            بيروت                             | وصل الوفد إلى بيروت أمس
            بيروت                             | وبيروت مدينة
            "مسرحية هزيلة"                    | حيث وصفت بأنها مجرد “مسرحية هـ.ـزيلة” لإعادة انتخاب الأسد
            انتقاد                            | بالإضافة إلى انتقـ.ـاد القيادة الروسية
            زعمت                              | وزعـ.ـمت الرئاسة الروسية
            "Syria presidential election"    | Western powers reject Syria's presidential elections as neither free nor fair
            "Syria presidential election"    | Syria’s presidential election
            2254                              | قرار مجلس الأمن الدولي رقم “٢٢٥٤”
            "مجلس الأمن" AND 2254             | خارج إطار قرار مجلس الأمن الدولي رقم “2254”.
            "free fair"~3                     | the vote was neither free nor fair
            "انتخابات سوريا"~3                | إجراء انتخابات الرئاسة في سوريا بموعدها
            """)
    void matches(String query, String text) throws Exception {
        assertThat(score(query, text)).as("%s should match %s", query, text).isPositive();
    }

    @ParameterizedTest(name = "{1} ⊭ {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "انتخابات الرئاسة السورية"        | الرئاسة السورية تعلن موعد انتخابات جديدة
            "مكافحة الإرهاب"                 | مكافحة الفساد ومحاربة الإرهاب
            بيروت                             | أعلنت يروت
            لبنان                             | شرب كوب لبن
            كره                               | طرح فكرة جديدة
            "free fair"~1                     | the vote was neither free nor in any way fair
            "Syria presidential election"    | presidential election in Syria
            """)
    void doesNotMatch(String query, String text) throws Exception {
        assertThat(score(query, text)).as("%s should not match %s", query, text).isZero();
    }

    @Test
    void highlightsTheDisguisedOriginalSpelling() throws Exception {
        String text = "في الفترة القادمة لمكـ.ـافحة قوى الإرهـ.ـاب والتطـ.ـرف.";

        assertThat(highlights("\"مكافحة قوى الإرهاب\"", text)).containsExactly("لمكـ.ـافحة قوى الإرهـ.ـاب");
        assertThat(highlights("التطرف", text)).containsExactly("والتطـ.ـرف");
    }

    private static float score(String query, String text) throws ParseException {
        MemoryIndex index = new MemoryIndex(true);
        index.addField(TextFields.TEXT, text, Analysis.RAQIB);
        return index.search(parse(query));
    }

    private static Query parse(String query) throws ParseException {
        return new QueryParser(TextFields.TEXT, RaqibAnalyzer.perField()).parse(query);
    }

    private static List<String> highlights(String query, String text) throws ParseException, IOException {
        MemoryIndex index = new MemoryIndex(true);
        index.addField(TextFields.TEXT, text, Analysis.RAQIB);
        IndexSearcher searcher = index.createSearcher();
        Query rewritten = searcher.rewrite(parse(query));
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
        Matches matches = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1).matches(leaf, 0);
        // Stacked forms of one word match separately at the same place; a highlight shows the place once.
        Set<String> spans = new LinkedHashSet<>();
        MatchesIterator it = matches.getMatches(TextFields.TEXT);
        while (it.next()) {
            spans.add(text.substring(it.startOffset(), it.endOffset()));
        }
        return List.copyOf(spans);
    }
}
