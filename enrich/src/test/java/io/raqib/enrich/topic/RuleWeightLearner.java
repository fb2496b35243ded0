package io.raqib.enrich.topic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns the weights of the Arabic topic rules from labelled articles with an averaged perceptron over the top-level
 * topic: when an article's best top-level topic is wrong, the rules it hit for the right topic gain {@value #STEP}
 * per counted hit and those of the wrongly chosen topic lose as much. A weight stays between {@value #LOW} and
 * {@value #HIGH} times its hand-set value, so learning re-balances words but never drops one or turns it against its
 * topic (rules with negative weights are left alone); unbounded, it would all but erase the conflict words,
 * because the politics pages are mostly war reports. It starts from the hand-set weights, visits the articles in
 * the given order {@value #EPOCHS} times and returns the average weight of every Arabic rule over all steps, rounded
 * to 0.1 — deterministic, so the shipped file can be checked against a fresh run.
 */
final class RuleWeightLearner {

    static final int EPOCHS = 8;
    static final double STEP = 0.1;

    static final double LOW = 0.2;
    static final double HIGH = 3;

    private final TopicTaxonomy taxonomy;
    private final Map<String, Double> hand = new HashMap<>();
    private final Map<String, Double> weights = new HashMap<>();
    private final Map<String, Double> stepWeightedUpdates = new HashMap<>();
    private long steps;

    RuleWeightLearner(TopicTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The learned weight of every Arabic rule hit in {@code articles}, keyed by {@link LearnedWeights#key}. */
    Map<String, Double> learn(List<SaudiSections.Article> articles) {
        Map<String, Double> averaged = Map.of();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            TopicClassifier classifier = new TopicClassifier(taxonomy, null, LearnedWeights.of(weights));
            for (SaudiSections.Article article : articles) {
                steps++;
                update(classifier.ruleHits(article.title(), article.body()), article.topic());
            }
            averaged = averaged();
        }
        return averaged;
    }

    private void update(Map<TopicClassifier.Rule, Double> hits, String expected) {
        Map<String, Double> scores = new HashMap<>();
        hits.forEach((rule, n) -> {
            if (learnable(rule) && !weights.containsKey(key(rule))) {
                weights.put(key(rule), rule.weight());
                hand.put(key(rule), rule.weight());
            }
            scores.merge(topLevel(rule.code()), weight(rule) * n, Double::sum);
        });
        String predicted = scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        if (expected.equals(predicted)) {
            return;
        }
        hits.forEach((rule, n) -> {
            String topic = topLevel(rule.code());
            double delta = topic.equals(expected) ? STEP * n : topic.equals(predicted) ? -STEP * n : 0;
            if (delta != 0 && learnable(rule)) {
                double now = weights.get(key(rule));
                double handSet = hand.get(key(rule));
                double next = Math.min(HIGH * handSet, Math.max(LOW * handSet, now + delta));
                weights.put(key(rule), next);
                stepWeightedUpdates.merge(key(rule), (steps - 1) * (next - now), Double::sum);
            }
        });
    }

    /** The averaged perceptron's weights: the mean of the weights after each step so far, from the running sums. */
    private Map<String, Double> averaged() {
        Map<String, Double> averaged = new TreeMap<>();
        weights.forEach((key, w) -> averaged.put(key,
                Math.round(10 * (w - stepWeightedUpdates.getOrDefault(key, 0.0) / steps)) / 10.0));
        return averaged;
    }

    private double weight(TopicClassifier.Rule rule) {
        return weights.getOrDefault(key(rule), rule.weight());
    }

    private String topLevel(String code) {
        TopicTaxonomy.MediaTopic topic = taxonomy.get(code);
        return topic.topLevel() ? code : topic.parent();
    }

    private static String key(TopicClassifier.Rule rule) {
        return LearnedWeights.key(rule.code(), rule.phrase());
    }

    /** Arabic rules with a positive weight: English rules never hit Arabic articles, negative ones stay as set. */
    private static boolean learnable(TopicClassifier.Rule rule) {
        return rule.weight() > 0 && rule.phrase().chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }
}
