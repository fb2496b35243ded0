package io.raqib.enrich;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Settings of the enrich stage, from environment variables (or the same names given as a map in tests).
 *
 * @param gazetteerDir       {@code RAQIB_GAZETTEER_DIR}: extra gazetteer {@code *.tsv} files, loaded at start
 * @param topicRulesDir      {@code RAQIB_TOPIC_RULES_DIR}: extra topic rule {@code *.tsv} files, loaded at start
 * @param window             {@code RAQIB_DEDUP_WINDOW}: how far back near-duplicates and stories are looked
 *                           for (ISO-8601 duration, default {@code PT72H})
 * @param duplicateThreshold {@code RAQIB_DUPLICATE_THRESHOLD}: least similarity of a near-duplicate (0.9)
 * @param storyThreshold     {@code RAQIB_STORY_THRESHOLD}: least content-word similarity of one story (0.3)
 */
public record EnrichSettings(Path gazetteerDir, Path topicRulesDir, Duration window, double duplicateThreshold,
                             double storyThreshold) {

    /** The defaults: bundled data only, a 72-hour window, thresholds 0.9 and 0.3. */
    public static EnrichSettings defaults() {
        return from(Map.of());
    }

    /** The settings of this process's environment. */
    public static EnrichSettings fromEnvironment() {
        return from(System.getenv());
    }

    /** The settings named in {@code env}. */
    public static EnrichSettings from(Map<String, String> env) {
        return new EnrichSettings(path(env, "RAQIB_GAZETTEER_DIR"), path(env, "RAQIB_TOPIC_RULES_DIR"),
                duration(env, "RAQIB_DEDUP_WINDOW", Duration.ofHours(72)),
                fraction(env, "RAQIB_DUPLICATE_THRESHOLD", 0.9), fraction(env, "RAQIB_STORY_THRESHOLD", 0.3));
    }

    private static Path path(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT72H, got '"
                    + value + "'");
        }
    }

    private static double fraction(Map<String, String> env, String name, double fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (d <= 0 || d > 1) {
                throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number in (0, 1], got '" + value + "'");
        }
    }
}
