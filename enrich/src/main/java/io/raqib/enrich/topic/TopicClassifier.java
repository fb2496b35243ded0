package io.raqib.enrich.topic;

import io.raqib.core.model.Topic;
import io.raqib.enrich.text.AnalyzedText;
import io.raqib.enrich.text.DataFiles;
import io.raqib.enrich.text.PhraseMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based IPTC topic tagging in the Europe Media Monitor style: each rule is a weighted word or phrase of
 * one topic ({@code topics/rules/*.tsv}: code, weight, phrase; Arabic and English files), matched on analyzed
 * words; the weights of the Arabic rules are learned from section-labelled news ({@link LearnedWeights}). An
 * article's score for a topic is the weight sum of its rule hits (the heaviest rule of a topic at a word position,
 * title hits count double, one phrase counts at most {@value #MAX_HITS_PER_RULE} times); a sub-topic's score also
 * counts for its parent. A topic is tagged when its score reaches its threshold and {@value #RELATIVE_FLOOR} of the
 * best topic's score (a long article collects a few stray hits for unrelated topics), highest score first.
 */
public final class TopicClassifier {

    static final int MAX_HITS_PER_RULE = 4;
    static final double TITLE_WEIGHT = 2.0;
    static final double RELATIVE_FLOOR = 0.1;

    private final TopicTaxonomy taxonomy;
    private final PhraseMatcher<Rule> rules = new PhraseMatcher<>();

    /** One rule as written in its file, with its weight (learned, else hand-set). */
    record Rule(String code, double weight, String phrase) {
    }

    /** The bundled rules with the bundled learned weights, plus the {@code *.tsv} rule files of {@code extraDir}. */
    public TopicClassifier(TopicTaxonomy taxonomy, Path extraDir) {
        this(taxonomy, extraDir, LearnedWeights.bundled());
    }

    /**
     * As {@link #TopicClassifier(TopicTaxonomy, Path)} with {@code learned} weights instead of the bundled ones.
     * Learned weights apply to the bundled rules only: an operator's rule keeps the weight its file gives.
     */
    TopicClassifier(TopicTaxonomy taxonomy, Path extraDir, LearnedWeights learned) {
        this.taxonomy = taxonomy;
        Set<String> bundledKeys = new HashSet<>();
        for (DataFiles.Row row : DataFiles.bundled("topics/rules")) {
            addRule(row, learned);
            bundledKeys.add(LearnedWeights.key(row.cell(0), row.cell(2)));
        }
        learned.requireRulesIn(bundledKeys);
        for (DataFiles.Row row : DataFiles.fromDirectory(extraDir)) {
            addRule(row, LearnedWeights.of(Map.of()));
        }
    }

    private void addRule(DataFiles.Row row, LearnedWeights learned) {
        if (taxonomy.get(row.cell(0)) == null) {
            throw row.error("unknown topic " + row.cell(0));
        }
        double weight;
        try {
            weight = Double.parseDouble(row.cell(1));
        } catch (NumberFormatException e) {
            throw row.error("weight is not a number: '" + row.cell(1) + "'");
        }
        List<String> terms = AnalyzedText.of(row.cell(2)).words().stream().map(AnalyzedText.Word::term).toList();
        if (terms.isEmpty()) {
            throw row.error("empty rule phrase");
        }
        rules.add(terms, new Rule(row.cell(0), learned.weight(row.cell(0), row.cell(2), weight), row.cell(2)));
    }

    /** The score of every topic with at least one hit (sub-topic scores included in their parents'). */
    public Map<String, Double> scores(AnalyzedText title, AnalyzedText body) {
        Map<String, Double> scores = new HashMap<>();
        ruleHits(title, body).forEach((rule, hits) -> scores.merge(rule.code(), rule.weight() * hits, Double::sum));
        Map<String, Double> withParents = new HashMap<>(scores);
        scores.forEach((code, score) -> {
            String parent = taxonomy.get(code).parent();
            if (parent != null) {
                withParents.merge(parent, score, Double::sum);
            }
        });
        return withParents;
    }

    /** The topics an article is tagged with, highest score first. */
    public List<Topic> classify(AnalyzedText title, AnalyzedText body, String language) {
        List<Topic> topics = new ArrayList<>();
        Map<String, Double> scores = scores(title, body);
        double floor = RELATIVE_FLOOR * scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        scores.forEach((code, score) -> {
            TopicTaxonomy.MediaTopic topic = taxonomy.get(code);
            if (score >= topic.threshold() && score >= floor) {
                String label = "ar".equals(language) ? topic.labelAr() : topic.labelEn();
                topics.add(new Topic(code, label, Math.round(score * 100) / 100.0));
            }
        });
        topics.sort(Comparator.comparing(Topic::score).reversed().thenComparing(Topic::id));
        return topics;
    }

    /** The top-level topic with the highest score, or null when no rule hit. */
    public String bestTopLevel(AnalyzedText title, AnalyzedText body) {
        String best = null;
        double bestScore = 0;
        for (Map.Entry<String, Double> e : scores(title, body).entrySet()) {
            if (taxonomy.get(e.getKey()).topLevel() && e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }

    /** The hits of each rule that counts (at most {@value #MAX_HITS_PER_RULE}, title hits double). */
    Map<Rule, Double> ruleHits(AnalyzedText title, AnalyzedText body) {
        Map<Rule, Integer> hits = new IdentityHashMap<>();
        Map<Rule, Double> counted = new LinkedHashMap<>();
        add(title, TITLE_WEIGHT, hits, counted);
        add(body, 1.0, hits, counted);
        return counted;
    }

    /**
     * Adds the rule hits of {@code text}. Light stemming and peeled clitics make several rules of one topic match
     * the same word ({@code عسكري}, {@code العسكري}, {@code عسكرية} all hit {@code العسكرية}); only the heaviest
     * rule of each topic counts at a word position, so a word weighs the same whichever inflections the rules list.
     */
    private void add(AnalyzedText text, double factor, Map<Rule, Integer> hits, Map<Rule, Double> counted) {
        Map<String, Rule> bestHere = new HashMap<>();
        int from = -1;
        for (PhraseMatcher.Match<Rule> match : rules.allMatches(text)) {
            if (match.from() != from) {
                count(bestHere, factor, hits, counted);
                from = match.from();
            }
            for (Rule rule : match.values()) {
                bestHere.merge(rule.code(), rule, (a, b) -> b.weight() > a.weight() ? b : a);
            }
        }
        count(bestHere, factor, hits, counted);
    }

    private static void count(Map<String, Rule> bestHere, double factor, Map<Rule, Integer> hits,
            Map<Rule, Double> counted) {
        for (Rule rule : bestHere.values()) {
            if (hits.merge(rule, 1, Integer::sum) <= MAX_HITS_PER_RULE) {
                counted.merge(rule, factor, Double::sum);
            }
        }
        bestHere.clear();
    }
}
