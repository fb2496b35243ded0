package io.raqib.core.config;

import java.time.Duration;
import java.util.Map;

/**
 * The bounds every watch must respect, whichever way it arrives (REST API, {@code raqib watches}, a watches file,
 * a record on {@code raqib.watches}): part of {@link SinkSettings}. They keep one watch from costing the sink
 * unbounded parsing, memory or matching time.
 *
 * @param maxQueryChars  {@code raqib.watch.max.query.chars}: longest {@code query}, in characters (4000)
 * @param maxDepth       {@code raqib.watch.max.depth}: deepest nesting of parentheses in a query (10)
 * @param maxClauses     {@code raqib.watch.max.clauses}: most terms a watch (query and weighted terms together)
 *                       has after analysis (256)
 * @param maxLanguages   {@code raqib.watch.max.languages}: most entries in {@code languages} (10)
 * @param maxTerms       {@code raqib.watch.max.terms}: most entries in each of {@code terms}, {@code required},
 *                       {@code excluded} (100)
 * @param maxTermChars   {@code raqib.watch.max.term.chars}: longest entry of those lists, in characters (200)
 * @param minPrefixChars {@code raqib.watch.min.prefix.chars}: fewest characters before a trailing {@code *} (3)
 * @param maxLabelChars  {@code raqib.watch.max.label.chars}: longest {@code name} and {@code owner} (200)
 * @param maxThrottle    {@code raqib.watch.max.throttle}: longest {@code throttle} (ISO-8601, {@code P30D})
 */
public record WatchLimits(int maxQueryChars, int maxDepth, int maxClauses, int maxLanguages, int maxTerms,
                          int maxTermChars, int minPrefixChars, int maxLabelChars, Duration maxThrottle) {

    public static final String MAX_QUERY_CHARS = "raqib.watch.max.query.chars";
    public static final String MAX_DEPTH = "raqib.watch.max.depth";
    public static final String MAX_CLAUSES = "raqib.watch.max.clauses";
    public static final String MAX_LANGUAGES = "raqib.watch.max.languages";
    public static final String MAX_TERMS = "raqib.watch.max.terms";
    public static final String MAX_TERM_CHARS = "raqib.watch.max.term.chars";
    public static final String MIN_PREFIX_CHARS = "raqib.watch.min.prefix.chars";
    public static final String MAX_LABEL_CHARS = "raqib.watch.max.label.chars";
    public static final String MAX_THROTTLE = "raqib.watch.max.throttle";

    static final Map<String, String> DEFAULTS = Map.of(
            MAX_QUERY_CHARS, "4000",
            MAX_DEPTH, "10",
            MAX_CLAUSES, "256",
            MAX_LANGUAGES, "10",
            MAX_TERMS, "100",
            MAX_TERM_CHARS, "200",
            MIN_PREFIX_CHARS, "3",
            MAX_LABEL_CHARS, "200",
            MAX_THROTTLE, "P30D");

    /** The defaults, without reading a file or the environment. */
    public static WatchLimits defaults() {
        return from(ConfigValues.merge(DEFAULTS, null, Map.of(), Map.of()));
    }

    static WatchLimits from(ConfigValues v) {
        return new WatchLimits(v.positiveInt(MAX_QUERY_CHARS), v.positiveInt(MAX_DEPTH), v.positiveInt(MAX_CLAUSES),
                v.positiveInt(MAX_LANGUAGES), v.positiveInt(MAX_TERMS), v.positiveInt(MAX_TERM_CHARS),
                v.positiveInt(MIN_PREFIX_CHARS), v.positiveInt(MAX_LABEL_CHARS), v.duration(MAX_THROTTLE));
    }
}
