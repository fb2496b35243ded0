package io.raqib.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The alert history (a searchable index of {@code raqib.alerts} kept on disk), part of {@link SinkSettings}.
 *
 * @param dir       {@code raqib.history.dir}: the folder of the index; empty (the default) = {@code history} under
 *                  {@code raqib.state.dir}. One process per folder.
 * @param retention {@code raqib.history.retention}: how long an alert stays searchable (default {@code P90D})
 */
public record HistorySettings(Optional<Path> dir, Duration retention) {

    public static final String DIR = "raqib.history.dir";
    public static final String RETENTION = "raqib.history.retention";
    /** The folder under the state dir used when {@code raqib.history.dir} is not set. */
    public static final String DEFAULT_FOLDER = "history";

    static final Map<String, String> DEFAULTS = Map.of(DIR, "", RETENTION, "P90D");

    /** The default settings: under the state dir, 90 days. */
    public static HistorySettings defaults() {
        return from(ConfigValues.merge(DEFAULTS, null, Map.of(), Map.of()));
    }

    /** The index folder: {@link #dir} when set, else {@value #DEFAULT_FOLDER} under {@code stateDir}. */
    public Path dirUnder(Path stateDir) {
        return dir.orElse(stateDir.resolve(DEFAULT_FOLDER));
    }

    static HistorySettings from(ConfigValues v) {
        return new HistorySettings(v.path(DIR), v.duration(RETENTION));
    }
}
