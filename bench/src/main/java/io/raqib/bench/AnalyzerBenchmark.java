package io.raqib.bench;

import io.raqib.core.text.RaqibAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Analysis throughput of {@link RaqibAnalyzer} next to Lucene's stock {@link ArabicAnalyzer} on the same
 * SaudiNewsNet articles, one article per operation. The {@code megabytes} secondary result is MB/s per thread
 * (UTF-8 bytes of input analyzed). Fails at setup, naming the path, when the corpus is absent.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class AnalyzerBenchmark {

    /** Folder of SaudiNewsNet zips, relative to the working directory. */
    @Param("../shared/corpus/saudinewsnet")
    public String corpus;

    /** How much of the corpus to cycle through, in MB of UTF-8. */
    @Param("8")
    public int corpusMegabytes;

    private List<String> texts;
    private double[] megabytes;

    /** Loads the articles once per trial. */
    @Setup(Level.Trial)
    public void load() throws IOException {
        texts = CorpusTexts.read(Path.of(corpus), corpusMegabytes * 1_000_000L);
        megabytes = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            megabytes[i] = texts.get(i).getBytes(StandardCharsets.UTF_8).length / 1e6;
        }
    }

    /** Per-thread analyzers and position in the corpus. */
    @State(Scope.Thread)
    public static class Worker {
        final Analyzer raqib = new RaqibAnalyzer();
        final Analyzer arabic = new ArabicAnalyzer();
        int next;
    }

    /** MB of input analyzed; JMH reports it per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput {
        /** MB/s of UTF-8 input. */
        public double megabytes;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    /** Raqib's analyzer on one article. */
    @Benchmark
    public void raqib(Worker worker, Throughput throughput, Blackhole blackhole) throws IOException {
        analyze(worker.raqib, worker, throughput, blackhole);
    }

    /** Lucene's stock ArabicAnalyzer on one article. */
    @Benchmark
    public void arabic(Worker worker, Throughput throughput, Blackhole blackhole) throws IOException {
        analyze(worker.arabic, worker, throughput, blackhole);
    }

    private void analyze(Analyzer analyzer, Worker worker, Throughput throughput, Blackhole blackhole)
            throws IOException {
        int i = worker.next;
        worker.next = i + 1 == texts.size() ? 0 : i + 1;
        try (TokenStream stream = analyzer.tokenStream("text", texts.get(i))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                blackhole.consume(term.length());
            }
            stream.end();
        }
        throughput.megabytes += megabytes[i];
    }
}
