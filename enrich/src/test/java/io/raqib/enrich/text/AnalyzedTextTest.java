package io.raqib.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raqib.core.corpus.ZippedArticleArrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** One pass of the analyzer gives exactly the two analyses enrich used to run separately. */
class AnalyzedTextTest {

    private static final Path SAUDI = Path.of("../../shared/corpus/saudinewsnet");
    private static final Path BBC = Path.of("../../shared/corpus/bbc-news/test.csv");

    @Test
    void bothIsOfAndForNamesOnArabicAndEnglishWithDisguisesAndPossessives() {
        for (String text : List.of("قال وزير الخارجية السعودي إن مكافحة الإرهـ.ـاب والتطرف أولوية للمملكة",
                "Putin's visit to Damascus: the president’s talks with Assad's government",
                "والسعوديون بالرياض لليمن", "")) {
            assertSame(text);
        }
    }

    @Property(tries = 300)
    void bothIsOfAndForNamesOnAnyText(@ForAll String text) {
        assertSame(text);
    }

    @Test
    void bothIsOfAndForNamesOnCorpusArticles() throws Exception {
        assumeTrue(Files.isDirectory(SAUDI) && Files.isRegularFile(BBC), "corpora not available in ../shared");
        int[] seen = new int[1];
        ZippedArticleArrays.read(SAUDI, article -> {
            assertSame(article.path("title").asText() + "\n" + article.path("content").asText());
            return ++seen[0] < 300;
        });
        Files.readAllLines(BBC).stream().skip(1).limit(200).forEach(AnalyzedTextTest::assertSame);
    }

    private static void assertSame(String text) {
        AnalyzedText.Both both = AnalyzedText.both(text);
        assertThat(both.stemmed().words()).isEqualTo(AnalyzedText.of(text).words());
        assertThat(both.names().words()).isEqualTo(AnalyzedText.forNames(text).words());
    }
}
