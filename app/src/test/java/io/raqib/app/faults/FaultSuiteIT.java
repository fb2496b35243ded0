package io.raqib.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.app.faults.FaultRun.Victim;
import io.raqib.app.faults.PipelineCluster.Stage;
import io.raqib.app.faults.TopicObserver.AlertKey;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of "no single input stops the pipeline and nothing accepted is lost", on separate OS processes from
 * the built jar: {@code raqib broker}, {@code raqib enrich}, {@code raqib sink}, articles published by
 * {@code raqib import}. Forms ({@code -Draqib.faults=…}): {@code short} (every {@code mvn verify}) kills enrich,
 * sink and the broker once each during the import, then poisons every input; {@code long}
 * ({@code mvn verify -Pfaults}) kills enrich and sink ten times each and the broker once, measures recovery with
 * and without a restart, poisons more, compares with a fault-free run of the same input and soaks a fresh cluster
 * for ten minutes at 300 articles/s; {@code recovery} only measures recovery ({@code -Draqib.faults.membership=
 * dynamic} to run the stages without instance ids); {@code soak} only soaks. The summary is printed and written to
 * {@code target/fault-suite-<form>.txt}; docs/reliability.md explains it.
 */
class FaultSuiteIT {

    /** The size of a run. */
    record Plan(String name, int chunkSize, List<Victim> victims, int recoveryTrials, int goodAmongPoison,
                int rawPoison, int oversized, int enrichedPoison, boolean cleanRun, Duration soak) {

        /** Chunks imported: the first at start-up, then one per fault. */
        int chunks() {
            return victims.size() + 1;
        }

        /** Whether this form has a faulted run at all (the soak form has only the soak). */
        boolean faulted() {
            return !victims.isEmpty() || recoveryTrials > 0 || rawPoison > 0;
        }
    }

