package io.raqib.app.bench;

import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.enrich.OfflineEnricher;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Articles for comparing the two matching modes, enriched by the enrich stage's offline code (language, Wikidata
 * entities, IPTC topics) as {@code raqib match} does: the bundled samples and texts drawn from a small vocabulary,
 * so that watches drawn from the same vocabulary match often and in every way (phrases by chance adjacency,
 * proximity, disguised words, stop words between phrase words).
 */
final class DifferentialArticles {

    /** Arabic words and phrases: gazetteer names, topic-rule words and common news words. */
    static final List<String> ARABIC = List.of("الرياض", "سوريا", "اليمن", "إيران", "مصر", "روسيا", "بوتين",
            "الحوثيين", "السعودية", "النفط", "أسعار", "القمح", "الخبز", "الانتخابات", "الرئاسة", "الإرهاب",
            "مكافحة", "زلزال", "فيضانات", "الدفاع المدني", "مجلس الأمن", "الأمم المتحدة", "خادم الحرمين",
            "الاقتصاد", "الحكومة", "الوزير", "اجتماع", "قرار", "2254", "المملكة", "الصحة", "المستشفى", "الطلاب",
            "التعليم", "الهلال", "النصر", "المباراة", "أسعار القمح", "الانتخابات الرئاسية");
    /** English words and phrases, stop words inside some. */
    static final List<String> ENGLISH = List.of("Putin", "Biden", "Security Council", "United Nations", "wheat",
            "flour", "bread", "prices", "price", "drought", "crop failure", "election", "elections", "presidential",
            "earthquake", "flood", "rescue", "oil", "Riyadh", "Syria", "Yemen", "Iran", "Moscow", "Reuters",
            "resolution", "2254", "government", "minister", "football", "match", "hospital", "health", "students",
            "school", "market", "farmers", "price of bread", "Security Council resolution");
    /** How the texts write some words: clitics, tatweel and dots, missing hamza, taa marbuta as haa. */
    private static final List<String> DISGUISED = List.of("لمكافحة", "الإرهـ.ـاب", "وبالانتخابات", "والنفط",
            "بسوريا", "ايران", "الامم المتحده", "وأسعار", "للقمح", "والحكومة");
    private static final List<String> ARABIC_FILLER = List.of("في", "من", "على", "إلى", "أن", "قال", "يوم",
            "عن", "مع", "هذا");
    private static final List<String> ENGLISH_FILLER = List.of("the", "of", "and", "said", "on", "in", "a",
            "to", "new", "after");
    /** Source ids of the generated articles, the ones {@code source:} watches name. */
    static final List<String> SOURCES = List.of("aawsat", "alriyadh", "bbc", "reuters");

    private DifferentialArticles() {
    }

    /** The bundled samples and {@code generated} vocabulary texts (two thirds Arabic), enriched in that order. */
    static List<EnrichedArticle> enriched(int generated, long seed) throws IOException {
        List<Article> raw = new ArrayList<>(samples());
        raw.addAll(generated(generated, seed));
        OfflineEnricher enricher = new OfflineEnricher(new ArticleEnricher(new LanguageDetector(),
                EnrichSettings.defaults()));
        return raw.stream().map(enricher::enrich).toList();
    }

    /** The articles of the project's {@code samples/} folder, read as {@code raqib match} reads them. */
    private static List<Article> samples() throws IOException {
        Path samples = Path.of("../samples");
        List<Article> out = new ArrayList<>();
        FileIngestor.inMemory(new ArticleValidator(RaqibConfig.defaults().maxArticleBytes()), out::add)
                .ingest(List.of(samples), Set.of());
        return out;
    }

    private static List<Article> generated(int count, long seed) {
        Random random = new Random(seed);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean arabic = i % 3 != 2;
            String title = text(random, arabic, 4 + random.nextInt(6));
            String body = text(random, arabic, 20 + random.nextInt(50));
            out.add(new Article("gen-" + i, "https://generated.example/" + i, SOURCES.get(random.nextInt(
                    SOURCES.size())), title, body, null, null, null, null));
        }
        return out;
    }

    /**
     * {@code words} words: vocabulary items, stop words, made-up words (so that not every watch matches every
     * article) and, in Arabic, disguised forms; now and then a word of the other script.
     */
    private static String text(Random random, boolean arabic, int words) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int roll = random.nextInt(20);
            if (roll < 4) {
                b.append(madeUp(random, arabic));
            } else {
                List<String> from = roll < 11 ? (arabic ? ARABIC : ENGLISH)
                        : roll < 17 ? (arabic ? ARABIC_FILLER : ENGLISH_FILLER)
                        : roll < 19 && arabic ? DISGUISED : (arabic ? ENGLISH : ARABIC);
                b.append(from.get(random.nextInt(from.size())));
            }
            b.append(w % 15 == 14 ? ". " : " ");
        }
        return b.toString().strip();
    }

    private static String madeUp(Random random, boolean arabic) {
        String letters = arabic ? "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" : "abcdefghiklmnoprstuvwy";
        StringBuilder b = new StringBuilder();
        for (int c = 3 + random.nextInt(5); c > 0; c--) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    /** A file or folder of the shared data ({@code shared/…} above the working directory), if present. */
    static Optional<Path> shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
