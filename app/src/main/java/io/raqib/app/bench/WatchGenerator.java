package io.raqib.app.bench;

import io.raqib.core.model.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Generates realistic watches from corpus articles, reproducibly from a seed: phrases of two or three words
 * taken as written, AND / OR combinations of words from one article, proximity phrases ({@code "a b"~3}) and
 * exclusions ({@code a AND NOT b}). Function words are never chosen.
 */
public final class WatchGenerator {

    private static final Pattern WORD = Pattern.compile("[\\p{IsArabic}\\p{IsAlphabetic}]{3,}");
    private static final CharArraySet STOP = ArabicAnalyzer.getDefaultStopSet();
    private final List<CorpusArticles.Item> corpus;
    private final Random random;

    public WatchGenerator(List<CorpusArticles.Item> corpus, long seed) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("no corpus articles to draw watches from");
        }
        this.corpus = corpus;
        this.random = new Random(seed);
    }

    /** {@code count} watches with ids {@code w000001…} and the query as name. */
    public List<Watch> generate(int count) {
        List<Watch> out = new ArrayList<>(count);
        Set<String> seen = new java.util.HashSet<>();
        while (out.size() < count) {
            String query = query();
            if (query != null && seen.add(query)) {
                String id = String.format("w%06d", out.size() + 1);
                out.add(new Watch(id, query, query, null, null, List.of(), null, null));
            }
        }
        return out;
    }

    private String query() {
        List<String> words = words(corpus.get(random.nextInt(corpus.size())));
        if (words.size() < 8) {
            return null;
        }
        int i = random.nextInt(words.size() - 3);
        int kind = random.nextInt(10);
        return switch (kind) {
            case 0, 1, 2 -> quote(words.get(i) + " " + words.get(i + 1));
            case 3, 4 -> quote(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
            case 5, 6 -> words.get(i) + " AND " + pick(words);
            case 7 -> "(" + words.get(i) + " OR " + pick(words) + ") AND " + pick(words);
            case 8 -> quote(words.get(i) + " " + words.get(i + 2)) + "~3";
            default -> words.get(i) + " AND " + pick(words) + " AND NOT "
                    + pick(words(corpus.get(random.nextInt(corpus.size()))));
        };
    }

    private String pick(List<String> words) {
        return words.isEmpty() ? "الرياض" : words.get(random.nextInt(words.size()));
    }

    private static String quote(String phrase) {
        return "\"" + phrase + "\"";
    }

    private static List<String> words(CorpusArticles.Item item) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(item.title() + " " + item.content());
        while (m.find()) {
            String w = m.group();
            if (!STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
