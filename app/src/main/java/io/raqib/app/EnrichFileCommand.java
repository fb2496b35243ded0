package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.enrich.OfflineEnricher;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.FileIngestor;
import io.raqib.ingest.IngestSummary;
import io.raqib.ingest.InputException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code raqib enrich-file}: offline enrichment, one EnrichedArticle JSON per line on stdout, in input order. */
@Command(name = "enrich-file", mixinStandardHelpOptions = true,
        description = {"Enrich articles without a broker: the same cleaning, language detection, entity and topic "
                + "tagging, near-duplicate and story detection as the enrich stage (its state in memory).",
            "Prints one EnrichedArticle JSON per line, in input order. Operator gazetteer and topic rule files are "
                + "read from RAQIB_GAZETTEER_DIR and RAQIB_TOPIC_RULES_DIR; the duplicate window is "
                + "RAQIB_DEDUP_WINDOW (default PT72H). Exits 1 when an input was rejected (named on stderr with file "
                + "and line); valid articles are still enriched."})
public final class EnrichFileCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Files or folders of .txt (seed format), .json (article or array), .jsonl and feeds.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        RaqibConfig config = RaqibConfig.load(null, Map.of());
        OfflineEnricher enricher = new OfflineEnricher(new ArticleEnricher(new LanguageDetector(), config.enrich()));
        IngestSummary summary = FileIngestor.inMemory(new ArticleValidator(config.maxArticleBytes()), article -> {
            out.println(RaqibJson.write(enricher.enrich(article)));
            out.flush();
        }).ingest(inputs, Set.of());
        summary.skipNotices().forEach(n -> System.err.println("raqib enrich-file: " + n));
        for (InputException rejected : summary.rejected()) {
            System.err.println("raqib enrich-file: " + rejected.getMessage());
        }
        return summary.rejected().isEmpty() ? 0 : 1;
    }
}
