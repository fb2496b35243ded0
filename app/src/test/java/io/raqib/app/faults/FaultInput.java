package io.raqib.app.faults;

import io.raqib.app.bench.CorpusArticles;
import io.raqib.core.config.EnrichSettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.enrich.OfflineEnricher;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The input of a fault run. Articles come from SaudiNewsNet ({@code shared/corpus/saudinewsnet} above the working
 * directory) or, without it, are generated; either way none is a near-duplicate of another, because the sink alerts
 * once per near-duplicate group and which copy counts as the original depends on processing order: without
 * near-duplicates the alerts are a pure function of the articles and the watches, whatever the faults. Watches have
 * no throttle for the same reason.
 */
final class FaultInput {

    /** Watches the sink loads from its file: common subjects of the corpus, none throttled. */
    static final List<Watch> FILE_WATCHES = List.of(
            watch("riyadh", "الرياض"),
            watch("king", "\"خادم الحرمين\""),
            watch("yemen", "اليمن OR الحوثي"),
            watch("isis", "داعش AND الإرهاب"),
            watch("iran", "إيران"),
            watch("oil", "النفط"),
            watch("hajj", "الحج AND مكة"),
            watch("health", "الصحة"),
            watch("education", "التعليم AND الطلاب"),
            watch("football", "الهلال OR النصر"),
            watch("civil-defence", "\"الدفاع المدني\""),
            watch("syria", "سوريا"));
    /** A watch added through {@code raqib.watches} while the sink runs, after the poison watches. */
    static final Watch TOPIC_WATCH = watch("egypt-live", "مصر");

    private static final List<String> SUBJECT_WORDS = List.of("الرياض", "خادم الحرمين", "اليمن", "الحوثي", "داعش",
            "الإرهاب", "إيران", "النفط", "الحج", "مكة", "الصحة", "التعليم", "الطلاب", "الهلال", "النصر",
            "الدفاع المدني", "سوريا", "مصر");
    /** Ids of the articles that check a watch is live; they are not part of any comparison. */
    static final String PROBE_PREFIX = "probe-";
    private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    private FaultInput() {
    }

    private static Watch watch(String id, String query) {
        return new Watch("fault-" + id, "Fault suite: " + id, query, null, null, List.of(), null, null);
    }

    /** The SaudiNewsNet folder found above the working directory, if any ({@code -Draqib.faults.generated} = none). */
    static Optional<Path> corpus() {
        if (Boolean.getBoolean("raqib.faults.generated")) {
            return Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus").resolve("saudinewsnet");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code count} articles with ids {@code <prefix>-<n>}, none a near-duplicate of another nor of its story in
     * either order (the offline enricher's verdicts, forwards and backwards, decide), from the corpus or generated:
     * which article of a story alerts depends on the order they reach enrich, which partitions do not keep.
     */
    static List<Article> distinct(int count, String prefix) throws IOException {
        Optional<Path> corpus = corpus();
        List<Article> candidates = corpus.isPresent() ? fromCorpus(corpus.get(), count + count / 2 + 50, prefix)
                : generated(count + count / 10 + 10, prefix, 1);
        List<Article> kept = new ArrayList<>(storyStarters(candidates));
        Collections.reverse(kept);
        List<Article> result = new ArrayList<>(storyStarters(kept));
        Collections.reverse(result);
        if (result.size() < count) {
            throw new IllegalStateException("only " + result.size() + " distinct articles, wanted " + count);
        }
        return List.copyOf(result.subList(0, count));
    }

    /** The articles that the offline enricher, taking them in this order, finds to start a story of their own. */
    private static List<Article> storyStarters(List<Article> articles) {
        OfflineEnricher enricher = new OfflineEnricher(new ArticleEnricher(Detector.INSTANCE,
                EnrichSettings.defaults()));
        return articles.stream().filter(a -> {
            EnrichedArticle e = enricher.enrich(a);
            return e.duplicateOf() == null && e.id().equals(e.storyId());
        }).toList();
    }

    /** {@code count} articles for load (near-duplicates allowed): the corpus over and over, else generated. */
    static List<Article> load(int count, String prefix) throws IOException {
        Optional<Path> corpus = corpus();
        if (corpus.isEmpty()) {
            return generated(count, prefix, 2);
        }
        List<Article> base = fromCorpus(corpus.get(), Math.min(count, 30_000), prefix);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(base.get(i % base.size()).withId(prefix + "-" + i));
        }
        return out;
    }

    /** A copy of {@code a} whose body carries bidi and control characters between its words: strange, not poison. */
    static Article strange(Article a) {
        String body = a.body().replaceFirst(" ", " \u202B").replaceFirst(" ", " \u202E")
                .replaceFirst(" ", " \u200F ").replaceFirst(" ", " \u0007 ").replaceFirst(" ", " \u001B ");
        return new Article(a.id() + "-strange", a.url() == null ? null : a.url() + "#strange", a.source(),
                "\u200F" + a.title(), body, null, null, null, null);
    }

    /**
     * Probe article {@code n} of the series {@code series}: random words and {@code subject}, so that it is a
     * near-duplicate of nothing and matches the watches of that subject only. Probes stay out of every comparison.
     */
    static Article probe(String series, int n, String subject) {
        Random random = new Random(Objects.hash(series, n));
        return new Article(PROBE_PREFIX + series + "-" + n, null, "probe", subject + " " + words(random, 6, false),
                words(random, 40, false) + " " + subject, null, null, null, null);
    }

    private static List<Article> fromCorpus(Path corpus, int limit, String prefix) throws IOException {
        List<Article> out = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (CorpusArticles.Item item : CorpusArticles.read(corpus, limit * 2)) {
            if (out.size() == limit) {
                break;
            }
            if (item.title().isBlank() || item.content().isBlank() || !urls.add(item.url())) {
                continue;
            }
            out.add(new Article(prefix + "-" + out.size(), item.url().startsWith("http") ? item.url() : null,
                    item.source(), item.title(), item.content(), null, null, null, null));
        }
        return out;
    }

    /** Articles of random Arabic-letter words with a few subject words mixed in, reproducible from the seed. */
    private static List<Article> generated(int count, String prefix, long seed) {
        Random random = new Random(seed);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Article(prefix + "-" + i, "https://generated.example/" + prefix + "/" + i, "generated",
                    words(random, 8, true), words(random, 60 + random.nextInt(120), true), null, null, null, null));
        }
        return out;
    }

    /** {@code n} random words of Arabic letters, with a subject word now and then when {@code subjects}. */
    private static String words(Random random, int n, boolean subjects) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < n; w++) {
            if (subjects && random.nextInt(25) == 0) {
                b.append(SUBJECT_WORDS.get(random.nextInt(SUBJECT_WORDS.size())));
            } else {
                for (int c = 3 + random.nextInt(5); c > 0; c--) {
                    b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
                }
            }
            b.append(w % 12 == 11 ? ". " : " ");
        }
        return b.toString().strip();
    }

    /** The language model, loaded once (seconds) for every offline pass. */
    private static final class Detector {
        static final LanguageDetector INSTANCE = new LanguageDetector();
    }

    /** Writes one JSON document per line ({@code .jsonl}). */
    static void writeLines(Path file, List<?> records) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object r : records) {
                w.write(RaqibJson.write(r));
                w.write('\n');
            }
        }
    }

    /** Writes a JSON array (a watches file). */
    static void writeArray(Path file, List<?> records) throws IOException {
        Files.writeString(file, RaqibJson.write(records), StandardCharsets.UTF_8);
    }
}
