package io.raqib.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.raqib.core.config.EnrichSettings;
import io.raqib.core.model.Article;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Mention;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Precision and recall of entity tagging (people and organizations) against hand-labelled mentions in real
 * SaudiNewsNet and BBC News articles: {@code entity-gold/mentions.tsv}, the set the evidence rules were written
 * against, and {@code entity-gold/heldout.tsv}, labelled afterwards on unseen articles (how each was built is in
 * its header and in docs/quality.md). A tagged mention is right when it overlaps a {@code yes} span of the same
 * QID; a tagged mention on a {@code no} span, or on no labelled span, is wrong. The floors sit just under the
 * figures measured on 2026-12-02. Skips when the corpora ({@code shared/corpus} above the working directory) are
 * absent.
 */
class EntityGoldTest {

    private static final Set<String> TYPES = Set.of("person", "organization");

    record Gold(String corpus, String article, String field, int start, int end, String qid, boolean yes,
                String surface) {

        boolean overlaps(String otherField, int otherStart, int otherEnd) {
            return field.equals(otherField) && start < otherEnd && otherStart < end;
        }
    }

    /**
     * One set's figures.
     *
     * @param articles articles labelled
     * @param yes      labelled mentions of an entity
     * @param tagged   mentions the tagger found (people and organizations)
     * @param right    tagged mentions on a {@code yes} span of the same QID
     */
    record Score(int articles, int yes, int tagged, int right) {

        double precision() {
            return (double) right / tagged;
        }

        double recall() {
            return (double) right / yes;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // the set the evidence rules and context cells were written against (main: precision 0.891, recall 0.905)
        "mentions.tsv, 100, 400, 0.96, 0.95",
        // labelled afterwards, on articles not looked at before (main: precision 0.966, recall 0.839)
        "heldout.tsv, 30, 100, 0.96, 0.94"})
    void taggerAgreesWithTheHandLabelledMentions(String file, int articles, int yes, double precision, double recall)
            throws Exception {
        Score score = measure(file);

        assertThat(score.articles()).isGreaterThanOrEqualTo(articles);
        assertThat(score.yes()).isGreaterThanOrEqualTo(yes);
        assertThat(score.precision()).isGreaterThanOrEqualTo(precision);
        assertThat(score.recall()).isGreaterThanOrEqualTo(recall);
    }

    private static Score measure(String file) throws IOException {
        Optional<Path> corpora = corpora();
        assumeTrue(corpora.isPresent(), "shared/corpus not found above the working directory");
        Map<String, List<Gold>> byArticle = new LinkedHashMap<>();
        for (Gold gold : gold(file)) {
            byArticle.computeIfAbsent(gold.corpus() + "/" + gold.article(), k -> new ArrayList<>()).add(gold);
        }
        ArticleEnricher enricher = new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults());
        Sources sources = new Sources(corpora.get());
        int right = 0;
        int tagged = 0;
        int yes = 0;
        Set<String> errors = new TreeSet<>();
        for (List<Gold> labels : byArticle.values()) {
            Gold first = labels.get(0);
            String[] titleAndBody = sources.article(first.corpus(), first.article());
            List<Entity> entities = enricher.enrich(new Article("gold", "https://example.org/gold", first.corpus(),
                    titleAndBody[0], titleAndBody[1], null, null, null, null)).entities();
            List<Gold> found = new ArrayList<>();
            for (Entity entity : entities) {
                if (!TYPES.contains(entity.type())) {
                    continue;
                }
                for (Mention m : entity.mentions()) {
                    tagged++;
                    Optional<Gold> match = labels.stream().filter(g -> g.yes() && g.qid().equals(entity.id())
                            && g.overlaps(m.field(), m.start(), m.end())).findFirst();
                    match.ifPresent(found::add);
                    right += match.isPresent() ? 1 : 0;
                    if (match.isEmpty()) {
                        errors.add("wrong   " + first.article() + " " + entity.id() + " '" + m.text() + "' @"
                                + m.start());
                    }
                }
            }
            for (Gold g : labels) {
                if (g.yes() && !found.contains(g)) {
                    errors.add("missed  " + g.article() + " " + g.qid() + " '" + g.surface() + "' @" + g.start());
                }
                yes += g.yes() ? 1 : 0;
            }
        }
        Score score = new Score(byArticle.size(), yes, tagged, right);
        System.out.printf("entity gold %s: %d articles, %d labelled mentions (%d yes); tagged %d, right %d: "
                        + "precision %.3f recall %.3f%n", file, score.articles(), byArticle.values().stream()
                        .mapToInt(List::size).sum(), yes, tagged, right, score.precision(), score.recall());
        errors.forEach(e -> System.out.println("  " + e));
        return score;
    }

    private static List<Gold> gold(String file) throws IOException {
        List<Gold> gold = new ArrayList<>();
        try (InputStream in = EntityGoldTest.class.getResourceAsStream("/entity-gold/" + file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("corpus\t")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                gold.add(new Gold(c[0], c[1], c[2], Integer.parseInt(c[3]), Integer.parseInt(c[4]), c[5],
                        c[6].equals("yes"), c[7]));
            }
        }
        return gold;
    }

    private static Optional<Path> corpora() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate.resolve("saudinewsnet"))
                    && Files.isDirectory(candidate.resolve("bbc-news"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Articles named {@code <zip>#<index>} (SaudiNewsNet) or {@code <split>.csv#<row>} (BBC), files read once. */
    private static final class Sources {
        private final Path corpora;
        private final Map<String, JsonNode> zips = new HashMap<>();
        private final Map<String, List<Map<String, String>>> csvs = new HashMap<>();

        Sources(Path corpora) {
            this.corpora = corpora;
        }

        String[] article(String corpus, String name) throws IOException {
            String file = name.substring(0, name.indexOf('#'));
            int index = Integer.parseInt(name.substring(name.indexOf('#') + 1));
            if (corpus.equals("saudinewsnet")) {
                JsonNode article = zipArray(file).get(index);
                return new String[] {article.path("title").asText(), article.path("content").asText()};
            }
            return new String[] {"", csvRows(file).get(index).get("text")};
        }

        private JsonNode zipArray(String file) throws IOException {
            JsonNode cached = zips.get(file);
            if (cached == null) {
                try (ZipFile zip = new ZipFile(corpora.resolve("saudinewsnet").resolve(file).toFile())) {
                    cached = new ObjectMapper().readTree(zip.getInputStream(zip.entries().nextElement()));
                }
                zips.put(file, cached);
            }
            return cached;
        }

        private List<Map<String, String>> csvRows(String file) throws IOException {
            List<Map<String, String>> cached = csvs.get(file);
            if (cached == null) {
                try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(corpora.resolve("bbc-news").resolve(file).toFile())) {
                    cached = rows.readAll();
                }
                csvs.put(file, cached);
            }
            return cached;
        }
    }
}
