package io.raqib.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raqib.enrich.text.AnalyzedText;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Top-1 accuracy of the top-level IPTC topic on the BBC News corpus (rules were tuned on train.csv only;
 * val and test are reported in docs/quality.md). Skips when ../shared/corpus is absent.
 */
class BbcTopicAccuracyTest {

    private static TopicClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = new TopicClassifier(TopicTaxonomy.load(), null);
    }

    @ParameterizedTest(name = "{0}.csv top-1 accuracy ≥ {1}")
    @CsvSource({"train, 0.85", "val, 0.85", "test, 0.85"})
    void topLevelTopicMatchesTheBbcCategory(String split, double floor) throws Exception {
        assumeTrue(BbcCorpus.present(), "BBC corpus not available in ../shared/corpus/bbc-news");
        List<BbcCorpus.Labelled> articles = BbcCorpus.read(split);
        Map<String, int[]> perCategory = new TreeMap<>();
        int correct = 0;
        for (BbcCorpus.Labelled article : articles) {
            String predicted = classifier.bestTopLevel(AnalyzedText.of(""), AnalyzedText.of(article.text()));
            boolean hit = BbcCorpus.CATEGORY_TO_TOPIC.get(article.category()).equals(predicted);
            int[] counts = perCategory.computeIfAbsent(article.category(), k -> new int[2]);
            counts[0] += hit ? 1 : 0;
            counts[1]++;
            correct += hit ? 1 : 0;
        }
        double accuracy = (double) correct / articles.size();
        StringBuilder report = new StringBuilder(String.format("BBC %s: top-1 accuracy %.3f (%d/%d)", split,
                accuracy, correct, articles.size()));
        perCategory.forEach((category, c) -> report.append(String.format("; %s %d/%d", category, c[0], c[1])));
        System.out.println(report);
        assertThat(accuracy).isGreaterThanOrEqualTo(floor);
    }
}
