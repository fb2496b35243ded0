package io.raqib.enrich.boilerplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.raqib.core.corpus.ZippedArticleArrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What the bundled forms take out of real bodies: how many SaudiNewsNet and BBC bodies lose a line, a prefix or
 * a suffix, and that no body loses most of its text unless all of it is boilerplate. Skips without
 * ../shared/corpus.
 */
class BoilerplateCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    private static final LineForms FORMS = LineForms.load(null);
    /**
     * The share of a body's characters that forms may take when some of it is left. The largest on SaudiNewsNet is
     * 64 %: a one-line photo caption followed by its link line, which repeats the caption.
     */
    private static final double MAX_LOSS = 0.7;

    /** Per-corpus tallies. */
    private static final class Tally {
        int bodies;
        int withDroppedLine;
        int withPrefixCut;
        int withSuffixCut;
        long chars;
        long removed;
        double maxLoss;
        final Map<String, Integer> bodiesByKind = new TreeMap<>();
        final List<String> overLimit = new ArrayList<>();

        void add(String id, String body) {
            bodies++;
            boolean dropped = false;
            boolean prefix = false;
            boolean suffix = false;
            boolean storyLeft = false;
            int total = 0;
            int lost = 0;
            List<String> kinds = new ArrayList<>();
            for (String line : body.split("\n")) {
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                LineCut cut = FORMS.cut(text);
                String kept = cut.dropped() ? "" : cut.kept(text);
                total += text.length();
                lost += text.length() - kept.length();
                storyLeft |= !kept.isEmpty();
                if (cut.cut() && !kinds.contains(cut.kind())) {
                    kinds.add(cut.kind());
                }
                dropped |= cut.dropped() && cut.cut();
                prefix |= !cut.dropped() && cut.start() > 0;
                suffix |= !cut.dropped() && cut.end() < text.length();
            }
            withDroppedLine += dropped ? 1 : 0;
            withPrefixCut += prefix ? 1 : 0;
            withSuffixCut += suffix ? 1 : 0;
            kinds.forEach(k -> bodiesByKind.merge(k, 1, Integer::sum));
            chars += total;
            removed += lost;
            double loss = total == 0 ? 0 : (double) lost / total;
            if (storyLeft) {
                maxLoss = Math.max(maxLoss, loss);
                if (loss > MAX_LOSS) {
                    overLimit.add(id + " " + Math.round(loss * 100) + " %");
                }
            }
        }

        void print(String name) {
            System.out.printf("Boilerplate on %s: %d bodies; %d lose a whole line, %d a prefix, %d a suffix; "
                    + "%.2f %% of characters removed; largest loss of a body with story left %.0f %%; bodies by kind %s%n",
                    name, bodies, withDroppedLine, withPrefixCut, withSuffixCut, 100.0 * removed / chars,
                    100 * maxLoss, bodiesByKind);
        }
    }

    @Test
    void onSaudiNewsNetTheWidgetsGoAndTheStoriesStay() throws Exception {
        Path folder = CORPUS.resolve("saudinewsnet");
        assumeTrue(Files.isDirectory(folder), "SaudiNewsNet corpus not available in ../shared/corpus");
        Tally tally = new Tally();
        ZippedArticleArrays.read(folder, article -> {
            tally.add(article.path("url").asText(), article.path("content").asText());
            return true;
        });
        tally.print("SaudiNewsNet");

        assertThat(tally.overLimit).as("bodies losing more than half their text").isEmpty();
        assertThat(tally.bodiesByKind.getOrDefault("share", 0)).isGreaterThanOrEqualTo(157);
        assertThat(tally.bodiesByKind.getOrDefault("source-link", 0)).isGreaterThanOrEqualTo(2_000);
        assertThat(tally.bodiesByKind.getOrDefault("contact", 0)).isGreaterThanOrEqualTo(250);
        assertThat(tally.withPrefixCut).isGreaterThanOrEqualTo(157);
        assertThat((double) tally.removed / tally.chars).isLessThan(0.02);
    }

    @Test
    void onBbcNewsNothingIsTaken() throws Exception {
        Path folder = CORPUS.resolve("bbc-news");
        assumeTrue(Files.isDirectory(folder), "BBC corpus not available in ../shared/corpus");
        Tally tally = new Tally();
        CsvMapper mapper = new CsvMapper();
        for (String split : List.of("train", "val", "test")) {
            try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(folder.resolve(split + ".csv").toFile())) {
                int row = 0;
                while (rows.hasNext()) {
                    tally.add(split + ":" + ++row, rows.next().get("text"));
                }
            }
        }
        tally.print("BBC News");

        assertThat(tally.bodies).isEqualTo(2_225);
        assertThat(tally.removed).as("BBC bodies are story text only").isZero();
    }
}
