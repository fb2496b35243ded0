package io.raqib.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raqib.enrich.text.DataFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code topics/weights/weights-ar.tsv} is exactly what {@link RuleWeightLearner} learns from the tuning
 * (even) half of the section-labelled SaudiNewsNet articles. After changing the Arabic rules, regenerate it with
 * {@code mvn -q -o -pl enrich -am test -Dtest=ArabicRuleWeightsTest -Draqib.topics.relearn=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Skips without ../shared/corpus.
 */
class ArabicRuleWeightsTest {

    private static final Path SHIPPED = Path.of("src/main/resources/topics/weights/weights-ar.tsv");

    @Test
    void shippedWeightsAreThoseLearnedFromTheTuningHalf() throws Exception {
        assumeTrue(SaudiSections.present(), "SaudiNewsNet corpus not available in ../shared/corpus");
        TopicTaxonomy taxonomy = TopicTaxonomy.load();
        Map<String, Double> learned = new RuleWeightLearner(taxonomy).learn(
                SaudiSections.read().stream().filter(SaudiSections.Article::tuning).toList());
        List<String> rows = changedWeights(learned);
        if (Boolean.getBoolean("raqib.topics.relearn")) {
            List<String> file = new ArrayList<>(List.of(
                    "# Arabic rule weights learned by RuleWeightLearner from the even half of SaudiNewsNet's",
                    "# section-labelled articles (ArabicRuleWeightsTest regenerates this file; do not edit by hand).",
                    "code\tweight\tphrase"));
            file.addAll(rows);
            Files.write(SHIPPED, file, StandardCharsets.UTF_8);
        }
        List<String> shipped = DataFiles.fromDirectory(SHIPPED.getParent()).stream()
                .map(r -> r.cell(0) + "\t" + r.cell(1) + "\t" + r.cell(2)).toList();

        assertThat(rows).hasSizeGreaterThan(100);
        assertThat(shipped).as("weights-ar.tsv is stale: regenerate it (see this test's comment)")
                .containsExactlyElementsOf(rows);
    }

    /** The learned weights that differ from the hand-set ones, as rows of the weights file. */
    private static List<String> changedWeights(Map<String, Double> learned) {
        Map<String, Double> handSet = new HashMap<>();
        for (DataFiles.Row rule : DataFiles.bundled("topics/rules")) {
            handSet.put(LearnedWeights.key(rule.cell(0), rule.cell(2)), Double.parseDouble(rule.cell(1)));
        }
        List<String> rows = new ArrayList<>();
        learned.forEach((key, weight) -> {
            String[] codeAndPhrase = key.split("\t");
            if (!weight.equals(handSet.get(key))) {
                rows.add(codeAndPhrase[0] + "\t" + weight + "\t" + codeAndPhrase[1]);
            }
        });
        return rows;
    }
}
