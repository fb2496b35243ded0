package io.raqib.app;

import io.raqib.app.bench.BenchMatchCommand;
import io.raqib.app.bench.E2eBenchCommand;
import io.raqib.app.bench.EnrichBenchCommand;
import io.raqib.app.bench.GenWatchesCommand;
import picocli.CommandLine.Command;

/** {@code raqib bench}: benchmarks that print figures (see docs/performance.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: matching throughput against stock Lucene Monitor and its inputs, enrich "
                + "throughput, the whole pipeline end to end.",
        subcommands = {BenchMatchCommand.class, GenWatchesCommand.class, EnrichBenchCommand.class,
            E2eBenchCommand.class})
public final class BenchCommand {
}
