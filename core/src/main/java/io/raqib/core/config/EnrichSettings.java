package io.raqib.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the enrich stage, a section of {@link RaqibConfig}.
 *
 * @param gazetteerDir       {@code raqib.gazetteer.dir}: extra gazetteer {@code *.tsv} files, loaded at start;
 *                           null = bundled data only
 * @param topicRulesDir      {@code raqib.topic.rules.dir}: extra topic rule {@code *.tsv} files, loaded at start;
 *                           null = bundled rules only
 * @param boilerplateDir     {@code raqib.boilerplate.dir}: extra boilerplate form {@code *.tsv} files, loaded at
 *                           start; null = bundled forms only
 * @param window             {@code raqib.dedup.window}: how far back near-duplicates and stories are looked for
 *                           (ISO-8601 duration, default {@code PT72H})
 * @param duplicateThreshold {@code raqib.duplicate.threshold}: least similarity of a near-duplicate
 *                           (0.6: story-body shingles, docs/quality.md)
 * @param storyThreshold     {@code raqib.story.threshold}: least content-word similarity of one story (0.3)
 */
public record EnrichSettings(Path gazetteerDir, Path topicRulesDir, Path boilerplateDir, Duration window,
                             double duplicateThreshold, double storyThreshold) {

    public static final String GAZETTEER_DIR = "raqib.gazetteer.dir";
    public static final String TOPIC_RULES_DIR = "raqib.topic.rules.dir";
    public static final String BOILERPLATE_DIR = "raqib.boilerplate.dir";
    public static final String DEDUP_WINDOW = "raqib.dedup.window";
    public static final String DUPLICATE_THRESHOLD = "raqib.duplicate.threshold";
    public static final String STORY_THRESHOLD = "raqib.story.threshold";

    static final Map<String, String> DEFAULTS = Map.of(
            GAZETTEER_DIR, "",
            TOPIC_RULES_DIR, "",
            BOILERPLATE_DIR, "",
            DEDUP_WINDOW, "PT72H",
            DUPLICATE_THRESHOLD, "0.6",
            STORY_THRESHOLD, "0.3");

    /** The defaults: bundled data only, a 72-hour window, thresholds 0.6 and 0.3. */
    public static EnrichSettings defaults() {
        return RaqibConfig.defaults().enrich();
    }

    static EnrichSettings from(ConfigValues v) {
        return new EnrichSettings(v.path(GAZETTEER_DIR).orElse(null), v.path(TOPIC_RULES_DIR).orElse(null),
                v.path(BOILERPLATE_DIR).orElse(null), v.duration(DEDUP_WINDOW), v.fraction(DUPLICATE_THRESHOLD),
                v.fraction(STORY_THRESHOLD));
    }
}
