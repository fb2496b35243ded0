package io.raqib.app.bench;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.matching.MatchingMode;
import io.raqib.sink.watches.WatchFiles;
import io.raqib.sink.watches.WatchRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code raqib bench match}: documents per second matching corpus articles against N watches, Raqib's sink matcher
 * versus stock Lucene Monitor on the same watches and documents. The last line is machine-readable.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match corpus articles against watches with Raqib's matcher and with stock Lucene Monitor "
                + "(stock ArabicAnalyzer, TermFilteredPresearcher, one thread); print docs/s of both and the ratio.",
            "With --verify, also match the measured documents with Lucene Monitor alone (the reference) and print "
                + "differences=<n>; exit 1 when n > 0.",
            "Last line: raqib-match docs/s=<float> watches=<n> docs=<n> threads=<t> matches=<n>"})
public final class BenchMatchCommand implements Callable<Integer> {

    /** Differences --verify lists on stderr; the count says how many there are in all. */
    private static final int MAX_LISTED = 5;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "SaudiNewsNet folder of .zip files.")
    Path corpus;

    @Option(names = "--watches", required = true, paramLabel = "FILE",
            description = "JSON array of {id, name, query} (see bench genwatches).")
    Path watchesFile;

    @Option(names = "--docs", defaultValue = "2000", paramLabel = "N", description = "Documents measured "
            + "(default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--warmup-docs", defaultValue = "300", paramLabel = "W",
            description = "Documents matched first, not measured (default: ${DEFAULT-VALUE}).")
    int warmupDocs;

    @Option(names = "--warmup-seconds", defaultValue = "3", paramLabel = "S",
            description = "Match the warm-up documents again until at least this long has passed, so a fast matcher "
                    + "is measured after as much JIT warm-up time as a slow one (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--threads", paramLabel = "T", description = "Raqib matching threads (default: the cores).")
    Integer threads;

    @Option(names = "--presearcher", defaultValue = "multipass", paramLabel = "KIND",
            description = "Raqib's presearcher: term or multipass (default: ${DEFAULT-VALUE}).")
    String presearcher;

    @Option(names = "--highlights", description = "Build the highlights of every match too (the sink builds them "
            + "only for matches the alert gate lets through; stock Monitor builds none).")
    boolean highlights;

    @Option(names = "--skip-stock", description = "Measure Raqib only.")
    boolean skipStock;

    @Option(names = "--verify", description = "After the timing, match the measured documents with a Monitor-only "
            + "registry too; print differences=<n> ((watch, document) pairs only one of them found) and up to "
            + MAX_LISTED + " of them on stderr; exit 1 when n > 0.")
    boolean verify;

    @Override
    public Integer call() throws Exception {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<Watch> watches = WatchFiles.read(watchesFile, WatchLimits.defaults());
        List<CorpusArticles.Item> items = CorpusArticles.read(corpus, warmupDocs + docs);
        if (items.size() < warmupDocs + docs) {
            throw new IllegalArgumentException("corpus has only " + items.size() + " articles");
        }
        List<CorpusArticles.Item> warm = items.subList(0, warmupDocs);
        List<CorpusArticles.Item> measured = items.subList(warmupDocs, warmupDocs + docs);
        System.out.printf("raqib bench match: %d watches, %d documents (+%d warm-up), %s presearcher%s%n",
                watches.size(), docs, warmupDocs, presearcher, highlights ? ", highlights of every match" : "");
        double stockRate = skipStock ? Double.NaN : stock(watches, warm, measured);
        List<EnrichedArticle> warmArticles = CorpusArticles.articles(warm, 0);
        List<EnrichedArticle> measuredArticles = CorpusArticles.articles(measured, warmupDocs);
        long heapBefore = usedHeap();
        long registering = System.nanoTime();
        try (RaqibMatchRun raqib = new RaqibMatchRun(watches, presearcher(), t, highlights)) {
            double registerSeconds = (System.nanoTime() - registering) / 1e9;
            System.out.printf(Locale.ROOT, "register: %d watches in %.2f s (%d compiled), heap %.2f KB per watch%n",
                    watches.size(), registerSeconds, raqib.registry().compiledCount(),
                    (usedHeap() - heapBefore) / 1024.0 / Math.max(1, watches.size()));
            warmUp(raqib, warmArticles);
            long start = System.nanoTime();
            long matches = raqib.run(measuredArticles);
            double rate = docs / ((System.nanoTime() - start) / 1e9);
            System.out.println(LengthReport.of(measuredArticles, raqib.nanos()));
            if (!skipStock) {
                System.out.printf(Locale.ROOT, "ratio raqib/stock=%.2f%n", rate / stockRate);
            }
            int exit = verify ? verify(raqib.registry(), watches, measuredArticles) : 0;
            System.out.printf(Locale.ROOT, "raqib-match docs/s=%.1f watches=%d docs=%d threads=%d matches=%d%n",
                    rate, watches.size(), docs, t, matches);
            return exit;
        }
    }

    /** Heap in use after a full collection: what the objects alive at this point take. */
    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The warm-up documents, matched as many times as it takes to last {@link #warmupSeconds}. */
    private void warmUp(RaqibMatchRun raqib, List<EnrichedArticle> warm) throws Exception {
        long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int passes = 0;
        do {
            raqib.run(warm);
            passes++;
        } while (System.nanoTime() < until && !warm.isEmpty());
        System.out.printf("warm-up: %d pass(es) over %d documents%n", passes, warm.size());
    }

    /**
     * The measured registry against Lucene Monitor alone on the measured documents; run after the timing, so the
     * check costs the figures nothing. Returns the exit code: 1 when they differ.
     */
    private static int verify(WatchRegistry measured, List<Watch> watches, List<EnrichedArticle> docs)
            throws IOException {
        try (WatchRegistry reference = new WatchRegistry(WatchLimits.defaults(), MatchingMode.MONITOR)) {
            reference.putAll(watches);
            MatchComparison comparison = MatchComparison.of(reference, "monitor", measured, "raqib", docs);
            System.out.printf("verify: monitor-only %d matches (%d watches matched), raqib %d matches%n",
                    comparison.referencePairs(), comparison.referenceMatches().size(), comparison.candidatePairs());
            System.out.printf("differences=%d%n", comparison.differences().size());
            comparison.firstDifferences(MAX_LISTED).forEach(System.err::println);
            return comparison.differences().isEmpty() ? 0 : 1;
        }
    }

    private static double stock(List<Watch> watches, List<CorpusArticles.Item> warm,
                                List<CorpusArticles.Item> measured) throws Exception {
        try (StockMonitorRun stock = new StockMonitorRun(watches)) {
            stock.run(warm);
            long start = System.nanoTime();
            long matches = stock.run(measured);
            double rate = measured.size() / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "stock-monitor docs/s=%.1f matches=%d%n", rate, matches);
            return rate;
        }
    }

    private Supplier<Presearcher> presearcher() {
        return switch (presearcher) {
            case "term" -> TermFilteredPresearcher::new;
            case "multipass" -> () -> new MultipassTermFilteredPresearcher(WatchRegistry.PRESEARCH_PASSES);
            default -> throw new IllegalArgumentException("--presearcher must be term or multipass, got "
                    + presearcher);
        };
    }
}