    static final Map<String, Plan> PLANS = Map.of(
            "short", new Plan("short", 100, List.of(Victim.ENRICH, Victim.SINK, Victim.BROKER), 0, 150, 1_000, 4,
                    100, false, Duration.ZERO),
            "long", new Plan("long", 200, longVictims(), 3, 400, 1_500, 20, 200, true, Duration.ofMinutes(10)),
            "recovery", new Plan("recovery", 100, List.of(), 5, 0, 0, 0, 0, false, Duration.ZERO),
            "soak", new Plan("soak", 100, List.of(), 0, 0, 0, 0, 0, false, Duration.ofMinutes(10)));
    private static final int PARTITIONS = 3;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private static List<Victim> longVictims() {
        List<Victim> victims = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            victims.add(Victim.ENRICH);
            victims.add(Victim.SINK);
            if (i == 4) {
                victims.add(Victim.BROKER);
            }
        }
        return victims;
    }

    @Test
    void pipelineLosesAndDuplicatesNothingThroughKillsAndPoison() throws Exception {
        Plan plan = PLANS.get(System.getProperty("raqib.faults", "short"));
        boolean staticMembership = !"dynamic".equals(System.getProperty("raqib.faults.membership"));
        FaultReport report = new FaultReport(Path.of("target", "fault-suite-" + plan.name() + ".txt"));
        report.section("Raqib fault suite, " + plan.name() + " form: " + RaqibProcess.JAR + ", input "
                + FaultInput.corpus().map(Path::toString).orElse("generated (no corpus found)") + ", stages "
                + (staticMembership ? "with instance ids" : "without instance ids") + "; processes' logs in " + work
                + " (kept when a check fails)");
        try {
            run(plan, staticMembership, report);
        } catch (Exception | AssertionError e) {
            report.check("the suite ran to its end", false, e.toString());
            throw e;
        } finally {
            report.write();
        }
        assertThat(report.failed()).as("failed checks (summary in target/fault-suite-%s.txt)", plan.name()).isEmpty();
    }

    private void run(Plan plan, boolean staticMembership, FaultReport report) throws Exception {
        FaultInputFiles input = FaultInputFiles.write(work.resolve("input"), plan.chunks(), plan.chunkSize(),
                plan.goodAmongPoison());
        if (plan.faulted()) {
            faultedAndCleanRuns(plan, staticMembership, input, report);
        }
        if (!plan.soak().isZero()) {
            try (FaultRun soak = new FaultRun(work.resolve("soak"), input.fileWatches(), report, staticMembership)) {
                soak.start(input.chunks().get(0));
                Soak.run(soak, plan.soak(), 300, report);
            }
        }
    }

    private void faultedAndCleanRuns(Plan plan, boolean staticMembership, FaultInputFiles input,
                                     FaultReport report) throws Exception {
        Predicate<String> compared = id -> input.faultIds().contains(id) || input.goodIds().contains(id);
        try (OfflineReference reference = new OfflineReference(work.resolve("match"), input.allWatches(),
                input.referenceInputs())) {
            Map<AlertKey, Integer> faulted;
            try (FaultRun run = new FaultRun(work.resolve("faulted"), input.fileWatches(), report, staticMembership)) {
                faulted = faultedRun(run, plan, input, reference, report);
            }
            if (plan.cleanRun()) {
                report.section("The same input without faults");
                try (FaultRun clean = new FaultRun(work.resolve("clean"), input.fileWatches(), report,
                        staticMembership)) {
                    Map<AlertKey, Integer> cleanAlerts = cleanRun(clean, input, report);
                    AlertComparison offline = AlertComparison.of(expected(reference, input), cleanAlerts, compared);
                    report.check("fault-free run = offline raqib match", offline.exact(), offline.describe());
                    AlertComparison same = AlertComparison.of(cleanAlerts.keySet(), faulted, compared);
                    report.check("faulted run = fault-free run (pairs and counts)", same.exact(), same.describe());
                }
            }
        }
    }

    private static Map<AlertKey, Integer> faultedRun(FaultRun run, Plan plan, FaultInputFiles input,
                                                     OfflineReference reference, FaultReport report)
            throws Exception {
        report.section("Start-up race and faults during the import (" + plan.chunks() + " chunks of "
                + plan.chunkSize() + " articles)");
        try (MemorySampler memory = new MemorySampler(() -> run.cluster().current(), Duration.ofSeconds(10))) {
            run.start(input.chunks().get(0));
            for (int i = 0; i < plan.victims().size(); i++) {
                run.importWithFault(input.chunks().get(i + 1), i + 1, input.chunkIds().get(i + 1),
                        plan.victims().get(i));
            }
            boolean drained = run.drain("faults");
            Set<AlertKey> expected = expected(reference, input);
            report.line("raqib match (offline, same code): " + expected.size() + " alerts expected in all");
            AlertComparison faults = AlertComparison.of(expected, run.observer().alerts(), input.faultIds()::contains);
            report.check("alerts after the faults = offline raqib match", drained && faults.exact(), faults.describe());
            reportRecoveries(run, report);
            if (plan.recoveryTrials() > 0) {
                recoveryTrials(run, plan.recoveryTrials(), report);
            }
            if (plan.rawPoison() > 0) {
                poison(run, plan, input, expected, report);
            }
            MemoryReport.print(memory, report);
        }
        return run.observer().alerts();
    }

    /**
     * The alerts {@code raqib match} gives, less those of the watch added through the topic for the fault articles:
     * it only exists after them.
     */
    private static Set<AlertKey> expected(OfflineReference reference, FaultInputFiles input) throws Exception {
        return reference.alerts().stream().filter(k -> !(k.watchId().equals(FaultInput.TOPIC_WATCH.id())
                && input.faultIds().contains(k.articleId()))).collect(Collectors.toSet());
    }

    private static void recoveryTrials(FaultRun run, int trials, FaultReport report) throws Exception {
        report.section("Recovery after kill -9, measured with 20 probe articles/s");
        try (RecoveryTrials recovery = new RecoveryTrials(run, report, PARTITIONS)) {
            for (int i = 0; i < trials; i++) {
                recovery.measure(FaultRun.ENRICH, Stage.ENRICH, true);
                recovery.measure(FaultRun.SINK, Stage.SINK, true);
            }
            run.cluster().startStage("enrich-b", Stage.ENRICH);
            run.cluster().startStage("sink-b", Stage.SINK);
            run.cluster().awaitReady("enrich-b");
            run.cluster().awaitReady("sink-b");
            for (int i = 0; i < trials; i++) {
                for (Stage stage : Stage.values()) {
                    String instance = stage == Stage.ENRICH ? FaultRun.ENRICH : FaultRun.SINK;
                    recovery.measure(instance, stage, false);
                    run.cluster().restart(instance);
                    run.cluster().awaitReady(instance);
                }
            }
            run.cluster().stop("enrich-b");
            run.cluster().stop("sink-b");
            recovery.summarize();
        }
    }

    private static void poison(FaultRun run, Plan plan, FaultInputFiles input, Set<AlertKey> expected,
                               FaultReport report) throws Exception {
        report.section("Poison (" + plan.rawPoison() + " on raqib.articles.raw between " + plan.goodAmongPoison()
                + " good articles, " + plan.enrichedPoison() + " on raqib.articles.enriched, 4 watches)");
        int exitsBefore = run.cluster().unexpectedExits().size();
        PoisonPhase poison = new PoisonPhase(run, report);
        poison.poisonWatches(true);
        poison.restartSinkWithPoisonStored();
        poison.poisonArticles(plan.rawPoison(), plan.oversized(), plan.enrichedPoison(), input.good());
        boolean drained = run.drain("poison");
        poison.verify();
        AlertComparison good = AlertComparison.of(expected, run.observer().alerts(), input.goodIds()::contains);
        report.check("good articles between the poison alert exactly as offline", drained && good.exact(),
                good.describe());
        Set<String> strange = input.good().stream().map(Article::id).filter(id -> id.endsWith("-strange"))
                .collect(Collectors.toSet());
        report.check("articles with bidi/control characters in their text are enriched, not dead-lettered",
                run.observer().enriched().keySet().containsAll(strange), strange.size() + " such articles");
        List<String> exits = run.cluster().unexpectedExits();
        report.check("no process exited by itself during the poison", exits.size() == exitsBefore,
                String.join("\n", exits.subList(exitsBefore, exits.size())));
        checkNoStrangers(run, input, report);
    }

    private static Map<AlertKey, Integer> cleanRun(FaultRun run, FaultInputFiles input, FaultReport report)
            throws Exception {
        run.start(input.allArticles());
        run.drain("clean");
        new PoisonPhase(run, report).poisonWatches(false);
        Poison.send(run.cluster().bootstrapServers(), input.good().stream()
                .map(a -> Poison.good(Topics.ARTICLES_RAW.name(), a)).toList());
        run.drain("clean");
        return run.observer().alerts();
    }

    private static void reportRecoveries(FaultRun run, FaultReport report) {
        List<Duration> r = run.recoveries().stream().sorted().toList();
        if (!r.isEmpty()) {
            report.line(String.format("recovery (kill → first new output): %d faults, min %.1f s, median %.1f s, "
                    + "max %.1f s", r.size(), r.get(0).toMillis() / 1e3, r.get(r.size() / 2).toMillis() / 1e3,
                    r.get(r.size() - 1).toMillis() / 1e3));
        }
        report.line("stages restarted by the harness after exiting by themselves: "
                + run.cluster().unexpectedExits().size());
        run.cluster().unexpectedExits().forEach(e -> report.line("  " + e.replace("\n", "\n  ")));
    }

    /** Alerts for articles nobody sent as good: poison that slipped through, or ids mangled on the way. */
    private static void checkNoStrangers(FaultRun run, FaultInputFiles input, FaultReport report) {
        List<AlertKey> strangers = run.observer().alerts().keySet().stream()
                .filter(k -> k.articleId() == null || !k.articleId().startsWith(FaultInput.PROBE_PREFIX)
                        && !input.faultIds().contains(k.articleId()) && !input.goodIds().contains(k.articleId()))
                .toList();
        report.check("no alert for an article that was not sent as good", strangers.isEmpty()
                && run.observer().unreadableAlerts() == 0, strangers.size() + " such alerts"
                + (strangers.isEmpty() ? "" : " e.g. " + strangers.subList(0, Math.min(5, strangers.size())))
                + ", unreadable alerts " + run.observer().unreadableAlerts());
    }
}
