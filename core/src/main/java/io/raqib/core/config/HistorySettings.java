package io.raqib.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The alert history (a searchable index of {@code raqib.alerts} kept on disk), part of {@link SinkSettings}.
 *
 * @param dir        {@code raqib.history.dir}: the folder of the index; empty (the default) = {@code history} under
 *                   {@code raqib.state.dir}. One process per folder.
 * @param retention  {@code raqib.history.retention}: how long an alert stays searchable (default {@code P90D})
 * @param maxExports {@code raqib.history.max.exports}: history exports one process streams at once (default 2);
 *                   one more is answered 429
 * @param maxResumes {@code raqib.history.max.resumes}: reconnecting consoles one process reads their missed alerts
 *                   back from {@code raqib.alerts} for at once (default 4); one more resumes from the recent alerts
 */
public record HistorySettings(Optional<Path> dir, Duration retention, int maxExports, int maxResumes) {

    public static final String DIR = "raqib.history.dir";
    public static final String RETENTION = "raqib.history.retention";
    public static final String MAX_EXPORTS = "raqib.history.max.exports";
    public static final String MAX_RESUMES = "raqib.history.max.resumes";
    /** The folder under the state dir used when {@code raqib.history.dir} is not set. */
    public static final String DEFAULT_FOLDER = "history";

    static final Map<String, String> DEFAULTS = Map.of(DIR, "", RETENTION, "P90D", MAX_EXPORTS, "2",
            MAX_RESUMES, "4");

    /** The default settings: under the state dir, 90 days, 2 exports and 4 resumes at once. */
    public static HistorySettings defaults() {
        return from(ConfigValues.merge(DEFAULTS, null, Map.of(), Map.of()));
    }

    /** The index folder: {@link #dir} when set, else {@value #DEFAULT_FOLDER} under {@code stateDir}. */
    public Path dirUnder(Path stateDir) {
        return dir.orElse(stateDir.resolve(DEFAULT_FOLDER));
    }

    static HistorySettings from(ConfigValues v) {
        return new HistorySettings(v.path(DIR), v.duration(RETENTION), v.positiveInt(MAX_EXPORTS),
                v.positiveInt(MAX_RESUMES));
    }
}
