package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.ingest.IngestSummary;
import io.raqib.ingest.InputException;
import io.raqib.sink.watches.WatchFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code raqib match}: offline enrichment and matching, one alert CloudEvent JSON per line on stdout. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match articles against watches without a broker: the same parsing, enrichment and "
                + "matching code as the pipeline.",
            "Prints one alert (CloudEvent JSON) per line; inputs are processed in the order given. Exits 1 "
                + "when an input was rejected (named on stderr with file and line); valid articles still match."})
public final class MatchCommand implements Callable<Integer> {

    @Option(names = "--watches", required = true, paramLabel = "FILE", description = "JSON array of watches.")
    Path watchesFile;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Files or folders of .txt (seed format), .json (article, array, ninjs or JSON Feed), "
                    + ".jsonl, RSS/Atom/RDF feeds (.xml .rss .atom .rdf), .csv and .zip of those.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        RaqibConfig config = RaqibConfig.load(null, Map.of());
        IngestSummary summary;
        try (OfflinePipeline pipeline = new OfflinePipeline(
                WatchFiles.read(watchesFile, config.sink().watchLimits()), config)) {
            summary = pipeline.match(inputs, Set.of(watchesFile), alert -> {
                out.println(RaqibJson.write(alert));
                out.flush();
            });
        }
        summary.skipNotices().forEach(n -> System.err.println("raqib match: " + n));
        for (InputException rejected : summary.rejected()) {
            System.err.println("raqib match: " + rejected.getMessage());
        }
        return summary.rejected().isEmpty() ? 0 : 1;
    }
}
