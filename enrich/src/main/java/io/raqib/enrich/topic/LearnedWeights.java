package io.raqib.enrich.topic;

import io.raqib.enrich.text.DataFiles;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rule weights learned from labelled articles ({@code topics/weights/*.tsv}: code, weight, phrase), each replacing
 * the hand-set weight of the bundled rule with the same code and phrase. The rules stay the explanation (which words
 * made a topic); learning only moves how much each word counts. {@code ArabicRuleWeightsTest} regenerates the file.
 */
public final class LearnedWeights {

    private final Map<String, Double> weights;

    private LearnedWeights(Map<String, Double> weights) {
        this.weights = weights;
    }

    /** The bundled learned weights. */
    public static LearnedWeights bundled() {
        Map<String, Double> weights = new HashMap<>();
        for (DataFiles.Row row : DataFiles.bundled("topics/weights")) {
            try {
                weights.put(key(row.cell(0), row.cell(2)), Double.parseDouble(row.cell(1)));
            } catch (NumberFormatException e) {
                throw row.error("weight is not a number: '" + row.cell(1) + "'");
            }
        }
        return new LearnedWeights(weights);
    }

    /** Weights given as {@link #key} → weight (the learner's current ones). */
    static LearnedWeights of(Map<String, Double> weights) {
        return new LearnedWeights(Map.copyOf(weights));
    }

    /** The key of the rule with {@code code} and {@code phrase} as written in its rule file. */
    static String key(String code, String phrase) {
        return code + "\t" + phrase;
    }

    /** The learned weight of the rule, or {@code handWeight} when none was learned. */
    double weight(String code, String phrase, double handWeight) {
        return weights.getOrDefault(key(code, phrase), handWeight);
    }

    /** Fails when a learned weight names no bundled rule (one was reworded or dropped: the weights are stale). */
    void requireRulesIn(Set<String> ruleKeys) {
        for (String key : weights.keySet()) {
            if (!ruleKeys.contains(key)) {
                throw new IllegalStateException("learned topic weight for a rule no rule file has: " + key.replace(
                        '\t', ' ') + " (regenerate topics/weights, see ArabicRuleWeightsTest)");
            }
        }
    }
}
