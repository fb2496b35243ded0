package io.raqib.app.faults;

import io.raqib.app.faults.Poison.Kind;
import io.raqib.app.faults.Poison.Sent;
import io.raqib.app.faults.TopicObserver.AlertKey;
import io.raqib.app.faults.TopicObserver.DeadLetter;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The poison step of a fault run: poison watches, then a watch that must still work; the sink restarted with the
 * poison stored; poison articles on {@code raqib.articles.raw} interleaved with good ones, and poison on
 * {@code raqib.articles.enriched}. Every poison record must end on {@code raqib.dlq} with complete headers naming
 * where it came from, and the pipeline must go on.
 */
final class PoisonPhase {

    private static final Set<String> SOURCE_TOPICS = Set.of(Topics.ARTICLES_RAW.name(),
            Topics.ARTICLES_ENRICHED.name(), Topics.WATCHES.name());
    private static final int GOOD_AT_THE_END = 10;
    private final FaultRun run;
    private final FaultReport report;
    private final List<Sent> sent = new ArrayList<>();

    PoisonPhase(FaultRun run, FaultReport report) {
        this.run = run;
        this.report = report;
    }

    /** Writes the poison watches and waits until the good watch after them alerts (through probe articles). */
    void poisonWatches(boolean withPoison) throws Exception {
        String bootstrap = run.cluster().bootstrapServers();
        List<Poison.Item> items = Poison.watches(FaultInput.TOPIC_WATCH);
        sent.addAll(Poison.send(bootstrap, withPoison ? items : items.subList(items.size() - 1, items.size())));
        long started = System.nanoTime();
        boolean live = false;
        for (int n = 0; !live && System.nanoTime() - started < FaultRun.STALL.toNanos(); n++) {
            Article probe = FaultInput.probe("watch", n, "مصر");
            Poison.send(bootstrap, List.of(Poison.good(Topics.ARTICLES_RAW.name(), probe)));
            live = run.awaitCondition(() -> run.observer().alerts().keySet().stream()
                    .anyMatch(k -> k.watchId().equals(FaultInput.TOPIC_WATCH.id())), Duration.ofSeconds(10));
        }
        report.check("a watch added through raqib.watches" + (withPoison ? " after the poison watches" : "")
                + " alerts", live, live ? String.format("after %.1f s", (System.nanoTime() - started) / 1e9)
                : "no alert within " + FaultRun.STALL.toMinutes() + " min\n" + run.cluster().diagnostics());
    }

    /** Kills the sink and checks that it starts again with the poison watches stored. */
    void restartSinkWithPoisonStored() throws Exception {
        run.cluster().kill(FaultRun.SINK);
        run.cluster().restart(FaultRun.SINK);
        try {
            run.cluster().awaitReady(FaultRun.SINK);
            report.check("sink starts with the poison watches stored", true, "");
        } catch (IllegalStateException e) {
            report.check("sink starts with the poison watches stored", false, e.getMessage());
        }
    }

    /** Writes the poison articles (good ones between them) to both article topics. */
    void poisonArticles(int raw, int oversized, int enriched, List<Article> good) throws Exception {
        String bootstrap = run.cluster().bootstrapServers();
        // Good articles evenly between the poison, the last few after all of it (the oversized ones last).
        int every = Math.max(1, raw / Math.max(1, good.size() - GOOD_AT_THE_END));
        sent.addAll(Poison.send(bootstrap, Poison.interleaved(Topics.ARTICLES_RAW.name(), raw, oversized, good,
                every)));
        sent.addAll(Poison.send(bootstrap, Poison.interleaved(Topics.ARTICLES_ENRICHED.name(), enriched, 0,
                List.of(), 1)));
    }

    /** What became of a poison record. */
    private enum Fate { DEAD_LETTERED, HEADERS_MISSING, PROCESSED, LOST }

    /** Checks, after the run drained, that every poison record is on the DLQ (or, oversized, came out). */
    void verify() {
        Map<String, DeadLetter> bySource = run.observer().deadLetters().stream()
                .collect(Collectors.toMap(DeadLetter::source, Function.identity(), (a, b) -> a));
        Map<String, Integer> enriched = run.observer().enriched();
        Set<String> alerted = run.observer().alerts().keySet().stream().map(AlertKey::articleId)
                .collect(Collectors.toSet());
        Map<Kind, Map<Fate, Integer>> byKind = new EnumMap<>(Kind.class);
        List<String> problems = new ArrayList<>();
        for (Sent s : sent) {
            if (s.kind() == Kind.GOOD) {
                continue;
            }
            DeadLetter letter = bySource.get(s.source());
            boolean processed = s.id() != null && (s.topic().equals(Topics.ARTICLES_RAW.name())
                    ? enriched.containsKey(s.id()) : alerted.contains(s.id()));
            Fate fate = letter != null ? (letter.complete() ? Fate.DEAD_LETTERED : Fate.HEADERS_MISSING)
                    : processed ? Fate.PROCESSED : Fate.LOST;
            byKind.computeIfAbsent(s.kind(), k -> new EnumMap<>(Fate.class)).merge(fate, 1, Integer::sum);
            switch (fate) {
                case HEADERS_MISSING -> problems.add(s.source() + " (" + s.kind()
                        + "): dead letter without every header: " + letter);
                case PROCESSED -> {
                    if (!s.kind().mayPass()) {
                        problems.add(s.source() + " (" + s.kind() + "): processed as if valid, not dead-lettered");
                    }
                }
                case LOST -> problems.add(s.source() + " (" + s.kind() + "): neither on raqib.dlq nor processed");
                case DEAD_LETTERED -> { }
            }
        }
        report.line("poison kind: sent / dead-lettered with all headers / dead-lettered, headers missing / "
                + "processed as valid / lost");
        byKind.forEach((kind, fates) -> report.line(String.format("  %-16s %5d / %5d / %3d / %4d / %4d", kind,
                fates.values().stream().mapToInt(Integer::intValue).sum(), fates.getOrDefault(Fate.DEAD_LETTERED, 0),
                fates.getOrDefault(Fate.HEADERS_MISSING, 0), fates.getOrDefault(Fate.PROCESSED, 0),
                fates.getOrDefault(Fate.LOST, 0))));
        List<DeadLetter> elsewhere = run.observer().deadLetters().stream()
                .filter(d -> !SOURCE_TOPICS.contains(d.topic())).toList();
        report.line("dead letters naming an internal topic as their source: " + elsewhere.size()
                + (elsewhere.isEmpty() ? "" : " (e.g. " + elsewhere.get(0).source() + ": " + elsewhere.get(0)
                .errorClass() + ")"));
        report.check("every poison record is dead-lettered with its source and reason", problems.isEmpty(),
                problems.size() + " problem(s)" + (problems.isEmpty() ? ""
                : ", e.g.\n    " + String.join("\n    ", problems.subList(0, Math.min(12, problems.size())))));
    }
}
