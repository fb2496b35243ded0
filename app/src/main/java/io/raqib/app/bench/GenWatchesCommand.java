package io.raqib.app.bench;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Watch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code raqib bench genwatches}: realistic watches drawn from the corpus, as a JSON array of {id, name, query}. */
@Command(name = "genwatches", mixinStandardHelpOptions = true,
        description = "Write N watches drawn from corpus articles (phrases, AND/OR, proximity, NOT) to a JSON file.")
public final class GenWatchesCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "SaudiNewsNet folder of .zip files.")
    Path corpus;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Number of watches.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: 1).")
    long seed;

    @Option(names = "--sample-docs", defaultValue = "5000", paramLabel = "N",
            description = "Articles to draw words from (default: ${DEFAULT-VALUE}).")
    int sampleDocs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output JSON file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (count <= 0) {
            throw new IllegalArgumentException("--count must be positive");
        }
        List<Watch> watches = new WatchGenerator(CorpusArticles.read(corpus, sampleDocs), seed).generate(count);
        List<Map<String, String>> plain = watches.stream().map(w -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", w.id());
            m.put("name", w.name());
            m.put("query", w.query());
            return m;
        }).toList();
        RaqibJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), plain);
        System.out.printf("raqib bench genwatches: %d watches written to %s%n", watches.size(), out);
        return 0;
    }
}
