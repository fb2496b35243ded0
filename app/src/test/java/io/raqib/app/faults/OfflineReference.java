package io.raqib.app.faults;

import io.raqib.app.faults.TopicObserver.AlertKey;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts a fault run must produce, computed without a broker by {@code raqib match} (the same enrichment and
 * matching code) as its own process, started early so it runs while the cluster starts.
 */
final class OfflineReference implements AutoCloseable {

    private final RaqibProcess match;
    private Set<AlertKey> alerts;

    /** Starts {@code raqib match --watches watchesFile inputs…}. */
    OfflineReference(Path dir, Path watchesFile, List<Path> inputs) throws IOException {
        List<String> args = new ArrayList<>(List.of("match", "--watches", watchesFile.toString()));
        inputs.forEach(p -> args.add(p.toString()));
        match = RaqibProcess.start("match", dir, Map.of(), args);
    }

    /** The (watch, article) pairs {@code raqib match} printed (waits for it once); fails when it did not exit 0. */
    Set<AlertKey> alerts() throws IOException, InterruptedException {
        if (alerts != null) {
            return alerts;
        }
        long exit = match.awaitExit(Duration.ofMinutes(10)).orElse(-1);
        if (exit != 0) {
            throw new IllegalStateException("raqib match exited with " + exit + ": " + match.stderrTail(20));
        }
        Set<AlertKey> read = new HashSet<>();
        for (String line : match.stdoutLines()) {
            if (!line.isBlank()) {
                Alert a = RaqibJson.mapper().readValue(line, Alert.class);
                read.add(new AlertKey(a.data().watchId(), a.data().articleId()));
            }
        }
        alerts = Set.copyOf(read);
        return alerts;
    }

    @Override
    public void close() throws InterruptedException {
        match.close();
    }
}
