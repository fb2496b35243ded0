package io.raqib.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.raqib.app.JarRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code raqib bench e2e} from the built jar on 40 generated articles (no ../shared needed): in process with
 * two enrich instances at a steady rate, and with the stages as processes (ingest publishing a file, and the ingest
 * service taking the articles pushed over HTTP at a rate). The figures must be there and agree with
 * each other; speed is never asserted.
 */
class E2eBenchIT {

    private static final int ARTICLES = 40;
    private static final Pattern LAST_LINE = Pattern.compile(
            "raqib-e2e articles/s=(\\d+\\.\\d) p50_ms=(\\d+\\.\\d) p99_ms=(\\d+\\.\\d) alerts=(\\d+) rss_mb=(\\d+)");
    private static final Pattern MAX = Pattern.compile("max (\\d+\\.\\d) ms");
    private static final Pattern ABORTED_TRANSACTION_NOISE = Pattern.compile(
            "(?m)^\\S+ ERROR k\\.server\\.ReplicaManager - .*\\R"
                    + ".*OutOfOrderSequenceException: .*transactions v2 idempotent producer with no existing state\\.\\R?");

    @Test
    void inProcessWithTwoEnrichInstancesAtASteadyRate(@TempDir Path tmp) throws Exception {
        List<String> lines = run(tmp, "--rate", "20", "--enrich-instances", "2");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(ARTICLES + " articles from").contains("2 enrich"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("published " + ARTICLES + ", exact duplicates 0"));
        assertFigures(lines);
    }

    @Test
    void stagesAsProcesses(@TempDir Path tmp) throws Exception {
        List<String> lines = run(tmp, "--processes");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("raqib ingest: read " + ARTICLES + ", published "
                + ARTICLES));
        assertThat(lines.get(lines.size() - 2)).contains("enrich-0 ").contains("ingest ").contains("sink ");
        assertFigures(lines);
    }

    @Test
    void stagesAsProcessesWithArticlesPushedAtASteadyRate(@TempDir Path tmp) throws Exception {
        List<String> lines = run(tmp, "--processes", "--rate", "40");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("pushed " + ARTICLES + " articles to http://")
                .contains("all answered 202"));
        assertFigures(lines);
    }

    /** Runs the bench from the jar on the generated articles and watches; its stdout lines once it exited 0. */
    private static List<String> run(Path tmp, String... options) throws Exception {
        Path corpus = Files.createDirectory(tmp.resolve("articles"));
        writeArticles(corpus.resolve("articles.jsonl"));
        Path watches = tmp.resolve("watches.json");
        new ObjectMapper().writeValue(watches.toFile(), List.of(
                Map.of("id", "wheat", "name", "Wheat harvest", "query", "wheat AND harvest"),
                Map.of("id", "bank", "name", "Central bank", "query", "\"central bank\"")));
        List<String> arguments = new ArrayList<>(List.of("bench", "e2e", "--corpus", corpus.toString(),
                "--watches", watches.toString(), "--docs", "100"));
        arguments.addAll(List.of(options));
        JarRun bench = JarRun.exitingZero(tmp, tmp, Duration.ofMinutes(4), List.of("-XX:TieredStopAtLevel=1"),
                arguments);
        assertThat(withoutAbortedTransactionNoise(bench.stderr())).as("quiet logs").isBlank();
        return bench.stdout();
    }

    /**
     * Stderr without the embedded broker's ERROR lines for appends of a producer whose transaction was aborted
     * (seen once in CI with four JVMs on two loaded cores; most likely Streams' 10 s transaction timeout exceeded
     * under CPU starvation — not proven): Kafka 4's broker logs each rejected append at ERROR. Exactly-once still
     * holds — the alert count is checked exactly below — and the cause is left open in the issue notes; any other
     * stderr output still fails the test.
     */
    private static String withoutAbortedTransactionNoise(String stderr) {
        return ABORTED_TRANSACTION_NOISE.matcher(stderr).replaceAll("");
    }

    /** The last line's format and figures that agree with each other and with the generated articles. */
    private static void assertFigures(List<String> lines) {
        Matcher last = LAST_LINE.matcher(lines.get(lines.size() - 1));
        assertThat(last.matches()).as("last line %s", lines.get(lines.size() - 1)).isTrue();
        double articlesPerSecond = Double.parseDouble(last.group(1));
        double p50 = Double.parseDouble(last.group(2));
        double p99 = Double.parseDouble(last.group(3));
        int alerts = Integer.parseInt(last.group(4));
        long rss = Long.parseLong(last.group(5));
        Matcher max = MAX.matcher(lines.get(lines.size() - 2));
        assertThat(max.find()).as("max latency in %s", lines.get(lines.size() - 2)).isTrue();

        // 14 articles name the wheat harvest, 10 the central bank (see writeArticles), each its own story.
        assertThat(alerts).isEqualTo(24);
        assertThat(articlesPerSecond).isPositive();
        assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(Double.parseDouble(max.group(1)));
        assertThat(rss).isPositive();
    }

    /**
     * Articles of random words from a small vocabulary, so that no two are near-duplicates (one story each);
     * every third names the wheat harvest, every fourth the central bank.
     */
    private static void writeArticles(Path file) throws Exception {
        String[] words = ("river market school council doctor bridge village festival museum engineer farmer "
                + "teacher train airport hospital library garden stadium factory ocean mountain desert forest island "
                + "storm election minister ministry budget export import tourism concert film novel poet painter "
                + "league coach player season record court judge lawyer police street city region border port ship "
                + "road rail energy solar wind oil gas water drought rain flood crop cattle fishing mining copper gold "
                + "silver steel cement housing rent salary union strike protest parliament treaty summit embassy")
                .split(" ");
        Random random = new Random(12);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 120; w++) {
                body.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            if (i % 3 == 0) {
                body.append("Officials expect the wheat harvest to recover. ");
            }
            if (i % 4 == 0) {
                body.append("The central bank kept its rate unchanged. ");
            }
            lines.add(json.writeValueAsString(Map.of("url", "https://example.org/e2e/" + i, "source", "example",
                    "title", "Report " + i + ": " + words[i % words.length] + " and " + words[(i * 7) % words.length],
                    "body", body.toString().trim())));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
