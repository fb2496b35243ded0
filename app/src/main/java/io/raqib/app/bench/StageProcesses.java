package io.raqib.app.bench;

import io.raqib.app.ApiTokens;
import io.raqib.app.EmbeddedBroker;
import io.raqib.app.PipelineProgress;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Ingest, enrich and sink as separate {@code java -jar raqib.jar ingest|enrich|sink} processes against the bench's
 * broker, as they are deployed: K enrich processes (one application id, a state dir each) and one sink start
 * first; ingest then publishes the articles from a file and exits, or takes them pushed over HTTP at a rate. Each
 * process's output goes to a log file in the work folder; its peak RSS is sampled while it lives ({@code VmHWM}
 * can only be read before it exits).
 */
final class StageProcesses implements E2eStages {

    private static final long SAMPLE_EVERY_MS = 200;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final RaqibConfig config;
    private final Path work;
    private final List<String> java;
    // Sorted by name for the report; concurrent as the sampler reads them while processes start.
    private final Map<String, Process> running = new ConcurrentSkipListMap<>();
    private final Map<String, Long> peakMb = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raqib-e2e-rss");
        t.setDaemon(true);
        return t;
    });

    /**
     * Starts the enrich and sink processes and returns once their consumer groups are stable with every member
     * assigned partitions.
     *
     * @param work folder for state dirs, logs and the ingest file
     */
    StageProcesses(RaqibConfig config, Path watchesFile, int enrichInstances, Path work, Duration timeout)
            throws Exception {
        this.config = config;
        this.work = work;
        java = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar().toString());
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
        try (PipelineProgress progress = new PipelineProgress(config)) {
            for (int i = 0; i < enrichInstances; i++) {
                // Each enrich process serves /health and /metrics on a port of its own.
                start("enrich-" + i, List.of("enrich"),
                        Map.of(RaqibConfig.HTTP_PORT, Integer.toString(EmbeddedBroker.freePort())));
            }
            // The sink serves its watch API; any free port will do, the bench does not call it.
            start("sink", List.of("sink", "--watches", watchesFile.toAbsolutePath().toString()),
                    Map.of(RaqibConfig.HTTP_PORT, Integer.toString(EmbeddedBroker.freePort())));
            progress.awaitMembers("enrich", enrichInstances, timeout);
            progress.awaitMembers("sink", 1, timeout);
        } catch (Exception e) {
            close();
            throw new IOException(e.getMessage() + " (process logs in " + work + ")", e);
        }
    }

    /** The jar this code runs from: the stages run from the same build. */
    private static Path jar() throws URISyntaxException {
        Path location = Path.of(StageProcesses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!location.toString().endsWith(".jar")) {
            throw new IllegalStateException("--processes needs the bench to run from raqib.jar, not " + location);
        }
        return location;
    }

    /** Starts {@code raqib <command>} on the bench's broker with these settings besides the state dir. */
    private Process start(String name, List<String> command, Map<String, String> settings) throws IOException {
        List<String> line = new ArrayList<>(java);
        line.addAll(command);
        line.addAll(List.of("--bootstrap-servers", config.bootstrapServers()));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().put(RaqibConfig.envName(RaqibConfig.STATE_DIR), work.resolve(name).toString());
        builder.environment().put(RaqibConfig.envName(RaqibConfig.APPLICATION_ID), config.applicationId());
        settings.forEach((property, value) -> builder.environment().put(RaqibConfig.envName(property), value));
        Process process = builder.start();
        running.put(name, process);
        return process;
    }

    /**
     * As fast as possible: {@code raqib ingest FILE} publishes the articles from a JSON-lines file and exits. At a
     * steady rate: the ingest service ({@code raqib ingest}) is started and the articles are pushed to its
     * {@code POST /api/articles} on schedule.
     */
    @Override
    public String ingest(List<Article> articles, double rate) throws Exception {
        return rate > 0 ? push(articles, rate) : publishFile(articles);
    }

    private String publishFile(List<Article> articles) throws Exception {
        Path file = work.resolve("articles.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Article article : articles) {
                out.write(RaqibJson.mapper().writeValueAsString(article));
                out.newLine();
            }
        }
        Process ingest = start("ingest", List.of("ingest", file.toString()), Map.of());
        int exit = ingest.waitFor();
        sample();
        List<String> log = Files.readAllLines(work.resolve("ingest.log"), StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IOException("the ingest process exited with " + exit + ": " + String.join("\n", log));
        }
        return log.isEmpty() ? "ingest done" : log.get(log.size() - 1);
    }

    private String push(List<Article> articles, double rate) throws Exception {
        int port = EmbeddedBroker.freePort();
        String token = ApiTokens.generate();
        Process ingest = start("ingest", List.of("ingest", "--http-host", "127.0.0.1", "--http-port",
                Integer.toString(port), "--feeds", work.resolve("no-feeds.yaml").toString()),
                Map.of(RaqibConfig.API_TOKENS, token));
        awaitLogLine(ingest, work.resolve("ingest.log"), "POST http://", START_TIMEOUT);
        return HttpPush.push(URI.create("http://127.0.0.1:" + port + "/api/articles"), token, articles, rate);
    }

    /** Waits until a line containing {@code text} appears in a process's log; throws when it exits or times out. */
    private static void awaitLogLine(Process process, Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.readAllLines(log, StandardCharsets.UTF_8).stream().noneMatch(l -> l.contains(text))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the process did not print '" + text + "' (see " + log + ")");
            }
            Thread.sleep(100);
        }
    }

    /** Notes the peak RSS of each live process (a process that has exited keeps its last figure). */
    private void sample() {
        running.forEach((name, process) -> {
            long mb = PeakRss.ofProcess(process.pid());
            if (mb > 0) {
                peakMb.merge(name, mb, Math::max);
            }
        });
    }

    @Override
    public String peakRss() {
        sample();
        return "peak RSS (MB): bench and broker " + PeakRss.ofThisProcess() + ", " + peakMb.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public long totalPeakRssMb() {
        sample();
        return PeakRss.ofThisProcess() + peakMb.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Asks every process to stop (SIGTERM: the stages close their Streams cleanly), killing what does not. */
    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        running.values().forEach(Process::destroy);
        for (Process process : running.values()) {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
