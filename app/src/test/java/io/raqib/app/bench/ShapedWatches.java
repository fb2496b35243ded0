package io.raqib.app.bench;

import io.raqib.core.model.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Watches of every shape the README documents, drawn reproducibly from {@link DifferentialArticles}' vocabulary:
 * terms, phrases (some repeating a word), proximity, prefixes, nested AND / OR / NOT (also sub-clauses of
 * exclusions only), OR groups, the fields {@code title text entity topic lang source}, and weighted terms. A
 * watch's id starts with its shape, {@code <shape>-<n>}, so a test can check that every shape matched something.
 */
final class ShapedWatches {

    /** The shapes, in the order {@link #generate} cycles through them. */
    static final List<String> SHAPES = List.of("term", "phrase", "repeat", "sloppy", "prefix", "bool", "title",
            "text", "entity", "topic", "lang", "source", "weighted", "mixed");
    /** Entities the gazetteer tags in the vocabulary (Putin, Syria, Iran, Yemen, UNSC, UN, Riyadh, Reuters…). */
    private static final List<String> ENTITIES = List.of("Q7747", "Q6279", "Q858", "Q794", "Q805", "Q79", "Q159",
            "Q851", "Q37470", "Q1065", "Q3692", "Q130879", "Q3042087", "Q649");
    private static final List<String> TOPICS = List.of("03000000", "04000000", "05000000", "07000000", "11000000",
            "15000000", "16000000");
    private static final List<String> LANGUAGES = List.of("ar", "en", "und");
    private final Random random;

    ShapedWatches(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} watches, the shapes in turn; a quarter restricted to languages. */
    List<Watch> generate(int count) {
        List<Watch> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String shape = SHAPES.get(i % SHAPES.size());
            String id = shape + "-" + i;
            List<String> languages = languages();
            out.add("weighted".equals(shape) ? weighted(id, languages)
                    : new Watch(id, id, query(shape), null, null, languages, null, null));
        }
        return out;
    }

    private String query(String shape) {
        return switch (shape) {
            case "term" -> word();
            case "phrase" -> phrase();
            case "repeat" -> repeated();
            case "sloppy" -> quote(word() + " " + word() + (random.nextBoolean() ? "" : " " + word())) + "~"
                    + random.nextInt(6);
            case "prefix" -> prefix();
            case "bool" -> bool(3);
            case "title" -> "title:" + (random.nextBoolean() ? word() : phrase());
            case "text" -> "text:" + phrase() + " AND NOT text:" + word();
            case "entity" -> "entity:" + pick(ENTITIES) + (random.nextBoolean() ? "" : " AND " + leaf());
            case "topic" -> (random.nextBoolean() ? "topic:" + pick(TOPICS) : "topic:\"medtop:" + pick(TOPICS) + "\"")
                    + (random.nextBoolean() ? "" : " OR " + leaf());
            case "lang" -> "lang:" + pick(LANGUAGES) + " AND (" + leaf() + " OR " + leaf() + ")";
            case "source" -> "source:" + pick(DifferentialArticles.SOURCES) + " AND " + bool(1);
            default -> "(" + field() + " OR " + field() + ") AND NOT " + field();
        };
    }

    /** One query leaf of any kind, fields included. */
    private String leaf() {
        return switch (random.nextInt(7)) {
            case 0, 1 -> word();
            case 2 -> phrase();
            case 3 -> quote(word() + " " + word()) + "~" + (1 + random.nextInt(4));
            case 4 -> prefix();
            case 5 -> repeated();
            default -> field();
        };
    }

    /** A boolean of depth up to {@code depth}: AND, OR groups, NOT, required/optional/excluded, exclusions only. */
    private String bool(int depth) {
        if (depth == 0) {
            return leaf();
        }
        int d = depth - 1;
        return switch (random.nextInt(8)) {
            case 0 -> "(" + bool(d) + " AND " + bool(d) + ")";
            case 1 -> "(" + bool(d) + " OR " + bool(d) + " OR " + bool(d) + ")";
            case 2 -> "(" + bool(d) + " NOT " + bool(d) + ")";
            case 3 -> "(+" + bool(d) + " " + bool(d) + " -" + bool(d) + ")";
            case 4 -> "(-" + bool(d) + " -" + bool(d) + ")";
            case 5 -> "(" + bool(d) + " OR " + bool(d) + ") AND (" + bool(d) + " OR " + bool(d) + ")";
            case 6 -> "(" + bool(d) + " AND NOT " + bool(d) + ")";
            default -> leaf();
        };
    }

    private String field() {
        return switch (random.nextInt(6)) {
            case 0 -> "title:" + word();
            case 1 -> "text:" + phrase();
            case 2 -> "entity:" + pick(ENTITIES);
            case 3 -> "topic:" + pick(TOPICS);
            case 4 -> "lang:" + pick(LANGUAGES);
            default -> "source:" + pick(DifferentialArticles.SOURCES);
        };
    }

    /** A vocabulary phrase, or two or three words side by side (stop words included), quoted. */
    private String phrase() {
        List<String> phrases = vocabulary().stream().filter(w -> w.contains(" ")).toList();
        return random.nextBoolean() ? quote(pick(phrases))
                : quote(IntStream.range(0, 2 + random.nextInt(2)).mapToObj(i -> random.nextInt(4) == 0
                ? pick(List.of("of", "the", "في", "من")) : word()).collect(Collectors.joining(" ")));
    }

    /** A phrase repeating one word ({@code "a a"}, {@code "a b a"}), exact or with a slop. */
    private String repeated() {
        String a = word();
        String inner = random.nextBoolean() ? a + " " + a : a + " " + word() + " " + a;
        return quote(inner) + (random.nextBoolean() ? "" : "~" + random.nextInt(4));
    }

    /** The first three or more characters of a word and {@code *}. */
    private String prefix() {
        String w = pick(vocabulary().stream().filter(v -> !v.contains(" ") && v.length() > 3).toList());
        return w.substring(0, 3 + random.nextInt(w.length() - 3)) + "*";
    }

    private Watch weighted(String id, List<String> languages) {
        List<Watch.Term> terms = IntStream.range(0, 2 + random.nextInt(4))
                .mapToObj(i -> new Watch.Term(pick(vocabulary()), pick(List.of(1.0, 1.5, 2.0, 3.0)))).toList();
        List<String> required = random.nextInt(3) == 0 ? List.of(word()) : List.of();
        List<String> excluded = random.nextInt(3) == 0 ? List.of(pick(vocabulary())) : List.of();
        String query = random.nextInt(4) == 0 ? leaf() : null;
        return new Watch(id, id, query, null, null, languages, null, null, terms, 1.0 + random.nextInt(5), required,
                excluded);
    }

    private List<String> languages() {
        return switch (random.nextInt(8)) {
            case 0 -> List.of("ar");
            case 1 -> List.of("en");
            case 2 -> List.of("ar", "en");
            default -> List.of();
        };
    }

    /** A single word of either vocabulary. */
    private String word() {
        return pick(vocabulary().stream().filter(w -> !w.contains(" ")).toList());
    }

    private List<String> vocabulary() {
        return random.nextInt(3) == 0 ? DifferentialArticles.ENGLISH : DifferentialArticles.ARABIC;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
