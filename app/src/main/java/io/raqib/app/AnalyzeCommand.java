package io.raqib.app;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.text.AnalysisTrace;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code raqib analyze}: each normalization step and the final tokens — "why did / didn't my watch match?". */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Show how Raqib analyzes a text (articles and watch queries alike): the text after each "
                + "normalization step, then every indexed term with its position and its offsets into the original.",
            "The chain is script-aware: Arabic rules apply to Arabic words and English rules to Latin words, so no "
                + "language needs to be given."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (several arguments are joined by spaces).")
    List<String> words;

    @Option(names = "--json", description = "Print the trace as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AnalysisTrace trace = AnalysisTrace.of(String.join(" ", words));
        if (json) {
            out.println(RaqibJson.mapper().writeValueAsString(trace));
            return 0;
        }
        out.printf("%-14s %s%n", "original:", trace.original());
        trace.stages().forEach(s -> out.printf("%-14s %s%n", s.name() + ":", s.text()));
        out.println("tokens (position  term  [start,end)  original):");
        trace.tokens().forEach(t -> out.printf("  %3d  %s  [%d,%d)  %s%n", t.position(), t.term(), t.start(), t.end(),
                t.source()));
        return 0;
    }
}
